/** What one imported layer holds; its content lives in the layer store under `hash`. */
export interface LayerSummary {
  /** SHA-256 of the layer's canonical JSON, hex: the key it is stored and found under. */
  readonly hash: string;
  readonly features: number;
}

/**
 * A district's geography changed: new communities, new roads, or both. The layers themselves
 * are too big for an event (a province's roads run to tens of megabytes), so the event names
 * them by content hash; stored layers are never changed, so a replay a year later reads the
 * same roads.
 */
export interface GeographyImported {
  readonly type: 'coverage.GeographyImported';
  readonly data: {
    readonly region: string;
    /** Hash of the two layer hashes: names this geography in the read models. */
    readonly geographyId: string;
    readonly communities: LayerSummary & { readonly population: number };
    readonly roads: LayerSummary & { readonly km: number };
    /** Which layer this import replaced; the other is carried over from before. */
    readonly replaced: readonly GeographyLayer[];
    /** Made-up data (the demo district): every map drawn from it must say so. */
    readonly synthetic: boolean;
    readonly source: string;
  };
}

export const GEOGRAPHY_LAYERS = ['communities', 'roads'] as const;
export type GeographyLayer = (typeof GEOGRAPHY_LAYERS)[number];

export type GeographyEvent = GeographyImported;

export const GEOGRAPHY_EVENT_TYPES: readonly GeographyEvent['type'][] = [
  'coverage.GeographyImported',
];

/** One stream per region, so two imports racing for the same district meet at its version. */
export function geographyStreamId(region: string): string {
  return `geography-${region}`;
}
