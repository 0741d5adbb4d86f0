/**
 * A failure to report to the person as one readable message, without a stack trace: what happened and what to
 * do. The `lz` commands print it and exit 1 (cli/lib/run-action.ts); discovery and the config commands throw it.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
