const PREFIX = 'compileFormula: ';

/**
 * An error in a formula: what is wrong and what is allowed. The message names the function
 * (`compileFormula: unknown symbol 'foo' (allowed: …)`); `reason` is the same without the name,
 * as a scenario's issue shows it under the formula's path (`growth.formula: unknown symbol …`).
 */
export class FormulaError extends Error {
  override readonly name = 'FormulaError';
  /** What is wrong, without the function's name. */
  readonly reason: string;
  constructor(message: string) {
    const reason = message.startsWith(PREFIX) ? message.slice(PREFIX.length) : message;
    super(PREFIX + reason);
    this.reason = reason;
  }
}
