import type { Command } from '../command.ts';
import { demoCommand } from './demo.ts';
import { notifyCommands } from './notify.ts';
import { proxyCommands } from './proxy.ts';
import { sandboxCommand } from './sandbox.ts';
import { v2Commands } from './v2.ts';
import { v3Commands } from './v3.ts';

/** Every command of the `qqwxpay` line. */
export const commands: readonly Command[] = [
  ...proxyCommands,
  ...v2Commands,
  ...v3Commands,
  ...notifyCommands,
  demoCommand,
  sandboxCommand,
];
