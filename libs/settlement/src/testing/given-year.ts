import {
  decideBenefitYear,
  type BenefitYearCommand,
  type ReverseSettlement,
  type SettleBill,
} from '../domain/benefit-year.decider';
import type { BenefitYearEvent } from '../domain/benefit-year.events';
import {
  evolveBenefitYear,
  initialBenefitYearState,
  type BenefitYearState,
} from '../domain/benefit-year.state';
import type { SettlementInput } from '../domain/calculate-settlement';

export const RESIDENT_ID = '370811198504021234';

/** A hospital settlement of `input` for the demo resident in the bill's year. */
export function settleCommand(
  input: SettlementInput,
  settlementId: string,
  admissionId = `ZY-${settlementId}`,
): SettleBill {
  return {
    kind: 'SettleBill',
    settlementId,
    residentId: RESIDENT_ID,
    year: Number(input.bill.date.slice(0, 4)),
    admissionId,
    stationId: 'hosp-2',
    at: `${input.bill.date}T10:00:00+08:00`,
    source: 'hospital',
    claimId: null,
    bill: input.bill,
    standing: input.standing,
    policy: input.policy,
    policyVersion: input.policyVersion,
    person: { phone: '13800000000', name: '张三丰' },
  };
}

export function reverseCommand(
  settlementId: string,
  reason = 'wrong in-scope amount entered',
): ReverseSettlement {
  return {
    kind: 'ReverseSettlement',
    settlementId,
    reason,
    stationId: 'hosp-2',
    at: '2022-06-02T09:00:00+08:00',
    person: { phone: '13800000000', name: '张三丰' },
  };
}

/** Decides each command on the state the ones before it left, as the stream would. */
export function run(
  commands: readonly BenefitYearCommand[],
  state: BenefitYearState = initialBenefitYearState(),
): { state: BenefitYearState; events: BenefitYearEvent[] } {
  const events: BenefitYearEvent[] = [];
  for (const command of commands) {
    for (const event of decideBenefitYear(command, state)) {
      events.push(event);
      state = evolveBenefitYear(state, event);
    }
  }
  return { state, events };
}
