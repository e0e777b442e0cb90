import { actingStation } from './acting-station';

describe('actingStation', () => {
  it('lets a township clerk enrol and sends a transfer to the hall', () => {
    expect(actingStation('ENROLL_RESIDENT', 'town-1', ['township', 'village'])).toEqual({
      stationId: 'town-1',
      kind: 'township',
    });
    expect(() => actingStation('TRANSFER', 'town-1', ['township', 'village'])).toThrow(
      expect.objectContaining({
        kind: 'forbidden',
        message: expect.stringMatching(/handled at hall \(on the hall app\)/),
      }),
    );
  });

  it('refuses a station the app does not serve and callers without a station', () => {
    expect(() => actingStation('ENROLL_RESIDENT', 'town-1', ['hall'])).toThrow(/township app/);
    expect(() => actingStation('ENROLL_RESIDENT', undefined, ['hall'])).toThrow(/clerk/);
  });

  it('a village point enrols but files nothing', () => {
    expect(actingStation('ENROLL_RESIDENT', 'village-1', ['township', 'village']).kind).toBe(
      'village',
    );
    expect(() => actingStation('OFFSITE_FILING', 'village-1', ['township', 'village'])).toThrow(
      /hall, town-1, town-2, hosp-1/,
    );
  });
});
