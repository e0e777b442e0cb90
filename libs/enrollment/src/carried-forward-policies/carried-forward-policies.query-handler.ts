import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PolicyBook } from '@circle/policy';
import { Clock } from '../shared/clock';
import { POLICY_BOOK } from '../shared/policy-book.provider';
import {
  CarriedForwardPoliciesQuery,
  type CarriedForwardPolicies,
} from './carried-forward-policies.query';

/** Read from the policy files the apps loaded at start, so it answers for what they apply. */
@QueryHandler(CarriedForwardPoliciesQuery)
export class CarriedForwardPoliciesHandler implements IQueryHandler<CarriedForwardPoliciesQuery> {
  constructor(
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<CarriedForwardPolicies> {
    const date = this.clock.shanghaiToday();
    return { date, regions: this.policies.carriedForwardRegions(date) };
  }
}
