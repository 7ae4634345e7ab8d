/** The codes of command-line failures that are the caller's: all exit status 2. */
export type CliUsageCode =
  | 'ERR_CLI_USAGE'
  | 'ERR_CLI_INPUT_NOT_UTF8'
  | 'ERR_CLI_JSON_DUPLICATE_KEY';

/** A mistake on the command line or in the input it reads: exit status 2. */
export class UsageError extends Error {
  /** `ERR_CLI_USAGE` unless a more precise code says what was refused. */
  readonly code: CliUsageCode;

  constructor(message: string, code: CliUsageCode = 'ERR_CLI_USAGE') {
    super(message);
    this.name = 'UsageError';
    this.code = code;
  }
}
