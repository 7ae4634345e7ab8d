import { adapterContract } from '../support/adapter-contract.ts';
import { startFastify } from '../support/servers.ts';

adapterContract('fastify', startFastify);
