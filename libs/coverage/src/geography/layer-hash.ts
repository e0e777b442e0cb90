import { createHash } from 'node:crypto';

/** JSON with keys sorted at every level, so two files that differ only in layout hash alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

export function layerHash(layer: unknown): string {
  return createHash('sha256').update(canonical(layer)).digest('hex');
}

/** Names a geography by its two layers. */
export function geographyIdOf(communitiesHash: string, roadsHash: string): string {
  return createHash('sha256').update(`${communitiesHash}:${roadsHash}`).digest('hex').slice(0, 24);
}

export const EMPTY_LAYER = { type: 'FeatureCollection', features: [] } as const;
