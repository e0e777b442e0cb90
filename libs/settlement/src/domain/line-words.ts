import type { Bps, Fen } from '../../../policy/src/domain';
import type { SettlementLine } from './settlement-breakdown';

export function line(
  layer: SettlementLine['layer'],
  amountFen: Fen,
  paidBy: SettlementLine['paidBy'],
  words: { readonly zh: string; readonly en: string },
): SettlementLine {
  return { layer, amountFen, paidBy, zh: words.zh, en: words.en };
}

/** A share as the percent a resident reads: 7500 → "75", 6550 → "65.5". */
export function percent(share: Bps): string {
  const whole = (share - (share % 100)) / 100;
  const rest = share % 100;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** A policy names a disease "高血压 hypertension": the Chinese word, then the English. */
export function diseaseNames(name: string, code: string): { zh: string; en: string } {
  const [zh, ...rest] = name.trim().split(/\s+/);
  return { zh: zh || code, en: rest.length > 0 ? rest.join(' ') : code };
}
