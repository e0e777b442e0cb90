export const ROLES = ['clerk', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as carried in the bearer token. */
export interface Principal {
  readonly username: string;
  readonly role: Role;
  /** Set for clerks only: the one station they act at. */
  readonly stationId?: string;
}

export function canActAt(principal: Principal, stationId: string): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role === 'clerk') return principal.stationId === stationId;
  return false;
}
