import type { Fen } from './money';
import {
  INSTITUTION_TIERS,
  type AssistanceRules,
  type ChronicDisease,
  type ChronicOutpatientRules,
  type CriticalIllnessBand,
  type CriticalIllnessRules,
  type EmployeeRules,
  type InpatientRules,
  type InpatientTier,
  type SpecificDrugRules,
} from './policy';
import { join, type SchemaReader } from './schema-reader';

const DISEASE_CODE = /^[a-z][a-z0-9-]*$/;

// The benefit sections of a policy file: what the funds pay, in the order a bill is settled.

export function readInpatient(r: SchemaReader, raw: unknown, path: string): InpatientRules {
  const f = r.object(raw, path, ['tiers', 'annualBasicCapFen']);
  const tiersPath = join(path, 'tiers');
  const tiers = r.object(f.tiers, tiersPath, INSTITUTION_TIERS.map(String));
  const tier = (t: 1 | 2 | 3): InpatientTier => {
    const at = join(tiersPath, t);
    const g = r.object(tiers[String(t)], at, ['deductibleFen', 'fundShareBps']);
    return {
      deductibleFen: r.figure(g.deductibleFen, join(at, 'deductibleFen'), r.fen),
      fundShareBps: r.figure(g.fundShareBps, join(at, 'fundShareBps'), r.bps),
    };
  };
  return {
    tiers: { 1: tier(1), 2: tier(2), 3: tier(3) },
    annualBasicCapFen: r.figure(f.annualBasicCapFen, join(path, 'annualBasicCapFen'), r.fen),
  };
}

export function readCriticalIllness(
  r: SchemaReader,
  raw: unknown,
  path: string,
): CriticalIllnessRules {
  const f = r.object(raw, path, ['annualThresholdFen', 'bands', 'annualCapFen']);
  const annualThresholdFen = r.figure(
    f.annualThresholdFen,
    join(path, 'annualThresholdFen'),
    r.fen,
  );
  const bands = r.figure(f.bands, join(path, 'bands'), (v, p) =>
    readBands(r, v, p, annualThresholdFen.value),
  );
  return {
    annualThresholdFen,
    bands,
    annualCapFen: r.figure(f.annualCapFen, join(path, 'annualCapFen'), r.fen),
  };
}

/** Bands tile the burden from the threshold upwards: contiguous, the last one open-ended. */
function readBands(
  r: SchemaReader,
  raw: unknown,
  path: string,
  threshold: Fen,
): CriticalIllnessBand[] {
  const items = r.array(raw, path);
  if (items.length === 0) r.fail(path, 'must list at least one band');
  let expectedFrom = threshold;
  return items.map((item, i) => {
    const at = join(path, i);
    const last = i === items.length - 1;
    const f = r.object(item, at, last ? ['fromFen', 'shareBps'] : ['fromFen', 'toFen', 'shareBps']);
    const fromFen = r.fen(f.fromFen, join(at, 'fromFen'));
    if (fromFen !== expectedFrom)
      r.fail(
        join(at, 'fromFen'),
        `must be ${expectedFrom} (${i === 0 ? 'the annual threshold' : 'where the band before ends'})`,
      );
    const shareBps = r.bps(f.shareBps, join(at, 'shareBps'));
    if (last) return { fromFen, shareBps };
    const toFen = r.fen(f.toFen, join(at, 'toFen'));
    if (toFen <= fromFen) r.fail(join(at, 'toFen'), `must be above fromFen (${fromFen})`);
    expectedFrom = toFen;
    return { fromFen, toFen, shareBps };
  });
}

export function readSpecificDrugs(r: SchemaReader, raw: unknown, path: string): SpecificDrugRules {
  const f = r.object(raw, path, ['shareBps', 'annualCapFen']);
  return {
    shareBps: r.figure(f.shareBps, join(path, 'shareBps'), r.bps),
    annualCapFen: r.figure(f.annualCapFen, join(path, 'annualCapFen'), r.fen),
  };
}

export function readChronicOutpatient(
  r: SchemaReader,
  raw: unknown,
  path: string,
): ChronicOutpatientRules {
  const f = r.object(raw, path, ['diseases']);
  const listPath = join(path, 'diseases');
  const diseases = r.array(f.diseases, listPath).map((item, i): ChronicDisease => {
    const at = join(listPath, i);
    const g = r.object(
      item,
      at,
      ['code', 'name', 'deductibleFen', 'fundShareBps'],
      ['annualCapFen'],
    );
    return {
      code: r.text(
        g.code,
        join(at, 'code'),
        DISEASE_CODE,
        'a lower-case code such as "hypertension"',
      ),
      name: r.text(g.name, join(at, 'name')),
      deductibleFen: r.figure(g.deductibleFen, join(at, 'deductibleFen'), r.fen),
      fundShareBps: r.figure(g.fundShareBps, join(at, 'fundShareBps'), r.bps),
      ...(g.annualCapFen === undefined
        ? {}
        : { annualCapFen: r.figure(g.annualCapFen, join(at, 'annualCapFen'), r.fen) }),
    };
  });
  r.unique(
    listPath,
    diseases.map((d) => d.code),
    'code',
  );
  return { diseases };
}

export function readAssistance(r: SchemaReader, raw: unknown, path: string): AssistanceRules {
  const f = r.object(raw, path, ['eligibleCategories', 'shareBps', 'annualCapFen']);
  const eligibleCategories = r.figure(
    f.eligibleCategories,
    join(path, 'eligibleCategories'),
    (v, p) => {
      const categories = r.array(v, p).map((c, i) => r.category(c, join(p, i)));
      r.unique(p, categories);
      return categories;
    },
  );
  return {
    eligibleCategories,
    shareBps: r.figure(f.shareBps, join(path, 'shareBps'), r.bps),
    annualCapFen: r.figure(f.annualCapFen, join(path, 'annualCapFen'), r.fen),
  };
}

export function readEmployee(r: SchemaReader, raw: unknown, path: string): EmployeeRules {
  const f = r.object(raw, path, ['basicCapFen', 'largeExpenseCapFen', 'totalCapFen']);
  const rules: EmployeeRules = {
    basicCapFen: r.figure(f.basicCapFen, join(path, 'basicCapFen'), r.fen),
    largeExpenseCapFen: r.figure(f.largeExpenseCapFen, join(path, 'largeExpenseCapFen'), r.fen),
    totalCapFen: r.figure(f.totalCapFen, join(path, 'totalCapFen'), r.fen),
  };
  // Seed 000: the total cap is basic + large-expense subsidy + the rest, so it cannot be smaller.
  if (rules.totalCapFen.value < rules.basicCapFen.value + rules.largeExpenseCapFen.value)
    r.fail(join(path, 'totalCapFen'), 'must be at least basicCapFen + largeExpenseCapFen');
  return rules;
}
