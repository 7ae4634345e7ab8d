import type { CliIo } from './io.ts';

/** Parsed flags: each flag's last value, as a string, or `true` for a switch. */
export type Flags = Record<string, string | boolean | undefined>;

/** One command of the `qqwxpay` line, such as `v2 sign`. */
export interface Command {
  /** The words that select it, for example `['v2', 'sign']`. */
  words: readonly string[];
  /** One line for the help text. */
  summary: string;
  /** Flags it accepts: name to whether it takes a value (`string`) or is a switch (`boolean`). */
  flags: Record<string, 'string' | 'boolean'>;
  /** Flags that must be present. */
  required?: readonly string[];
  /** Runs the command; resolves to the exit status. Throws library errors for failures. */
  run(flags: Flags, io: CliIo, rest: readonly string[]): Promise<number>;
}
