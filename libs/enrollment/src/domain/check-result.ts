/** The answer of an identity check: the parsed value, or one sentence a clerk can act on. */
export type CheckResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

export const accepted = <T>(value: T): CheckResult<T> => ({ ok: true, value });
export const refused = <T>(problem: string): CheckResult<T> => ({ ok: false, problem });
