import type { IsoDate } from '../calendar-date';
import { EnrollmentConflict, InvalidEnrollmentInput, NotOnRecord } from '../enrollment.errors';
import type { NationalId } from '../national-id';
import { notice } from '../notice';
import {
  fact,
  type EmployeeEnrolled,
  type EmployeeLeft,
  type InsuredPersonEvent,
} from './insured-person.events';
import { currentEmployment, type InsuredPersonState } from './insured-person.state';

export interface EmployerOnRecord {
  readonly creditCode: string;
  readonly name: string;
  readonly region: string;
}

export interface EnrollEmployee {
  readonly kind: 'EnrollEmployee';
  readonly id: NationalId;
  readonly name: string;
  readonly phone: string | null;
  /** Read from the employer's stream by the caller; an unregistered employer cannot enrol. */
  readonly employer: EmployerOnRecord;
  readonly joinedOn: IsoDate;
  readonly stationId: string;
  readonly at: string;
}

export interface LeaveEmployer {
  readonly kind: 'LeaveEmployer';
  readonly creditCode: string;
  readonly leftOn: IsoDate;
  readonly stationId: string;
  readonly at: string;
}

/** One person, one employer at a time: moving jobs is a leave at the old one, then a join. */
export function enrollEmployee(
  command: EnrollEmployee,
  state: InsuredPersonState,
): InsuredPersonEvent[] {
  const { id, employer, joinedOn } = command;
  if (joinedOn < id.birthDate)
    throw new InvalidEnrollmentInput('joinedOn', 'must not be before the birth date in the ID');
  const current = currentEmployment(state);
  if (current)
    throw new EnrollmentConflict(
      current.creditCode === employer.creditCode ? 'already_employed' : 'employed_elsewhere',
      `this person is already enrolled as an employee of ${current.employerName}`,
    );
  const person = { name: state.person?.name ?? command.name, phone: command.phone };
  return [
    fact<EmployeeEnrolled>('enrollment.EmployeeEnrolled', {
      residentId: id.id,
      stationId: command.stationId,
      at: command.at,
      name: person.name,
      phone: command.phone,
      birthDate: id.birthDate,
      sex: id.sex,
      creditCode: employer.creditCode,
      employerName: employer.name,
      region: employer.region,
      joinedOn,
      notice: notice(person, `您已由${employer.name}办理职工基本医疗保险参保，${joinedOn}起。`),
    }),
  ];
}

export function leaveEmployer(
  command: LeaveEmployer,
  state: InsuredPersonState,
): InsuredPersonEvent[] {
  const current = currentEmployment(state);
  if (!state.person || !current || current.creditCode !== command.creditCode)
    throw new NotOnRecord(`an employment of this person at ${command.creditCode}`);
  if (command.leftOn < current.joinedOn)
    throw new InvalidEnrollmentInput('leftOn', `must not be before joining on ${current.joinedOn}`);
  return [
    fact<EmployeeLeft>('enrollment.EmployeeLeft', {
      residentId: state.person.residentId,
      stationId: command.stationId,
      at: command.at,
      creditCode: current.creditCode,
      employerName: current.employerName,
      leftOn: command.leftOn,
      notice: notice(
        state.person,
        `您在${current.employerName}的职工医保已于${command.leftOn}停保，可办理居民医保参保。`,
      ),
    }),
  ];
}
