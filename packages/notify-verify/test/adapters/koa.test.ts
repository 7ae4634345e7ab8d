import { adapterContract } from '../support/adapter-contract.ts';
import { startKoa } from '../support/servers.ts';

adapterContract('koa', startKoa);
