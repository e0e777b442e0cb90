import { employ, enroll, fold, person, when } from '../../testing/given-person';
import type { InsuredPersonEvent } from './insured-person.events';
import { insuredStanding } from './insured-standing';

const id = person('1980-01-01');

function history(...commands: Parameters<typeof when>[1][]): InsuredPersonEvent[] {
  return commands.reduce<InsuredPersonEvent[]>((events, c) => [...events, ...when(events, c)], []);
}

describe('insuredStanding', () => {
  it('is the latest resident year, or the one named', () => {
    const state = fold(
      history(enroll(id, { year: 2021 }), enroll(id, { year: 2022, region: 'shizhong-zaozhuang' })),
    );
    expect(insuredStanding(state, null, '2026-12-04')).toEqual({
      scheme: 'resident',
      region: 'shizhong-zaozhuang',
      year: 2022,
    });
    expect(insuredStanding(state, 2021, '2026-12-04')).toMatchObject({ region: 'taibai-lake' });
    expect(insuredStanding(state, 2019, '2026-12-04')).toBeUndefined();
  });

  it("is the employer's region for an employee covered that day, for the day's year", () => {
    const state = fold(history(employ(id, '2022-03-01')));
    expect(insuredStanding(state, null, '2022-05-27')).toEqual({
      scheme: 'employee',
      region: 'taibai-lake',
      year: 2022,
    });
    expect(insuredStanding(state, 2021, '2022-05-27')).toBeUndefined();
    expect(insuredStanding(state, null, '2022-02-28')).toBeUndefined();
  });

  it('prefers a resident year the clerk names over a later employment', () => {
    const state = fold(history(enroll(id, { year: 2022 }), employ(id, '2022-03-01')));
    expect(insuredStanding(state, 2022, '2022-05-27')?.scheme).toBe('resident');
    expect(insuredStanding(state, null, '2022-05-27')?.scheme).toBe('employee');
  });

  it('is undefined for someone insured in neither scheme', () => {
    expect(insuredStanding(fold([]), null, '2022-05-27')).toBeUndefined();
  });
});
