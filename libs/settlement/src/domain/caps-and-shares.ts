import {
  applyShare,
  min,
  subtractFloorZero,
  ZERO_FEN,
  type Bps,
  type CriticalIllnessBand,
  type Fen,
} from '../../../policy/src/domain';

/** What is left of an annual cap after what the year has used. */
export const capLeft = (cap: Fen, used: Fen): Fen => subtractFloorZero(cap, used);

export interface ShareWithinCaps {
  readonly fundFen: Fen;
  /** A cap paid less than the share would have: the resident is told why. */
  readonly capReached: boolean;
}

/** The share of `base`, then no more than what every applicable cap has left. */
export function shareWithinCaps(base: Fen, share: Bps, ...capsLeft: Fen[]): ShareWithinCaps {
  const full = applyShare(base, share);
  const fundFen = min(full, ...capsLeft);
  return { fundFen, capReached: fundFen < full };
}

/** A band of the year's accumulated burden and the share paid of the part inside it. */
export type Band = Pick<CriticalIllnessBand, 'fromFen' | 'toFen' | 'shareBps'>;

export interface BandedShare {
  readonly amountFen: Fen;
  /** The bands this bill's burden reached, lowest first. */
  readonly sharesUsed: readonly Bps[];
}

/**
 * The year's burden before this bill is `before`; this bill adds `added`. Each band pays its
 * share of the part of the added burden that falls inside it, so a bill crossing a band edge
 * is paid at both ratios, and the year's earlier bills decide where this one starts.
 */
export function bandedShare(before: Fen, added: Fen, bands: readonly Band[]): BandedShare {
  const after = before + added;
  let amountFen = ZERO_FEN;
  const sharesUsed: Bps[] = [];
  for (const band of bands) {
    const from = Math.max(before, band.fromFen);
    const to = Math.min(after, band.toFen ?? after);
    if (to <= from) continue;
    amountFen = (amountFen + applyShare((to - from) as Fen, band.shareBps)) as Fen;
    sharesUsed.push(band.shareBps);
  }
  return { amountFen, sharesUsed };
}
