import { DEMO_DISTRICT } from '../../../stations/src/domain/demo-district';
import {
  BusinessNotHandledHere,
  haversineKm,
  nearestByRoad,
  nearestStationsFor,
  straightLine,
} from './nearest-stations';

describe('nearest stations', () => {
  it('measures the great-circle distance', () => {
    // One degree of latitude is about 111.2 km anywhere.
    expect(haversineKm({ lat: 35, lon: 116 }, { lat: 36, lon: 116 })).toBeCloseTo(111.2, 0);
  });

  it('names the closest stations that handle the business, with travel minutes', () => {
    const village = DEMO_DISTRICT.find((s) => s.stationId === 'village-1')!;
    const nearest = nearestStationsFor('MATERNITY', village, DEMO_DISTRICT, 15);
    expect(nearest.map((s) => s.stationId)).toEqual(['hall']);
    const km = haversineKm(village.location, DEMO_DISTRICT[0]!.location);
    expect(nearest[0]?.travelMinutes).toBe(Math.ceil((km / 15) * 60));
  });

  it('orders by distance and leaves the station itself out', () => {
    const town = DEMO_DISTRICT.find((s) => s.stationId === 'town-2')!;
    const nearest = nearestStationsFor('ENROLL_RESIDENT', town, DEMO_DISTRICT, 15, 10);
    expect(nearest.map((s) => s.stationId)).not.toContain('town-2');
    const distances = nearest.map((s) => s.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('carries them in the refusal', () => {
    const error = new BusinessNotHandledHere('MATERNITY', 'town-1', [], straightLine(15));
    expect(error).toMatchObject({ kind: 'rule', code: 'wrong_station' });
    expect(error.details).toMatchObject({ travel: { method: 'straight-line', speedKmh: 15 } });
  });

  it('ranks by road minutes when trips are given, leaving out stations no road reaches', () => {
    const [a, b, c] = DEMO_DISTRICT;
    const nearest = nearestByRoad(
      [a!, b!, c!],
      [{ minutes: 21.2, km: 5.3 }, undefined, { minutes: 8.04, km: 2.01 }],
    );
    expect(nearest).toEqual([
      {
        stationId: c!.stationId,
        name: c!.name,
        nameEn: c!.nameEn,
        distanceKm: 2.01,
        travelMinutes: 9,
      },
      {
        stationId: a!.stationId,
        name: a!.name,
        nameEn: a!.nameEn,
        distanceKm: 5.3,
        travelMinutes: 22,
      },
    ]);
  });
});
