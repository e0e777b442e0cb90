import type { NoticeFacts, NoticeKind } from '../sms-notice';

/** What every template may use besides its own facts, already in the message's language. */
export interface TemplateContext {
  /** The resident as the event masked them, or a neutral word where it named nobody. */
  readonly name: string;
  readonly station: string;
  readonly yuan: (fen: number) => string;
}

/** One wording per kind of notice, checked by the compiler to cover every kind. */
export type Templates = {
  readonly [K in NoticeKind]: (
    facts: Extract<NoticeFacts, { kind: K }>,
    c: TemplateContext,
  ) => string;
};

/** A clerk's reason often ends with its own full stop; the template adds one. */
export function bare(reason: string): string {
  return reason.trim().replace(/[。.!！;；,，\s]+$/u, '');
}
