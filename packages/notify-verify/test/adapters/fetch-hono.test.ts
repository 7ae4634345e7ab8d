import { adapterContract } from '../support/adapter-contract.ts';
import { startHono } from '../support/servers.ts';

adapterContract('hono', startHono);
