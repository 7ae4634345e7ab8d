import { V2Error } from '../../src/index.ts';

/** Runs `run` and returns the V2Error code it threw, or undefined when it returned. */
export function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof V2Error) return error.code;
    throw error;
  }
  return undefined;
}

/** Runs `run`, expecting a V2Error, and returns it. */
export function refusal(run: () => unknown): V2Error {
  try {
    run();
  } catch (error) {
    if (error instanceof V2Error) return error;
    throw error;
  }
  throw new Error('accepted');
}
