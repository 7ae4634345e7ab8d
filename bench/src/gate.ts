import type { ContenderName, GateResult, Operation, Runner } from './model.ts';

async function refused(attempt: () => unknown): Promise<boolean> {
  try {
    const result = await attempt();
    return result === false || result instanceof Error;
  } catch {
    return true;
  }
}

/**
 * Runs one contender's correctness gate for one operation: the valid input gives the expected
 * output (twice, so a contender that keeps state between calls is caught), and every altered
 * input is refused.
 */
export async function gate(
  operation: Operation,
  contender: ContenderName,
  runner: Runner,
): Promise<GateResult> {
  const base = { operation: operation.id, contender };
  for (let pass = 0; pass < 2; pass++) {
    try {
      const output = await runner.run();
      operation.check(runner.output ? runner.output(output) : output);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ...base, passed: false, reason: `valid input: ${reason}` };
    }
  }
  const tampered = runner.tampered ?? [];
  if (tampered.length !== operation.altered.length) {
    const reason = `the bench gives ${tampered.length} altered inputs, the operation has ${operation.altered.length}`;
    return { ...base, passed: false, reason };
  }
  for (const [index, attempt] of tampered.entries()) {
    if (!(await refused(attempt))) {
      return {
        ...base,
        passed: false,
        reason: `accepted an input with ${operation.altered[index]}`,
      };
    }
  }
  return { ...base, passed: true };
}
