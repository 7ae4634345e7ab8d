import type { Command } from '../command.ts';

/** Every command of the `qqwxpay` line. */
export const commands: readonly Command[] = [];
