import { HOME_STATION } from '../support/district-records';
import { login } from '../support/http';
import { BAD_TOKENS } from '../support/tokens';
import type { AppName } from '../support/test-env';

/** The matrix's columns, in the order the table writes them. */
export const CALLERS = [
  'anonymous',
  'forged',
  'algNone',
  'expired',
  'clerk',
  'otherClerk',
  'kiosk',
  'supervisor',
  'admin',
] as const;
export type Caller = (typeof CALLERS)[number];

/** Whose station an operation acts at, by the app serving it: the app's home station. */
export const STATION_OF: Record<AppName, string> = {
  ...HOME_STATION,
  supervisor: 'hall',
  notifier: 'hall',
};

/** A clerk of another station of the same app where there is one, so the station is what differs. */
const OTHER_STATION: Record<AppName, string> = {
  hall: 'town-1',
  township: 'town-2',
  hospital: 'hosp-1',
  supervisor: 'town-1',
  notifier: 'town-1',
};

export class CallerTokens {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly loginUrl: string) {}

  private async of(username: string): Promise<string> {
    const kept = this.tokens.get(username);
    if (kept) return kept;
    const token = await login(this.loginUrl, username);
    this.tokens.set(username, token);
    return token;
  }

  /** The bearer token a caller sends to an operation of this app; none for the anonymous. */
  async tokenFor(caller: Caller, app: AppName): Promise<string | undefined> {
    switch (caller) {
      case 'anonymous':
        return undefined;
      case 'forged':
      case 'algNone':
      case 'expired':
        return BAD_TOKENS[caller]();
      case 'clerk':
        return this.of(`clerk-${STATION_OF[app]}`);
      case 'otherClerk':
        return this.of(`clerk-${OTHER_STATION[app]}`);
      case 'kiosk':
        return this.of(`kiosk-${STATION_OF[app]}`);
      default:
        return this.of(caller);
    }
  }
}
