import type { Projection } from './projection';

export const SHADOW_SUFFIX = '__rebuild';
export const OLD_SUFFIX = '__old';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
// PostgreSQL truncates identifiers at 63 bytes; the longest suffix must still fit.
const MAX_TABLE_NAME = 63 - SHADOW_SUFFIX.length;

/**
 * The physical tables one copy of a projection writes to, plus the key of that copy's stream
 * positions and dead letters. The live copy is keyed by the projection's name; a rebuild
 * writes a shadow copy under its own key, so both can advance side by side.
 */
export interface TableSet {
  readonly projection: string;
  readonly key: string;
  readonly shadow: boolean;
  physical(table: string): string;
}

function tableSet(projection: Projection, shadow: boolean): TableSet {
  const owned = new Set(projection.tables);
  const suffix = shadow ? SHADOW_SUFFIX : '';
  return {
    projection: projection.name,
    key: projection.name + suffix,
    shadow,
    physical(table: string): string {
      if (!owned.has(table))
        throw new Error(`projection ${projection.name} does not own a table named ${table}`);
      return table + suffix;
    },
  };
}

export const liveTableSet = (projection: Projection): TableSet => tableSet(projection, false);

export const shadowTableSet = (projection: Projection): TableSet => tableSet(projection, true);

/** Names reach SQL unquoted, so they are checked once where a projection is registered. */
export function assertValidProjection(projection: Projection): void {
  const names = [projection.name, ...projection.tables];
  for (const name of names) {
    if (!IDENTIFIER.test(name) || name.length > MAX_TABLE_NAME)
      throw new Error(
        `projection ${projection.name}: "${name}" must be a lower-case SQL identifier of at most ${MAX_TABLE_NAME} characters`,
      );
  }
}
