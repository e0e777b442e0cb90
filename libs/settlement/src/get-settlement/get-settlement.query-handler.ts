import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { POLICY_BOOK } from '@circle/enrollment';
import { DomainError } from '@circle/kernel';
import { carriedForwardWarning, type Policy, type PolicyBook } from '@circle/policy';
import { BenefitYears } from '../shared/benefit-years';
import { recordOf } from '../shared/settlement-record';
import { GetSettlementQuery, type FoundRecord } from './get-settlement.query';

const notFound = (id: string) =>
  new DomainError('not-found', 'not_found', `settlement ${id} is not on record`);

/**
 * A settlement read from the log itself, so the clerk sees it the moment it is made. Clerks
 * read their own station's; supervisors and admins read all. Refused and unknown look alike
 * to a clerk, so an id reveals nothing about another station's patients.
 */
@QueryHandler(GetSettlementQuery)
export class GetSettlementHandler implements IQueryHandler<GetSettlementQuery> {
  constructor(
    private readonly years: BenefitYears,
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
  ) {}

  async execute({ settlementId, principal }: GetSettlementQuery): Promise<FoundRecord> {
    const found = await this.years.settlement(settlementId);
    if (!found) throw notFound(settlementId);
    if (principal.role === 'clerk' && principal.stationId !== found.settled.stationId)
      throw notFound(settlementId);
    const reversal = found.reversed && { at: found.reversed.at, reason: found.reversed.reason };
    const policy = this.citedPolicy(found.settled.policyVersion);
    // The warning the settlement answered with, worked out again from the version it cites.
    const warning =
      policy && carriedForwardWarning(policy, found.settled.bill.date, found.settled.policyVersion);
    return { record: recordOf(found.settled, warning, reversal), policy };
  }

  private citedPolicy(versionId: string): Policy | null {
    try {
      const region = versionId.split('@')[0] ?? '';
      return this.policies.version(region, versionId);
    } catch {
      // A version edited since (its id no longer matches) has figures the book no longer holds.
      return null;
    }
  }
}
