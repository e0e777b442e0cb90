/**
 * What the notifier needs to text the resident about a business result ("one message",
 * seed 000): the phone to send to, the name as it may appear in an SMS, one sentence saying
 * what happened, and the amounts in fen. The notifier owns the wording of the SMS itself.
 */
export interface Notice {
  readonly phone: string | null;
  readonly maskedName: string;
  readonly summary: string;
  readonly amountsFen: Readonly<Record<string, number>>;
}

/** Only the family name stays readable, as on the provincial SMS platform: 张三丰 → 张**. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

export function notice(
  person: { readonly phone: string | null; readonly name: string },
  summary: string,
  amountsFen: Readonly<Record<string, number>> = {},
): Notice {
  return { phone: person.phone, maskedName: maskName(person.name), summary, amountsFen };
}
