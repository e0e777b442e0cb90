import { contentHashOf } from './content-hash';
import type { Policy, Source } from './policy';
import { join, type Fields, type SchemaReader } from './schema-reader';

const REGION = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export type PolicyHeader = Pick<
  Policy,
  | 'region'
  | 'version'
  | 'effectiveFrom'
  | 'effectiveFromSource'
  | 'periodEnd'
  | 'contentHash'
  | 'currency'
  | 'notes'
>;

/**
 * Who issued the notice and when it takes effect. `effectiveFrom` is a figure like any other,
 * since a start date read from an article is as much a reading as a price; `periodEnd` is the
 * period the notice names, not the end of its force (a later version ends that).
 */
export function readHeader(r: SchemaReader, top: Fields, document: unknown): PolicyHeader {
  const { value: effectiveFrom, ...effectiveFromSource } = r.figure(
    top.effectiveFrom,
    'effectiveFrom',
    (v, p) => r.date(v, p),
  );
  const periodEnd = top.periodEnd === undefined ? undefined : r.date(top.periodEnd, 'periodEnd');
  if (periodEnd !== undefined && periodEnd < effectiveFrom)
    r.fail('periodEnd', `must not be before effectiveFrom (${effectiveFrom})`);
  if (top.currency !== 'CNY') r.fail('currency', 'must be "CNY"');
  const notes = top.notes === undefined ? [] : r.array(top.notes, 'notes');
  return {
    region: r.text(
      top.region,
      'region',
      REGION,
      'lower-case words joined by "-", e.g. "taibai-lake"',
    ),
    version: r.text(
      top.version,
      'version',
      VERSION,
      'letters, digits, ".", "_" or "-", e.g. "2022"',
    ),
    effectiveFrom,
    effectiveFromSource: effectiveFromSource as Source,
    ...(periodEnd === undefined ? {} : { periodEnd }),
    contentHash: contentHashOf(document),
    currency: 'CNY',
    notes: notes.map((note, i) => r.text(note, join('notes', i))),
  };
}
