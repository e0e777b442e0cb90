import { enroll, fold, pay, person, POLICIES, NO_HOLIDAYS, when } from '../../testing/given-person';
import {
  approvedChronicDiseases,
  employmentOn,
  filingsInForce,
  residentCoverageOn,
} from './entitlements';
import type { InsuredPersonEvent } from './insured-person.events';

function history(): InsuredPersonEvent[] {
  const events: InsuredPersonEvent[] = [];
  const then = (command: Parameters<typeof when>[1]) => events.push(...when(events, command));
  then(enroll(person('1960-02-01')));
  then(pay(2022, 32_000));
  then({
    kind: 'ApplyForQualification',
    qualificationId: 'q-1',
    disease: 'diabetes',
    year: 2022,
    policies: POLICIES,
    calendar: NO_HOLIDAYS,
    stationId: 'hosp-1',
    at: '2022-03-01T09:00:00+08:00',
  });
  then({
    kind: 'DecideQualification',
    qualificationId: 'q-1',
    outcome: 'approve',
    reason: null,
    stationId: 'hall',
    at: '2022-03-01T15:00:00+08:00',
  });
  then({
    kind: 'FileOffsiteTreatment',
    filingId: 'f-1',
    filingType: 'temporary',
    destinationRegion: 'Beijing',
    destinationScope: 'out-of-province',
    destinationHospital: null,
    validFrom: '2022-06-01',
    validTo: '2022-06-30',
    policies: POLICIES,
    stationId: 'town-1',
    stationKind: 'township',
    at: '2022-05-30T09:00:00+08:00',
  });
  return events;
}

describe('entitlements on a day of treatment', () => {
  const state = fold(history());

  it('covers the paid year only', () => {
    expect(residentCoverageOn(state, '2022-07-01')?.year).toBe(2022);
    expect(residentCoverageOn(state, '2023-01-02')).toBeUndefined();
  });

  it('switches on approved chronic diseases for their year', () => {
    expect(approvedChronicDiseases(state, '2022-10-01')).toEqual(['diabetes']);
    expect(approvedChronicDiseases(state, '2023-10-01')).toEqual([]);
  });

  it('finds a filing only within its validity', () => {
    expect(filingsInForce(state, '2022-06-15').map((f) => f.filingId)).toEqual(['f-1']);
    expect(filingsInForce(state, '2022-07-01')).toEqual([]);
  });

  it('has no employer for a resident', () => {
    expect(employmentOn(state, '2022-06-15')).toBeUndefined();
  });
});
