import { UserError } from '../../lib/user-error';

/** Runs a CLI action: prints a UserError's message and sets exit code 1 instead of a stack trace. */
export function runAction<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (e) {
      if (e instanceof UserError) {
        console.error(e.message);
        process.exitCode = 1;
        return;
      }
      throw e;
    }
  };
}
