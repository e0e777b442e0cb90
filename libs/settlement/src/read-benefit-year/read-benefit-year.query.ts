import { Query } from '@nestjs/cqrs';
import type { BenefitYearView } from './benefit-year-view';

export class ReadBenefitYearQuery extends Query<BenefitYearView> {
  constructor(
    readonly residentId: string,
    readonly year: number | null,
  ) {
    super();
  }
}
