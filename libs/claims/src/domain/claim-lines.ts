import type { FieldProblem } from '@circle/kernel';
import { InvalidClaimInput } from './claims.errors';

/** One line of a bill as the resident's receipts show it. Money in fen. */
export interface ClaimLine {
  readonly description: string;
  readonly totalFen: number;
  /** Total less self-paid items, amounts above price limits and self-paid-first parts. */
  readonly inScopeFen: number;
}

/** A document kept with the claim, named by its reference (a scan id or a receipt number). */
export interface ClaimAttachment {
  readonly reference: string;
  readonly description: string | null;
}

export const MAX_LINES = 50;
export const MAX_ATTACHMENTS = 20;
// The settlement request's ceiling per amount; fifty of them still add up to a safe integer.
const MAX_FEN = 9_000_000_000_000;

type Problems = FieldProblem[];
type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKnownKeys(raw: Raw, allowed: readonly string[], at: string, problems: Problems) {
  for (const key of Object.keys(raw))
    if (!allowed.includes(key))
      problems.push({ field: `${at}.${key}`, problem: 'is not an allowed field' });
}

function text(raw: Raw, key: string, at: string, max: number, problems: Problems): string {
  const value = raw[key];
  if (typeof value !== 'string' || value.trim().length === 0 || value.trim().length > max) {
    problems.push({ field: `${at}.${key}`, problem: `must be text of 1 to ${max} characters` });
    return '';
  }
  return value.trim();
}

function amount(raw: Raw, key: string, at: string, problems: Problems): number {
  const value = raw[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > MAX_FEN) {
    problems.push({ field: `${at}.${key}`, problem: 'must be a whole number of fen, 0 or more' });
    return 0;
  }
  return value;
}

function list(raw: unknown, field: string, min: number, max: number, problems: Problems) {
  if (Array.isArray(raw) && raw.length >= min && raw.length <= max) return raw as unknown[];
  problems.push({ field, problem: `must be a list of ${min} to ${max} items` });
  return [];
}

function line(raw: unknown, at: string, problems: Problems): ClaimLine {
  if (!isRecord(raw)) {
    problems.push({ field: at, problem: 'must be an object {description, totalFen, inScopeFen}' });
    return { description: '', totalFen: 0, inScopeFen: 0 };
  }
  onlyKnownKeys(raw, ['description', 'totalFen', 'inScopeFen'], at, problems);
  const description = text(raw, 'description', at, 100, problems);
  const totalFen = amount(raw, 'totalFen', at, problems);
  const inScopeFen = amount(raw, 'inScopeFen', at, problems);
  if (inScopeFen > totalFen)
    problems.push({
      field: `${at}.inScopeFen`,
      problem: `must not exceed ${at}.totalFen (${totalFen})`,
    });
  return { description, totalFen, inScopeFen };
}

/**
 * The bill lines of a claim or of its adjustment, each field checked and named as
 * `lines[i].field` so the clerk finds the line to fix. Every problem is reported at once.
 */
export function checkedLines(raw: unknown, field = 'lines'): ClaimLine[] {
  const problems: Problems = [];
  const lines = list(raw, field, 1, MAX_LINES, problems).map((l, i) =>
    line(l, `${field}[${i}]`, problems),
  );
  if (problems.length === 0 && totalsOf(lines).totalFen === 0)
    problems.push({ field, problem: 'must add up to more than 0 fen' });
  if (problems.length > 0) throw new InvalidClaimInput(problems);
  return lines;
}

function attachment(raw: unknown, at: string, problems: Problems): ClaimAttachment {
  if (!isRecord(raw)) {
    problems.push({ field: at, problem: 'must be an object {reference, description?}' });
    return { reference: '', description: null };
  }
  onlyKnownKeys(raw, ['reference', 'description'], at, problems);
  const reference = text(raw, 'reference', at, 100, problems);
  const described = raw.description !== undefined && raw.description !== null;
  return { reference, description: described ? text(raw, 'description', at, 200, problems) : null };
}

/** The attachments' references (0 to 20), named `attachments[i].field` when wrong. */
export function checkedAttachments(raw: unknown, field = 'attachments'): ClaimAttachment[] {
  const problems: Problems = [];
  const attachments = list(raw ?? [], field, 0, MAX_ATTACHMENTS, problems).map((a, i) =>
    attachment(a, `${field}[${i}]`, problems),
  );
  if (problems.length > 0) throw new InvalidClaimInput(problems);
  return attachments;
}

/** What the lines add up to: the bill the calculator settles. */
export function totalsOf(lines: readonly ClaimLine[]): { totalFen: number; inScopeFen: number } {
  return lines.reduce(
    (sum, l) => ({
      totalFen: sum.totalFen + l.totalFen,
      inScopeFen: sum.inScopeFen + l.inScopeFen,
    }),
    { totalFen: 0, inScopeFen: 0 },
  );
}
