import { adapterContract } from '../support/adapter-contract.ts';
import { startFetch } from '../support/servers.ts';

adapterContract('fetch', startFetch);
