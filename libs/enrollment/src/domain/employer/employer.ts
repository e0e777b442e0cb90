import type { PolicyBook } from '../../../../policy/src/domain/policy-book';
import { EnrollmentConflict, InvalidEnrollmentInput } from '../enrollment.errors';
import { parseCreditCode } from '../credit-code';

export type EmployerRegistered = {
  readonly type: 'enrollment.EmployerRegistered';
  readonly schemaVersion: 1;
  readonly data: {
    readonly creditCode: string;
    readonly name: string;
    readonly region: string;
    readonly address: string | null;
    readonly contactPhone: string | null;
    readonly stationId: string;
    readonly at: string;
  };
};

export type EmployerEvent = EmployerRegistered;

export interface EmployerState {
  readonly registered: EmployerRegistered['data'] | null;
}

export interface RegisterEmployer {
  readonly kind: 'RegisterEmployer';
  readonly creditCode: string;
  readonly name: string;
  readonly region: string;
  readonly address: string | null;
  readonly contactPhone: string | null;
  readonly policies: PolicyBook;
  readonly stationId: string;
  readonly at: string;
}

export function employerStreamId(creditCode: string): string {
  return `employer-${creditCode}`;
}

/** The credit code of a request, checked (GB 32100), or a 422 naming the field. */
export function checkedCreditCode(raw: string, field = 'creditCode'): string {
  const result = parseCreditCode(raw);
  if (!result.ok) throw new InvalidEnrollmentInput(field, result.problem);
  return result.value.code;
}

export const initialEmployerState = (): EmployerState => ({ registered: null });

export function evolveEmployer(state: EmployerState, event: EmployerEvent): EmployerState {
  return event.type === 'enrollment.EmployerRegistered' ? { registered: event.data } : state;
}

/**
 * An employer is registered once under its unified social credit code, in a region whose
 * policy sets the employee caps its staff are settled under.
 */
export function decideEmployer(command: RegisterEmployer, state: EmployerState): EmployerEvent[] {
  command.policies.versions(command.region);
  if (state.registered)
    throw new EnrollmentConflict(
      'employer_registered',
      `employer ${command.creditCode} is already registered as ${state.registered.name}`,
    );
  const { creditCode, name, region, address, contactPhone, stationId, at } = command;
  return [
    {
      type: 'enrollment.EmployerRegistered',
      schemaVersion: 1,
      data: { creditCode, name, region, address, contactPhone, stationId, at },
    },
  ];
}

export const employerDecider = {
  decide: decideEmployer,
  evolve: evolveEmployer,
  initialState: initialEmployerState,
};
