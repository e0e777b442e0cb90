import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PolicyBook } from '@circle/policy';
import { coverageOf } from '../domain';
import { PersonDesk } from '../shared/person-desk';
import { POLICY_BOOK } from '../shared/policy-book.provider';
import { PayContributionCommand, type PaymentAnswer } from './pay-contribution.command';

/** Day and station make a receipt easy to file; the random tail keeps it unique. */
function receiptNumber(at: string, stationId: string): string {
  const tail = randomBytes(4).toString('hex').toUpperCase();
  return `${at.slice(0, 10).replace(/-/g, '')}-${stationId}-${tail}`;
}

@CommandHandler(PayContributionCommand)
export class PayContributionHandler implements ICommandHandler<PayContributionCommand> {
  constructor(
    private readonly desk: PersonDesk,
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
  ) {}

  execute({ residentId, year, request, context }: PayContributionCommand): Promise<PaymentAnswer> {
    return this.desk.handle({
      // Contributions are collected where residents enrol (DOMAIN: ENROLL_RESIDENT).
      business: 'ENROLL_RESIDENT',
      residentId,
      context,
      command: ({ station, at }) => ({
        kind: 'PayContribution',
        year,
        amountFen: request.amountFen,
        method: request.method,
        reference: request.reference ?? null,
        receiptNumber: receiptNumber(at, station.stationId),
        stationId: station.stationId,
        at,
      }),
      answer: ({ state, events }, { at }) => {
        const paid = events.find((e) => e.type === 'enrollment.ContributionPaid');
        const coverage = coverageOf(state, year, at, this.policies)?.coverage;
        if (paid?.type !== 'enrollment.ContributionPaid' || !coverage)
          throw new Error('a payment must be recorded against its year');
        const { receiptNumber: receipt, amountFen } = paid.data;
        return { receiptNumber: receipt, amountFen, coverage };
      },
    });
  }
}
