import {
  readAssistance,
  readChronicOutpatient,
  readCriticalIllness,
  readEmployee,
  readInpatient,
  readOutpatient,
  readSpecificDrugs,
} from './benefit-schema';
import type {
  AgeWaiver,
  CategoryWaiver,
  ContributionRules,
  Figure,
  Policy,
  ServiceLimits,
} from './policy';
import { join, SchemaReader, type Fields } from './schema-reader';

const REGION = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_AGE = 150;
const MAX_WORKING_DAYS = 366;
const SECTIONS = [
  'contributions',
  'inpatient',
  'criticalIllness',
  'specificDrugs',
  'chronicOutpatient',
  'outpatient',
  'assistance',
  'employee',
  'sla',
];

/**
 * Checks a parsed policy file and returns it typed. Hand-written so every failure names the
 * file and the exact field, e.g. `taibai-lake-2022.json: inpatient.tiers.2.fundShareBps must
 * be an integer between 0 and 10000`.
 */
export function validatePolicyDocument(doc: unknown, fileName: string): Policy {
  const r = new SchemaReader(fileName);
  const top = r.object(
    doc,
    '',
    ['region', 'version', 'effectiveFrom', 'currency', ...SECTIONS],
    ['effectiveTo', 'notes'],
  );
  return {
    ...readHeader(r, top),
    contributions: readContributions(r, top.contributions, 'contributions'),
    inpatient: readInpatient(r, top.inpatient, 'inpatient'),
    criticalIllness: readCriticalIllness(r, top.criticalIllness, 'criticalIllness'),
    specificDrugs: readSpecificDrugs(r, top.specificDrugs, 'specificDrugs'),
    chronicOutpatient: readChronicOutpatient(r, top.chronicOutpatient, 'chronicOutpatient'),
    outpatient: readOutpatient(r, top.outpatient, 'outpatient'),
    assistance: readAssistance(r, top.assistance, 'assistance'),
    employee: readEmployee(r, top.employee, 'employee'),
    sla: readServiceLimits(r, top.sla, 'sla'),
  };
}

type PolicyHeader = Pick<
  Policy,
  'region' | 'version' | 'effectiveFrom' | 'effectiveTo' | 'currency' | 'notes'
>;

function readHeader(r: SchemaReader, top: Fields): PolicyHeader {
  const effectiveFrom = r.date(top.effectiveFrom, 'effectiveFrom');
  const effectiveTo =
    top.effectiveTo === undefined ? undefined : r.date(top.effectiveTo, 'effectiveTo');
  if (effectiveTo !== undefined && effectiveTo < effectiveFrom)
    r.fail('effectiveTo', `must not be before effectiveFrom (${effectiveFrom})`);
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
    ...(effectiveTo === undefined ? {} : { effectiveTo }),
    currency: 'CNY',
    notes: notes.map((note, i) => r.text(note, join('notes', i))),
  };
}

function readContributions(r: SchemaReader, raw: unknown, path: string): ContributionRules {
  const f = r.object(raw, path, ['individualFen', 'subsidyFen', 'categoryWaivers', 'ageWaivers']);
  return {
    individualFen: r.figure(f.individualFen, join(path, 'individualFen'), r.fen),
    subsidyFen: r.figure(f.subsidyFen, join(path, 'subsidyFen'), r.fen),
    categoryWaivers: r.figure(f.categoryWaivers, join(path, 'categoryWaivers'), (v, p) =>
      readCategoryWaivers(r, v, p),
    ),
    ageWaivers: r.figure(f.ageWaivers, join(path, 'ageWaivers'), (v, p) => readAgeWaivers(r, v, p)),
  };
}

function readCategoryWaivers(r: SchemaReader, raw: unknown, path: string): CategoryWaiver[] {
  const waivers = r.array(raw, path).map((item, i): CategoryWaiver => {
    const at = join(path, i);
    const f = r.object(item, at, ['category', 'waiverBps']);
    return {
      category: r.category(f.category, join(at, 'category')),
      waiverBps: r.bps(f.waiverBps, join(at, 'waiverBps')),
    };
  });
  r.unique(
    path,
    waivers.map((w) => w.category),
    'category',
  );
  return waivers;
}

/** Bands must be in order and must not overlap, so each age has at most one waiver. */
function readAgeWaivers(r: SchemaReader, raw: unknown, path: string): AgeWaiver[] {
  const bands = r.array(raw, path).map((item, i): AgeWaiver => {
    const at = join(path, i);
    const f = r.object(item, at, ['fromAge', 'waiverBps'], ['toAge']);
    const fromAge = r.wholeNumber(f.fromAge, join(at, 'fromAge'), MAX_AGE);
    const toAge =
      f.toAge === undefined ? undefined : r.wholeNumber(f.toAge, join(at, 'toAge'), MAX_AGE);
    if (toAge !== undefined && toAge < fromAge)
      r.fail(join(at, 'toAge'), `must not be below fromAge (${fromAge})`);
    return {
      fromAge,
      ...(toAge === undefined ? {} : { toAge }),
      waiverBps: r.bps(f.waiverBps, join(at, 'waiverBps')),
    };
  });
  bands.forEach((band, i) => {
    const previous = bands[i - 1];
    if (previous && (previous.toAge === undefined || band.fromAge <= previous.toAge))
      r.fail(join(join(path, i), 'fromAge'), 'overlaps the band before it; bands go up in age');
  });
  return bands;
}

function readServiceLimits(r: SchemaReader, raw: unknown, path: string): ServiceLimits {
  const f = r.object(raw, path, [
    'chronicQualificationWorkingDays',
    'transferWorkingDays',
    'manualReimbursementWorkingDays',
  ]);
  const days = (key: string): Figure<number> =>
    r.figure(f[key], join(path, key), (v, p) => r.wholeNumber(v, p, MAX_WORKING_DAYS));
  return {
    chronicQualificationWorkingDays: days('chronicQualificationWorkingDays'),
    transferWorkingDays: days('transferWorkingDays'),
    manualReimbursementWorkingDays: days('manualReimbursementWorkingDays'),
  };
}
