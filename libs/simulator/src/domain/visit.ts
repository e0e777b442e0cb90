import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import type { SimulatedSetting } from './district-rates';

/** A bill as the hospital's or the hall's clerk enters it, integer fen. */
export interface SimulatedBill {
  readonly setting: SimulatedSetting;
  readonly totalFen: number;
  readonly inScopeFen: number;
}

/** One person's visit to a station: what they come for and how it goes. */
export interface Visit {
  /** Unique within a run and its seed; admission numbers and idempotency keys derive from it. */
  readonly visitId: string;
  /** The simulated day, YYYY-MM-DD, and the minute of it (since midnight, Asia/Shanghai). */
  readonly day: string;
  readonly minute: number;
  readonly stationId: string;
  readonly business: BusinessCode;
  readonly residentIndex: number;
  /** The benefit year an enrollment is for: the next one in the collection season. */
  readonly enrollYear?: number;
  readonly bill?: SimulatedBill;
  /** Called, recalled once, and still not there. */
  readonly noShow: boolean;
  /** Called once without answer, then recalled and served. */
  readonly recalled: boolean;
  readonly outcome: 'done' | 'documents-missing';
  /** Sent on at the counter, to another item at the same station, with the bill it settles. */
  readonly transferTo?: { readonly business: BusinessCode; readonly bill?: SimulatedBill };
  /** Simulated minutes at the counter. */
  readonly serviceMinutes: number;
}
