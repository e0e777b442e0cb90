/** A community (社区/村) as the coverage counts it: where its people live and how many. */
export interface Community {
  readonly communityId: string;
  readonly name?: string;
  /** Insured residents. */
  readonly population: number;
  /** The point the import gave, or the centroid of its polygon. */
  readonly lon: number;
  readonly lat: number;
}
