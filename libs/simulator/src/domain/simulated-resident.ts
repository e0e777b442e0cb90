import { makeNationalId } from '../../../enrollment/src/domain/national-id';
import { ASSISTED_SHARE, CHRONIC_SHARE } from './district-rates';

export type SimulatedCategory =
  'general' | 'minor' | 'elderly' | 'extreme-poverty' | 'low-income' | 'assistance-key';

export interface SimulatedResident {
  readonly index: number;
  readonly residentId: string;
  readonly name: string;
  readonly phone: string;
  readonly birthDate: string;
  readonly category: SimulatedCategory;
  readonly assisted: boolean;
  /** The disease a chronic patient is qualified for once, before the first chronic visit. */
  readonly disease: 'hypertension' | 'diabetes' | null;
  /** Where the person enrolled: the station nearest home that enrols. */
  readonly homeStation: string;
}

// Jining's county codes: Taibai Lake New District lies between Rencheng and Yanzhou.
const AREA_CODES = ['370811', '370812', '370830', '370881'] as const;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志文';
const HOMES = [
  'hall',
  'town-1',
  'town-1',
  'town-2',
  'town-2',
  'village-1',
  'village-2',
  'village-3',
  'village-4',
];
const EARLIEST_BIRTH = Date.UTC(1937, 0, 1);
const BIRTH_SPAN_DAYS = 31_000;

/** A stable hash of a whole number, so a person's traits do not follow their index's pattern. */
export function hashOf(n: number, salt: number): number {
  let h = Math.imul(n ^ salt, 0x2c1b3c6d) ^ 0x297a2d39;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export const isChronicPatient = (index: number) => index % Math.round(1 / CHRONIC_SHARE) === 1;
export const isAssisted = (index: number, seed: number) =>
  hashOf(index, seed ^ 0x5eed) % 10_000 < ASSISTED_SHARE * 10_000;

function birthDateOf(index: number, seed: number): string {
  // One sequence number per thousand people, and within it a birth date that differs for
  // every index: the pair, and so the ID number, never repeats within a run.
  const sequence = index % 1000;
  const days =
    (Math.floor(index / 1000) * 37 + sequence * 13 + (seed % 997) * 101) % BIRTH_SPAN_DAYS;
  return new Date(EARLIEST_BIRTH + days * 86_400_000).toISOString().slice(0, 10);
}

function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The index-th person of the simulated district; the same seed and index give the same person. */
/** The item a hash lands on, round the list. */
const nth = <T>(items: readonly T[], h: number): T => items[h % items.length] as T;

export function simulatedResident(index: number, seed: number, onDate: string): SimulatedResident {
  const h = hashOf(index, seed);
  const birthDate = birthDateOf(index, seed);
  const residentId = makeNationalId(nth(AREA_CODES, h), birthDate, index % 1000);
  const assisted = isAssisted(index, seed);
  const age = ageOn(birthDate, onDate);
  const category: SimulatedCategory = assisted
    ? nth(['extreme-poverty', 'low-income', 'assistance-key'] as const, h)
    : age < 18
      ? 'minor'
      : age >= 60
        ? 'elderly'
        : 'general';
  // 3^18 is prime to 10^9, so every index gets its own nine digits.
  const digits = String((index * 387_420_489 + seed * 7_919) % 1_000_000_000).padStart(9, '0');
  return {
    index,
    residentId,
    name:
      SURNAMES.charAt(h % SURNAMES.length) +
      GIVEN.charAt((h >>> 8) % GIVEN.length) +
      GIVEN.charAt((h >>> 16) % GIVEN.length),
    phone: `1${'358'.charAt(seed % 3)}${digits}`,
    birthDate,
    category,
    assisted,
    disease: isChronicPatient(index) ? ((h >>> 4) % 3 === 0 ? 'diabetes' : 'hypertension') : null,
    homeStation: nth(HOMES, h >>> 12),
  };
}
