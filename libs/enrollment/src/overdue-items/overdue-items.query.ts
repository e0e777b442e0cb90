import { Query } from '@nestjs/cqrs';
import type { OverdueItem } from '../read-side/enrollment-read-model';

export class OverdueItemsQuery extends Query<OverdueItem[]> {
  constructor(
    readonly kind: 'qualification' | 'transfer',
    readonly withinMinutes: number,
  ) {
    super();
  }
}
