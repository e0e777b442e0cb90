import shizhong2020 from '../../../policy/policies/shizhong-zaozhuang-2020.json';
import shizhong2021 from '../../../policy/policies/shizhong-zaozhuang-2021.json';
import taibai2021 from '../../../policy/policies/taibai-lake-2021.json';
import taibai2022 from '../../../policy/policies/taibai-lake-2022.json';
import { PolicyBook } from '../../../policy/src/domain/policy-book';
import { validatePolicyDocument } from '../../../policy/src/domain/policy-schema';
import type { HolidayCalendar } from '../domain/holiday-calendar';
import { makeNationalId, parseNationalId, type NationalId } from '../domain/national-id';
import {
  decideInsuredPerson,
  type InsuredPersonCommand,
  type InsuredPersonState,
} from '../domain/insured-person/insured-person.decider';
import type { InsuredPersonEvent } from '../domain/insured-person/insured-person.events';
import { evolveInsuredPerson } from '../domain/insured-person/insured-person.evolve';
import { initialInsuredPersonState } from '../domain/insured-person/insured-person.state';

/** The repository's policy files, as the apps load them. */
export const POLICIES = new PolicyBook([
  validatePolicyDocument(taibai2021, 'taibai-lake-2021.json'),
  validatePolicyDocument(taibai2022, 'taibai-lake-2022.json'),
  validatePolicyDocument(shizhong2020, 'shizhong-zaozhuang-2020.json'),
  validatePolicyDocument(shizhong2021, 'shizhong-zaozhuang-2021.json'),
]);

export const NO_HOLIDAYS: HolidayCalendar = { holidays: new Set(), makeUpWorkdays: new Set() };

export function person(birthDate: string, sequence = 123): NationalId {
  const result = parseNationalId(makeNationalId('370811', birthDate, sequence), '2026-01-01');
  if (!result.ok) throw new Error(result.problem);
  return result.value;
}

export const DETAILS = {
  name: '王小明',
  phone: '13800000000',
  address: null,
  communityId: null,
  householdId: null,
};

/** Given these facts, when this command: the events decided. */
export function when(
  given: readonly InsuredPersonEvent[],
  command: InsuredPersonCommand,
): InsuredPersonEvent[] {
  return decideInsuredPerson(command, fold(given));
}

export function fold(events: readonly InsuredPersonEvent[]): InsuredPersonState {
  return events.reduce(evolveInsuredPerson, initialInsuredPersonState());
}

export function enroll(
  id: NationalId,
  overrides: Partial<Extract<InsuredPersonCommand, { kind: 'EnrollResident' }>> = {},
): InsuredPersonCommand {
  return {
    kind: 'EnrollResident',
    id,
    details: DETAILS,
    category: 'general',
    region: 'taibai-lake',
    year: 2022,
    policies: POLICIES,
    stationId: 'town-1',
    at: '2022-01-10T09:00:00+08:00',
    ...overrides,
  };
}

/** Enrols the person as an employee of a Taibai Lake employer from `joinedOn`. */
export function employ(id: NationalId, joinedOn = '2022-03-01'): InsuredPersonCommand {
  return {
    kind: 'EnrollEmployee',
    id,
    name: '李四',
    phone: '13900000000',
    employer: { creditCode: '91370800MA3C5RXA1L', name: '太白湖机械厂', region: 'taibai-lake' },
    joinedOn,
    stationId: 'hall',
    at: `${joinedOn}T09:00:00+08:00`,
  };
}

export function pay(year: number, amountFen: number, receiptNumber = 'R-1'): InsuredPersonCommand {
  return {
    kind: 'PayContribution',
    year,
    amountFen,
    method: 'cash',
    reference: null,
    receiptNumber,
    stationId: 'town-1',
    at: '2022-01-11T10:00:00+08:00',
  };
}
