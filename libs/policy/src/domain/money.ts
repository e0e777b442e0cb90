import { DomainError } from '@circle/kernel';

declare const fenBrand: unique symbol;
declare const bpsBrand: unique symbol;

/**
 * An amount of money in fen (0.01 yuan), always a non-negative safe integer. Charges,
 * shares and caps are never negative; a reversal is its own record, not a negative amount.
 */
export type Fen = number & { readonly [fenBrand]: true };

/** A share in basis points: 8500 is 85 %, 10000 is all of it. */
export type Bps = number & { readonly [bpsBrand]: true };

export const ZERO_FEN = 0 as Fen;
export const WHOLE_SHARE = 10_000 as Bps;

export class InvalidMoney extends DomainError {
  constructor(problem: string) {
    super('invalid', 'invalid_money', problem);
  }
}

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function isBps(value: unknown): value is Bps {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10_000;
}

export function fen(value: number): Fen {
  if (!isFen(value))
    throw new InvalidMoney(`${value} is not an amount of fen (a whole number, 0 or more)`);
  return value;
}

/** Whole yuan to fen; fractional yuan are refused so no float ever becomes money. */
export function yuan(value: number): Fen {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new InvalidMoney(`${value} is not a whole number of yuan, 0 or more`);
  return fen(value * 100);
}

export function bps(value: number): Bps {
  if (!isBps(value)) throw new InvalidMoney(`${value} is not a share in basis points (0 to 10000)`);
  return value;
}

/*
 * THE rounding rule, the only place a share of money is taken: round half up to the fen
 * (四舍五入到分), the convention of Chinese medical-insurance settlement and of the receipts
 * residents read. It is applied once per layer on whole-fen inputs, so rounding never
 * compounds. Integer arithmetic only: a float product or quotient of large amounts can land
 * on the wrong side of a half fen.
 */
export function applyShare(amount: Fen, share: Bps): Fen {
  fen(amount);
  bps(share);
  const product = amount * share + 5_000;
  if (Number.isSafeInteger(product)) return ((product - (product % 10_000)) / 10_000) as Fen;
  return Number((BigInt(amount) * BigInt(share) + 5_000n) / 10_000n) as Fen;
}

export function add(a: Fen, b: Fen): Fen {
  return fen(a + b);
}

export function sum(amounts: readonly Fen[]): Fen {
  return amounts.reduce<Fen>((total, amount) => add(total, amount), ZERO_FEN);
}

export function min(first: Fen, ...rest: readonly Fen[]): Fen {
  return rest.reduce<Fen>((least, amount) => (amount < least ? amount : least), first);
}

/** What is left of `amount` after `taken`, never below zero (a cap or deductible used up). */
export function subtractFloorZero(amount: Fen, taken: Fen): Fen {
  return amount > taken ? fen(amount - taken) : ZERO_FEN;
}

/** Fen as yuan with thousands separators, for SMS and receipts: 1920000 → "19,200.00". */
export function formatYuan(amount: Fen): string {
  fen(amount);
  const whole = (amount - (amount % 100)) / 100;
  const cents = String(amount % 100).padStart(2, '0');
  return `${String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
