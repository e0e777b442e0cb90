import type { GeographyEvent } from './domain/geography.events';

type Example<E extends GeographyEvent = GeographyEvent> = E extends GeographyEvent
  ? { readonly type: E['type']; readonly schemaVersion: number; readonly data: E['data'] }
  : never;

/** One realistic event of each type the coverage context writes, held to the AsyncAPI document. */
export const EVENT_EXAMPLES: readonly Example[] = [
  {
    type: 'coverage.GeographyImported',
    schemaVersion: 1,
    data: {
      region: 'taibai-lake',
      geographyId: '5d1f0c9a3be24e7781f0aa42',
      communities: {
        hash: '9f2c4b0e6a1d8c3f5e7a9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e',
        features: 64,
        population: 91700,
      },
      roads: {
        hash: '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
        features: 71,
        km: 412.37,
      },
      replaced: ['communities', 'roads'],
      synthetic: true,
      source: 'demo seed: libs/coverage/geography/taibai-lake',
    },
  },
];
