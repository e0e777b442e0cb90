import type { StationEvent } from './domain/station.events';

/** An event as the log stores it, its data tied to its type by the domain's own union. */
type Example<E extends StationEvent = StationEvent> = E extends StationEvent
  ? { readonly type: E['type']; readonly schemaVersion: number; readonly data: E['data'] }
  : never;

/**
 * One realistic event of each type a station's stream holds. Typed with the domain's event types
 * so that a change to an event's data fails to compile here, and the contract test then holds
 * the AsyncAPI document to the same shape.
 */
export const EVENT_EXAMPLES: readonly Example[] = [
  {
    type: 'stations.StationRegistered',
    schemaVersion: 1,
    data: {
      stationId: 'hosp-2',
      kind: 'hospital',
      name: '新区中医院医保服务站',
      nameEn: 'TCM Hospital station (tier 2)',
      tier: 2,
      location: { lat: 35.347, lon: 116.603, synthetic: true },
      businesses: ['OFFSITE_FILING', 'CHRONIC_QUALIFICATION', 'DISCHARGE_SETTLEMENT'],
      openingHours: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '08:00', closes: '17:30' }],
      fairnessRatio: 3,
    },
  },
  {
    type: 'stations.StationDetailsChanged',
    schemaVersion: 1,
    data: {
      openingHours: [
        { days: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:30' },
        { days: [6], opens: '09:00', closes: '12:00' },
      ],
      fairnessRatio: 4,
    },
  },
  {
    type: 'stations.CounterAdded',
    schemaVersion: 1,
    data: { counterId: '4', skills: ['ENROLL_RESIDENT', 'COVERAGE_ENQUIRY'] },
  },
  {
    type: 'stations.CounterSkillsChanged',
    schemaVersion: 1,
    data: { counterId: '2', skills: ['CHANGE_INFO', 'OFFSITE_FILING', 'CHRONIC_QUALIFICATION'] },
  },
  { type: 'stations.CounterRemoved', schemaVersion: 1, data: { counterId: '4' } },
  {
    type: 'stations.CounterOpened',
    schemaVersion: 1,
    data: { counterId: '1', clerk: 'clerk-town-1' },
  },
  {
    type: 'stations.CounterPaused',
    schemaVersion: 1,
    data: { counterId: '1', clerk: 'clerk-town-1' },
  },
  {
    type: 'stations.CounterClosed',
    schemaVersion: 1,
    data: { counterId: '1', clerk: 'clerk-town-1' },
  },
];
