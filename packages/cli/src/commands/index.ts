import type { Command } from '../command.ts';
import { proxyCommands } from './proxy.ts';

/** Every command of the `qqwxpay` line. */
export const commands: readonly Command[] = [...proxyCommands];
