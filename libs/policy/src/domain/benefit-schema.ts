import type { Fen } from './money';
import {
  DEDUCTIBLE_PERIODS,
  INSTITUTION_TIERS,
  type AssistanceRules,
  type AssistanceShare,
  type ChronicDisease,
  type ChronicOutpatientRules,
  type CriticalIllnessBand,
  type CriticalIllnessRules,
  type EmployeeRules,
  type DeductiblePeriod,
  type InpatientRules,
  type InstitutionTier,
  type OutpatientRules,
  type OutpatientSchemeRules,
  type SpecificDrugRules,
  type TierFigures,
} from './policy';
import { join, type SchemaReader } from './schema-reader';

const DISEASE_CODE = /^[a-z][a-z0-9-]*$/;

// The benefit sections of a policy file: what the funds pay, in the order a bill is settled.

/** Every tier, 1 to 3, with its own deductible and fund share. */
function readTiers(
  r: SchemaReader,
  raw: unknown,
  path: string,
): Readonly<Record<InstitutionTier, TierFigures>> {
  const tiers = r.object(raw, path, INSTITUTION_TIERS.map(String));
  const tier = (t: InstitutionTier): TierFigures => {
    const at = join(path, t);
    const g = r.object(tiers[String(t)], at, ['deductibleFen', 'fundShareBps']);
    return {
      deductibleFen: r.figure(g.deductibleFen, join(at, 'deductibleFen'), r.fen),
      fundShareBps: r.figure(g.fundShareBps, join(at, 'fundShareBps'), r.bps),
    };
  };
  return { 1: tier(1), 2: tier(2), 3: tier(3) };
}

export function readInpatient(r: SchemaReader, raw: unknown, path: string): InpatientRules {
  const f = r.object(raw, path, ['tiers', 'annualBasicCapFen', 'unfiledOffsiteShareReductionBps']);
  return {
    tiers: readTiers(r, f.tiers, join(path, 'tiers')),
    annualBasicCapFen: r.figure(f.annualBasicCapFen, join(path, 'annualBasicCapFen'), r.fen),
    unfiledOffsiteShareReductionBps: r.figure(
      f.unfiledOffsiteShareReductionBps,
      join(path, 'unfiledOffsiteShareReductionBps'),
      r.bps,
    ),
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
  const f = r.object(raw, path, ['annualThresholdFen', 'shareBps', 'annualCapFen']);
  return {
    annualThresholdFen: r.figure(f.annualThresholdFen, join(path, 'annualThresholdFen'), r.fen),
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

export function readOutpatient(r: SchemaReader, raw: unknown, path: string): OutpatientRules {
  const f = r.object(raw, path, ['resident', 'employee']);
  return {
    resident: readOutpatientScheme(r, f.resident, join(path, 'resident')),
    employee: readOutpatientScheme(r, f.employee, join(path, 'employee')),
  };
}

function readOutpatientScheme(r: SchemaReader, raw: unknown, path: string): OutpatientSchemeRules {
  const f = r.object(raw, path, ['tiers', 'deductiblePer', 'annualCapFen']);
  return {
    tiers: readTiers(r, f.tiers, join(path, 'tiers')),
    deductiblePer: r.figure(f.deductiblePer, join(path, 'deductiblePer'), (v, p) => {
      if (!DEDUCTIBLE_PERIODS.includes(v as DeductiblePeriod))
        r.fail(p, `must be one of ${DEDUCTIBLE_PERIODS.join(', ')}`);
      return v as DeductiblePeriod;
    }),
    annualCapFen: r.figure(f.annualCapFen, join(path, 'annualCapFen'), r.fen),
  };
}

export function readAssistance(r: SchemaReader, raw: unknown, path: string): AssistanceRules {
  const f = r.object(raw, path, ['eligibleCategories', 'categoryShares', 'annualCapFen']);
  const eligibleCategories = r.figure(
    f.eligibleCategories,
    join(path, 'eligibleCategories'),
    (v, p) => {
      const categories = r.array(v, p).map((c, i) => r.category(c, join(p, i)));
      r.unique(p, categories);
      return categories;
    },
  );
  const categoryShares = r.figure(f.categoryShares, join(path, 'categoryShares'), (v, p) =>
    readAssistanceShares(r, v, p, eligibleCategories.value),
  );
  return {
    eligibleCategories,
    categoryShares,
    annualCapFen: r.figure(f.annualCapFen, join(path, 'annualCapFen'), r.fen),
  };
}

/** Exactly one share for each eligible category: a missing one would assist nobody silently. */
function readAssistanceShares(
  r: SchemaReader,
  raw: unknown,
  path: string,
  eligible: readonly string[],
): AssistanceShare[] {
  const shares = r.array(raw, path).map((item, i): AssistanceShare => {
    const at = join(path, i);
    const f = r.object(item, at, ['category', 'shareBps']);
    const category = r.category(f.category, join(at, 'category'));
    if (!eligible.includes(category))
      r.fail(join(at, 'category'), `is not among eligibleCategories (${eligible.join(', ')})`);
    return { category, shareBps: r.bps(f.shareBps, join(at, 'shareBps')) };
  });
  r.unique(
    path,
    shares.map((s) => s.category),
    'category',
  );
  const missing = eligible.filter((c) => !shares.some((s) => s.category === c));
  if (missing.length > 0) r.fail(path, `must give a share for ${missing.join(', ')}`);
  return shares;
}

export function readEmployee(r: SchemaReader, raw: unknown, path: string): EmployeeRules {
  const f = r.object(raw, path, [
    'tiers',
    'basicCapFen',
    'largeExpenseThresholdFen',
    'largeExpenseShareBps',
    'largeExpenseCapFen',
    'totalCapFen',
  ]);
  const rules: EmployeeRules = {
    tiers: readTiers(r, f.tiers, join(path, 'tiers')),
    basicCapFen: r.figure(f.basicCapFen, join(path, 'basicCapFen'), r.fen),
    largeExpenseThresholdFen: r.figure(
      f.largeExpenseThresholdFen,
      join(path, 'largeExpenseThresholdFen'),
      r.fen,
    ),
    largeExpenseShareBps: r.figure(
      f.largeExpenseShareBps,
      join(path, 'largeExpenseShareBps'),
      r.bps,
    ),
    largeExpenseCapFen: r.figure(f.largeExpenseCapFen, join(path, 'largeExpenseCapFen'), r.fen),
    totalCapFen: r.figure(f.totalCapFen, join(path, 'totalCapFen'), r.fen),
  };
  // Seed 000: the total cap is basic + large-expense subsidy + the rest, so it cannot be smaller.
  if (rules.totalCapFen.value < rules.basicCapFen.value + rules.largeExpenseCapFen.value)
    r.fail(join(path, 'totalCapFen'), 'must be at least basicCapFen + largeExpenseCapFen');
  return rules;
}
