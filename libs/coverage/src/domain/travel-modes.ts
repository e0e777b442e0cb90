export const TRAVEL_MODES = ['walking', 'cycling', 'driving'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

/** Road classes as the import reads them (OpenStreetMap's `highway` names, roughly). */
export const ROAD_CLASSES = [
  'motorway',
  'primary',
  'secondary',
  'tertiary',
  'residential',
  'track',
  'path',
] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

/** Per mode: km/h on each road class (0: the mode may not use it) and off the road. */
export interface ModeSpeeds {
  readonly roads: Readonly<Record<RoadClass, number>>;
  /**
   * From a community's centre or a station's door to the nearest road node, on foot or by
   * bike over yards and lanes the road file does not hold.
   */
  readonly accessKmh: number;
  /** A road that gives its own speed is taken at most this fast (an e-bike's legal limit). */
  readonly maxKmh: number;
}

export type SpeedTable = Readonly<Record<TravelMode, ModeSpeeds>>;

// Assumptions, not from the seeds: 4.5 km/h is a common planning figure for an older walker;
// 15 km/h is an e-bike, the usual way to a township hall in rural Shandong (and the walk-ins'
// earlier straight-line figure); driving speeds are China's default limits on each class
// (GB 5768 / Road Traffic Safety Law art. 45: 30 on roads without a centre line, 70 with one).
export const DEFAULT_SPEEDS: SpeedTable = {
  walking: {
    roads: {
      motorway: 0,
      primary: 4.5,
      secondary: 4.5,
      tertiary: 4.5,
      residential: 4.5,
      track: 4,
      path: 4.5,
    },
    accessKmh: 4.5,
    maxKmh: 4.5,
  },
  cycling: {
    roads: {
      motorway: 0,
      primary: 15,
      secondary: 15,
      tertiary: 15,
      residential: 15,
      track: 10,
      path: 10,
    },
    accessKmh: 10,
    maxKmh: 15,
  },
  driving: {
    roads: {
      motorway: 100,
      primary: 60,
      secondary: 50,
      tertiary: 40,
      residential: 25,
      track: 15,
      path: 0,
    },
    accessKmh: 15,
    maxKmh: 120,
  },
};

export function isTravelMode(value: unknown): value is TravelMode {
  return typeof value === 'string' && (TRAVEL_MODES as readonly string[]).includes(value);
}

export function isRoadClass(value: unknown): value is RoadClass {
  return typeof value === 'string' && (ROAD_CLASSES as readonly string[]).includes(value);
}

/** The problem with a speed table, or undefined when every figure can be used. */
export function speedTableProblem(table: SpeedTable): string | undefined {
  for (const mode of TRAVEL_MODES) {
    const speeds = table[mode];
    for (const roadClass of ROAD_CLASSES) {
      const kmh = speeds.roads[roadClass];
      if (!(kmh >= 0 && kmh <= 200)) return `${mode}.roads.${roadClass} is 0 to 200 km/h`;
    }
    if (!(speeds.accessKmh > 0 && speeds.accessKmh <= 200))
      return `${mode}.accessKmh is above 0 and at most 200 km/h`;
    if (!(speeds.maxKmh > 0 && speeds.maxKmh <= 200))
      return `${mode}.maxKmh is above 0 and at most 200 km/h`;
  }
  return undefined;
}
