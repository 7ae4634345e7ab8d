/** A mistake on the command line: exit status 2. */
export class UsageError extends Error {
  /** Always `ERR_CLI_USAGE`. */
  readonly code = 'ERR_CLI_USAGE' as const;

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
