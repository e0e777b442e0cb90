import { ROAD_CLASSES } from '../domain/travel-modes';

// RFC 7946 positions: longitude then latitude, in degrees; a third (height) number is allowed.
const position = {
  type: 'array',
  minItems: 2,
  maxItems: 3,
  prefixItems: [
    { type: 'number', minimum: -180, maximum: 180 },
    { type: 'number', minimum: -90, maximum: 90 },
  ],
  items: { type: 'number' },
};
const line = { type: 'array', minItems: 2, items: position };
const ring = { type: 'array', minItems: 4, items: position };

const geometry = (type: string, coordinates: object) => ({
  type: 'object',
  required: ['type', 'coordinates'],
  properties: { type: { const: type }, coordinates },
});

/** One community: a point or a polygon (its centroid counts), an id and its insured residents. */
export const COMMUNITY_FEATURE = {
  type: 'object',
  required: ['type', 'geometry', 'properties'],
  properties: {
    type: { const: 'Feature' },
    geometry: {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: ['Point', 'Polygon', 'MultiPolygon'] } },
      discriminator: { propertyName: 'type' },
      oneOf: [
        geometry('Point', position),
        geometry('Polygon', { type: 'array', minItems: 1, items: ring }),
        geometry('MultiPolygon', {
          type: 'array',
          minItems: 1,
          items: { type: 'array', minItems: 1, items: ring },
        }),
      ],
    },
    properties: {
      type: 'object',
      required: ['communityId', 'population'],
      properties: {
        communityId: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' },
        name: { type: 'string', maxLength: 200 },
        population: { type: 'integer', minimum: 0, maximum: 10_000_000 },
        synthetic: { type: 'boolean' },
      },
    },
  },
} as const;

/** One road: a line or several, with a class, its own speed, or both. */
export const ROAD_FEATURE = {
  type: 'object',
  required: ['type', 'geometry', 'properties'],
  properties: {
    type: { const: 'Feature' },
    geometry: {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: ['LineString', 'MultiLineString'] } },
      discriminator: { propertyName: 'type' },
      oneOf: [
        geometry('LineString', line),
        geometry('MultiLineString', { type: 'array', minItems: 1, items: line }),
      ],
    },
    properties: {
      type: 'object',
      properties: {
        class: { enum: ROAD_CLASSES },
        speedKmh: { type: 'number', exclusiveMinimum: 0, maximum: 200 },
        name: { type: 'string', maxLength: 200 },
        synthetic: { type: 'boolean' },
      },
    },
  },
} as const;

/** The file around the features; foreign members (a name, `synthetic`) are allowed. */
export const FEATURE_COLLECTION = {
  type: 'object',
  required: ['type', 'features'],
  properties: {
    type: { const: 'FeatureCollection' },
    features: { type: 'array' },
    synthetic: { type: 'boolean' },
  },
} as const;
