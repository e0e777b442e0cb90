import { checkLayer, GeographyRejected } from './layer-check';

const community = (
  properties: object,
  geometry: object = { type: 'Point', coordinates: [116.6, 35.3] },
) => ({
  type: 'Feature',
  geometry,
  properties,
});
const collection = (features: unknown[]) => ({ type: 'FeatureCollection', features });

async function problemsOf(layer: 'communities' | 'roads', body: unknown) {
  try {
    await checkLayer(layer, body);
    return [];
  } catch (error) {
    if (!(error instanceof GeographyRejected)) throw error;
    return error.fields;
  }
}

describe('checking an imported layer', () => {
  it('accepts points and polygons with an id and a whole population', async () => {
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [116, 35],
          [116.1, 35],
          [116.1, 35.1],
          [116, 35],
        ],
      ],
    };
    const body = collection([
      community({ communityId: 'a', population: 10 }),
      community({ communityId: 'b', population: 0 }, square),
    ]);
    expect(await problemsOf('communities', body)).toEqual([]);
  });

  it('names the feature index and the field', async () => {
    const features = Array.from({ length: 13 }, (_, i) =>
      community({ communityId: `c${i}`, population: 5 }),
    );
    features[12] = community({ communityId: 'c12', population: -3 });
    expect(await problemsOf('communities', collection(features))).toEqual([
      { field: 'features[12].properties.population', problem: 'must be >= 0' },
    ]);
  });

  it('names missing fields, bad coordinates and repeated ids', async () => {
    const body = collection([
      community({ communityId: 'a' }),
      community({ communityId: 'b', population: 1 }, { type: 'Point', coordinates: [200, 35] }),
    ]);
    expect(await problemsOf('communities', body)).toEqual([
      { field: 'features[0].properties.population', problem: 'is required' },
      { field: 'features[1].geometry.coordinates[0]', problem: 'must be <= 180' },
    ]);
    const twice = collection([
      community({ communityId: 'a', population: 1 }),
      community({ communityId: 'a', population: 2 }),
    ]);
    expect(await problemsOf('communities', twice)).toEqual([
      { field: 'features[1].properties.communityId', problem: "repeats features[0]'s id a" },
    ]);
  });

  it('wants a road class or speed, and a line of two points at least', async () => {
    const road = (properties: object, coordinates: unknown) => ({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates },
      properties,
    });
    const body = collection([
      road({ class: 'primary' }, [
        [116, 35],
        [116.1, 35],
      ]),
      road({}, [
        [116, 35],
        [116.1, 35],
      ]),
      road({ class: 'highway' }, [
        [116, 35],
        [116.1, 35],
      ]),
      road({ speedKmh: 40 }, [[116, 35]]),
    ]);
    expect(await problemsOf('roads', body)).toEqual([
      { field: 'features[1].properties.class', problem: 'is required unless speedKmh is given' },
      {
        field: 'features[2].properties.class',
        problem: expect.stringMatching(/^must be one of motorway, primary/),
      },
      { field: 'features[3].geometry.coordinates', problem: 'must NOT have fewer than 2 items' },
    ]);
  });

  it('refuses what is not a FeatureCollection', async () => {
    expect(await problemsOf('roads', { type: 'Feature' })).toEqual([
      { field: 'features', problem: 'is required' },
      { field: 'type', problem: 'must be FeatureCollection' },
    ]);
  });
});
