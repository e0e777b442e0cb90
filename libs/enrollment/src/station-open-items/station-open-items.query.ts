import { Query } from '@nestjs/cqrs';
import type { Principal } from '@circle/platform';
import type { OpenItem } from './station-open-items.reader';

export class StationOpenItemsQuery extends Query<OpenItem[]> {
  constructor(
    readonly kind: 'qualification' | 'transfer',
    readonly principal: Principal,
  ) {
    super();
  }
}
