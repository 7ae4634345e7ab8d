import { adapterContract } from '../support/adapter-contract.ts';
import { startNodeHttp } from '../support/servers.ts';

adapterContract('node-http', startNodeHttp);
