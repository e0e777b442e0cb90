import {
  readAssistance,
  readChronicOutpatient,
  readCriticalIllness,
  readEmployee,
  readInpatient,
  readOutpatient,
  readSpecificDrugs,
} from './benefit-schema';
import { readHeader } from './header-schema';
import type { AgeWaiver, CategoryWaiver, ContributionRules, Policy } from './policy';
import { join, SchemaReader } from './schema-reader';
import { readOffsiteFiling, readServiceLimits } from './service-schema';

const MAX_AGE = 150;
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
  'offsiteFiling',
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
    ['periodEnd', 'notes'],
  );
  return {
    ...readHeader(r, top, doc),
    contributions: readContributions(r, top.contributions, 'contributions'),
    inpatient: readInpatient(r, top.inpatient, 'inpatient'),
    criticalIllness: readCriticalIllness(r, top.criticalIllness, 'criticalIllness'),
    specificDrugs: readSpecificDrugs(r, top.specificDrugs, 'specificDrugs'),
    chronicOutpatient: readChronicOutpatient(r, top.chronicOutpatient, 'chronicOutpatient'),
    outpatient: readOutpatient(r, top.outpatient, 'outpatient'),
    assistance: readAssistance(r, top.assistance, 'assistance'),
    employee: readEmployee(r, top.employee, 'employee'),
    sla: readServiceLimits(r, top.sla, 'sla'),
    offsiteFiling: readOffsiteFiling(r, top.offsiteFiling, 'offsiteFiling'),
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
    const category = r.category(f.category, join(at, 'category'));
    // A declared category is not proof of age: the elderly are waived by the age band the
    // notice names, read from the resident ID's birth date.
    if (category === 'elderly')
      r.fail(
        join(at, 'category'),
        'cannot waive "elderly" by category: give its age in ageWaivers',
      );
    return {
      category,
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
