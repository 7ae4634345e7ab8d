import type { Command } from '../command.ts';
import { proxyCommands } from './proxy.ts';
import { v2Commands } from './v2.ts';

/** Every command of the `qqwxpay` line. */
export const commands: readonly Command[] = [...proxyCommands, ...v2Commands];
