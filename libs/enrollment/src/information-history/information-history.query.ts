import { Query } from '@nestjs/cqrs';
import type { Principal } from '@circle/platform';
import type { FieldChange } from '../domain';

export interface InformationHistoryEntry {
  readonly at: string;
  readonly stationId: string;
  readonly actor: string;
  readonly reason: string | null;
  readonly changes: readonly FieldChange[];
}

export class InformationHistoryQuery extends Query<InformationHistoryEntry[]> {
  constructor(
    readonly residentId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
