export const ROLES = ['clerk', 'kiosk', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles bound to one station: their accounts carry its id and act nowhere else. */
export const STATION_ROLES: readonly Role[] = ['clerk', 'kiosk'];

/** Who is calling, as carried in the bearer token. */
export interface Principal {
  readonly username: string;
  readonly role: Role;
  /** Set for clerks and kiosks only: the one station they belong to. */
  readonly stationId?: string;
}

/**
 * Whether the caller may run a command at this station. A kiosk never may here: the few routes
 * it can use are opened to it by the access guard, not by the handlers.
 */
export function canActAt(principal: Principal, stationId: string): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role === 'clerk') return principal.stationId === stationId;
  return false;
}
