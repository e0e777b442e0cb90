import { DistrictPlanner } from './district-planner';
import { SEED_RATES } from './district-rates';
import { playedDays } from './played-days';
import { DEMO_STATIONS } from './simulated-district';
import { isAssisted } from './simulated-resident';
import type { Visit } from './visit';

function tenMonths(seed: number, scale: number): Visit[] {
  const planner = new DistrictPlanner(seed, SEED_RATES, scale);
  return playedDays('2022-01-01T00:00+08:00', '2022-10-31T23:59+08:00').flatMap((d) =>
    planner.planDay(d.day, d.fromMinute, d.toMinute),
  );
}

/** Bills settled: every visit with a bill but the no-shows. */
const settled = (visits: readonly Visit[], setting: string) =>
  visits.filter((v) => !v.noShow && (v.transferTo?.bill ?? v.bill)?.setting === setting).length;

describe('the district planner', () => {
  const visits = tenMonths(7, 0.5);

  it("plays January–October at the seed's counts, scaled", () => {
    const near = (actual: number, seed: number) => expect(actual / (seed * 0.5)).toBeCloseTo(1, 1);
    near(settled(visits, 'inpatient'), SEED_RATES.inpatient);
    near(settled(visits, 'chronic-outpatient'), SEED_RATES.chronicOutpatient);
    near(settled(visits, 'outpatient'), SEED_RATES.outpatient);
    const assisted = visits.filter(
      (v) => !v.noShow && v.bill?.setting === 'inpatient' && isAssisted(v.residentIndex, 7),
    ).length;
    near(assisted, SEED_RATES.assistedInpatient);
  });

  it('repeats exactly for the same seed, and differs for another', () => {
    const planner = () => new DistrictPlanner(11, SEED_RATES, 1);
    const a = planner().planDay('2022-03-01', 480, 1020);
    expect(planner().planDay('2022-03-01', 480, 1020)).toEqual(a);
    expect(new DistrictPlanner(12, SEED_RATES, 1).planDay('2022-03-01', 480, 1020)).not.toEqual(a);
  });

  it('sends every visit to a station that handles its item, in arrival order', () => {
    const handles: Record<string, string[]> = {
      hall: [
        'ENROLL_RESIDENT',
        'COVERAGE_ENQUIRY',
        'CHANGE_INFO',
        'OFFSITE_FILING',
        'TRANSFER',
        'MANUAL_REIMBURSEMENT',
        'ASSISTANCE_REIMBURSEMENT',
      ],
      township: ['ENROLL_RESIDENT', 'COVERAGE_ENQUIRY', 'CHANGE_INFO', 'OFFSITE_FILING'],
      village: ['ENROLL_RESIDENT', 'COVERAGE_ENQUIRY'],
      hospital: ['DISCHARGE_SETTLEMENT', 'OUTPATIENT_SETTLEMENT', 'CHRONIC_QUALIFICATION'],
    };
    for (const v of visits.slice(0, 20_000)) {
      const kind = DEMO_STATIONS.find((s) => s.stationId === v.stationId)!.kind;
      expect(handles[kind]).toContain(v.business);
    }
    const day = visits.filter((v) => v.day === '2022-05-10').map((v) => v.minute);
    expect(day).toEqual([...day].sort((a, b) => a - b));
  });

  it('qualifies a chronic patient once, at the first chronic visit, then settles after a transfer', () => {
    const qualifications = visits.filter((v) => v.business === 'CHRONIC_QUALIFICATION');
    expect(new Set(qualifications.map((q) => q.residentIndex)).size).toBe(qualifications.length);
    expect(qualifications.every((q) => q.transferTo?.business === 'OUTPATIENT_SETTLEMENT')).toBe(
      true,
    );
  });

  it('lifts enrollments in the collection season (September on)', () => {
    const perDay = (month: string) => {
      const days = new Set(visits.filter((v) => v.day.startsWith(month)).map((v) => v.day)).size;
      return (
        visits.filter((v) => v.day.startsWith(month) && v.business === 'ENROLL_RESIDENT').length /
        days
      );
    };
    expect(perDay('2022-09')).toBeGreaterThan(2.5 * perDay('2022-05'));
  });

  it('has no-shows and recalls at about the rates asked for', () => {
    const noShows = visits.filter((v) => v.noShow).length / visits.length;
    expect(noShows).toBeCloseTo(SEED_RATES.noShowShare, 2);
  });
});
