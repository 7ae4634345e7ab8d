import { parseArgs } from 'node:util';
import { V2Error } from '@qqwxpay/codec-v2';
import { V3Error } from '@qqwxpay/codec-v3';
import { NotifyError } from '@qqwxpay/notify-verify';
import { QqProxyError } from '@qqwxpay/proxy-url';
import { SandboxError } from '@qqwxpay/sandbox';
import type { Command, Flags } from './command.ts';
import { commands } from './commands/index.ts';
import { exitCodeFor } from './exit-codes.ts';
import { type CliIo, processIo } from './io.ts';
import { UsageError } from './usage-error.ts';

export type { CliIo } from './io.ts';

/**
 * Runs the `qqwxpay` command line and resolves to its exit status: 0 success, 1 input not
 * authentic or not decryptable, 2 usage errors and malformed or refused input.
 *
 * @param argv - the arguments after the program name
 * @param io - where to read and write; the process's own streams by default
 * @example
 * ```ts
 * process.exitCode = await main(['v2', 'sign', '--key', key]);
 * ```
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    if (argv.length === 0) throw new UsageError('no command given; run qqwxpay help');
    if (argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
      io.stdout(helpText());
      return 0;
    }
    const command = findCommand(argv);
    if (!command) throw new UsageError(`unknown command: ${argv.slice(0, 2).join(' ')}`);
    const parsed = parseFlags(command, argv.slice(command.words.length));
    if (parsed === 'help') {
      io.stdout(`${commandHelp(command)}\n`);
      return 0;
    }
    return await command.run(parsed.flags, io, parsed.rest);
  } catch (error) {
    return report(error, io);
  }
}

function findCommand(argv: readonly string[]): Command | undefined {
  let best: Command | undefined;
  for (const command of commands) {
    const matches = command.words.every((word, i) => argv[i] === word);
    if (matches && (!best || command.words.length > best.words.length)) best = command;
  }
  return best;
}

/**
 * Parses a command's flags strictly: `--help`/`-h` only as a flag of its own, each flag at most
 * once, no empty values, no words after the command.
 */
function parseFlags(
  command: Command,
  args: readonly string[],
): { flags: Flags; rest: [] } | 'help' {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, type] of Object.entries(command.flags)) options[name] = { type };
  options.help ??= { type: 'boolean', short: 'h' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  if (parsed.values.help === true && command.flags.help === undefined) return 'help';
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind === 'positional') {
      // Not echoed: a stray word is often a key or token that lost its flag.
      throw new UsageError(`unexpected argument at position ${token.index + 1}; flags only`);
    }
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} given more than once`);
    seen.add(token.name);
    if (token.value === '') throw new UsageError(`--${token.name} must not be empty`);
  }
  const flags = parsed.values as Flags;
  for (const name of command.required ?? []) {
    if (flags[name] === undefined) throw new UsageError(`missing --${name}`);
  }
  return { flags, rest: [] };
}

function report(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr(`qqwxpay: ${error.code}: ${error.message}\n`);
    return 2;
  }
  if (isLibraryError(error)) {
    io.stderr(`qqwxpay: ${error.code}: ${error.message}\n`);
    return exitCodeFor(error.code);
  }
  const system = fileSystemError(error);
  if (system !== undefined) {
    io.stderr(`qqwxpay: ERR_CLI_USAGE: ${system}\n`);
    return 2;
  }
  const nodeCode = (error as { code?: unknown } | null)?.code;
  if ((error instanceof TypeError || error instanceof RangeError) && nodeCode === undefined) {
    io.stderr(`qqwxpay: ERR_CLI_INVALID_ARGUMENT: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`qqwxpay: ERR_CLI_INTERNAL: ${message.split('\n')[0]}\n`);
  return 70;
}

/** The error classes of the qqwxpay libraries, whose codes are stable and printed as they are. */
function isLibraryError(error: unknown): error is Error & { code: string } {
  return (
    error instanceof V2Error ||
    error instanceof V3Error ||
    error instanceof QqProxyError ||
    error instanceof NotifyError ||
    error instanceof SandboxError
  );
}

const FILE_ERRORS: ReadonlySet<string> = new Set([
  'ENOENT',
  'EISDIR',
  'ENOTDIR',
  'EACCES',
  'EPERM',
  'EROFS',
  'ELOOP',
  'ENAMETOOLONG',
]);

/** A sentence for a file the command could not open (a path given on the command line). */
function fileSystemError(error: unknown): string | undefined {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  if (typeof code !== 'string' || !FILE_ERRORS.has(code)) return undefined;
  return typeof path === 'string' ? `cannot use the file ${path} (${code})` : `file error ${code}`;
}

function commandHelp(command: Command): string {
  const flags = Object.entries(command.flags)
    .map(([name, type]) => (type === 'string' ? `--${name} VALUE` : `--${name}`))
    .join(' ');
  return `qqwxpay ${command.words.join(' ')} ${flags}\n  ${command.summary}`;
}

function helpText(): string {
  const lines = commands.map((c) => `  ${c.words.join(' ').padEnd(22)} ${c.summary}`);
  return `usage: qqwxpay <command> [flags]\n\ncommands:\n${lines.join('\n')}\n`;
}
