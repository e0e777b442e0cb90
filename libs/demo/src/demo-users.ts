import { DEMO_DISTRICT } from '@circle/stations';

export const DEMO_PASSWORD = 'circle-demo';

export interface DemoUser {
  username: string;
  role: 'clerk' | 'kiosk' | 'supervisor' | 'admin';
  stationId: string | null;
}

/** CONTRACT's demo users: one supervisor, one admin, a clerk and a kiosk account per station. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'supervisor', role: 'supervisor', stationId: null },
  { username: 'admin', role: 'admin', stationId: null },
  ...DEMO_DISTRICT.flatMap((s) => [
    { username: `clerk-${s.stationId}`, role: 'clerk' as const, stationId: s.stationId },
    { username: `kiosk-${s.stationId}`, role: 'kiosk' as const, stationId: s.stationId },
  ]),
];
