import {
  DAY_COUNTS,
  OFFSITE_FILING_TYPES,
  type DayCount,
  type Figure,
  type OffsiteFilingRules,
  type OffsiteFilingType,
  type ServiceLimits,
  type TimeLimit,
} from './policy';
import { join, type SchemaReader } from './schema-reader';

// The parts of a policy file about service at the counter: time limits and off-site filing.

const MAX_DAYS = 366;

export function readServiceLimits(r: SchemaReader, raw: unknown, path: string): ServiceLimits {
  const f = r.object(raw, path, ['chronicQualification', 'transfer', 'manualReimbursement']);
  const limit = (key: string): Figure<TimeLimit> =>
    r.figure(f[key], join(path, key), (v, p) => readTimeLimit(r, v, p));
  return {
    chronicQualification: limit('chronicQualification'),
    transfer: limit('transfer'),
    manualReimbursement: limit('manualReimbursement'),
  };
}

/** A limit without its unit is refused: "180 days" and "180 working days" are months apart. */
function readTimeLimit(r: SchemaReader, raw: unknown, path: string): TimeLimit {
  const f = r.object(raw, path, ['days', 'unit']);
  const days = r.wholeNumber(f.days, join(path, 'days'), MAX_DAYS);
  if (!(DAY_COUNTS as readonly unknown[]).includes(f.unit))
    r.fail(join(path, 'unit'), `must be one of ${DAY_COUNTS.join(', ')}`);
  return { days, unit: f.unit as DayCount };
}

export function readOffsiteFiling(r: SchemaReader, raw: unknown, path: string): OffsiteFilingRules {
  const f = r.object(raw, path, ['inProvince', 'outOfProvince']);
  const types = (key: string): Figure<readonly OffsiteFilingType[]> =>
    r.figure(f[key], join(path, key), (v, p) => readFilingTypes(r, v, p));
  return { inProvince: types('inProvince'), outOfProvince: types('outOfProvince') };
}

function readFilingTypes(r: SchemaReader, raw: unknown, path: string): OffsiteFilingType[] {
  const types = r.array(raw, path).map((item, i) => {
    if (!(OFFSITE_FILING_TYPES as readonly unknown[]).includes(item))
      r.fail(join(path, i), `must be one of ${OFFSITE_FILING_TYPES.join(', ')}`);
    return item as OffsiteFilingType;
  });
  r.unique(path, types);
  return types;
}
