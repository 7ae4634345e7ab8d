import { adapterContract } from '../support/adapter-contract.ts';
import { startExpressUnparsed } from '../support/servers.ts';

adapterContract('express-unparsed', startExpressUnparsed);
