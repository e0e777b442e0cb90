import { Query } from '@nestjs/cqrs';
import type { CarriedForwardRegion } from '@circle/policy';

export interface CarriedForwardPolicies {
  /** Today, Asia/Shanghai: the day the versions in force were looked up for. */
  readonly date: string;
  readonly regions: readonly CarriedForwardRegion[];
}

export class CarriedForwardPoliciesQuery extends Query<CarriedForwardPolicies> {}
