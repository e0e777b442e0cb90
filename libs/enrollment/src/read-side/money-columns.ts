const MONEY_COLUMNS = ['individualFen', 'subsidyFen', 'payableFen', 'waivedFen', 'paidFen'];

/**
 * A bigint column as a number of fen. The pg driver hands bigint over as text, since it may pass
 * 2^53; a sum that did would lose fen silently as a number, so it is refused instead.
 */
export function fenFromColumn(value: unknown, column: string): number {
  const fen = typeof value === 'string' ? Number(value) : value;
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen))
    throw new Error(`${column} holds ${String(value)}, not a whole number of fen below 2^53`);
  return fen;
}

/** A coverage row with its money columns as numbers of fen. */
export function withMoneyAsNumbers(row: Record<string, unknown>): Record<string, unknown> {
  const money = MONEY_COLUMNS.map((column) => [column, fenFromColumn(row[column], column)]);
  return { ...row, ...Object.fromEntries(money) };
}
