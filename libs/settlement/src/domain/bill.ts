import type { Fen, InstitutionTier, IsoDate, ResidentCategory } from '../../../policy/src/domain';

export const SCHEMES = ['resident', 'employee'] as const;
/** The basic insurance the person is in: urban-rural residents or employees. */
export type Scheme = (typeof SCHEMES)[number];

export const SETTINGS = ['inpatient', 'chronic-outpatient', 'outpatient', 'specific-drug'] as const;
/** Where and how the care was given, which decides the layers that apply. */
export type Setting = (typeof SETTINGS)[number];

/**
 * How the treatment stands to the person's home region. `home`: treated in the home region;
 * `filed`: elsewhere, with an off-site filing valid on the day (or one the policy no longer
 * asks for); `unfiled`: elsewhere without one.
 */
export type OffsiteStatus = 'home' | 'filed' | 'unfiled';

/** One bill to settle, as the hospital clerk enters it. All money in fen. */
export interface Bill {
  /** Day of treatment (discharge day for an admission): picks the policy version. */
  readonly date: IsoDate;
  readonly scheme: Scheme;
  readonly insuredCategory: ResidentCategory;
  readonly setting: Setting;
  readonly tier: InstitutionTier;
  readonly totalFen: Fen;
  /** Total less fully self-paid items, amounts above price limits and self-paid-first parts. */
  readonly inScopeFen: Fen;
  /** Chronic outpatient only: the disease code, e.g. `hypertension`. */
  readonly disease?: string;
}

/** What the person's own stream says that changes the layers, decided before calculating. */
export interface PersonStanding {
  /** Disease codes with an approved qualification for the treatment's year. */
  readonly qualifiedDiseases: readonly string[];
  readonly offsite: OffsiteStatus;
}

export const HOME_STANDING: PersonStanding = { qualifiedDiseases: [], offsite: 'home' };
