import type { ChronicDisease, Policy } from '../../../../policy/src/domain/policy';
import type { PolicyBook } from '../../../../policy/src/domain/policy-book';
import { shanghaiDateOf } from '../calendar-date';
import { EnrollmentConflict, InvalidEnrollmentInput, NotOnRecord } from '../enrollment.errors';
import type { HolidayCalendar } from '../holiday-calendar';
import { notice } from '../notice';
import { deadlineOf, isBreached } from '../working-days';
import {
  fact,
  type ChronicQualificationApplied,
  type ChronicQualificationApproved,
  type ChronicQualificationRejected,
  type InsuredPersonEvent,
} from './insured-person.events';
import type { InsuredPersonState } from './insured-person.state';
import { requireInsured } from './insured-standing';

export interface ApplyForQualification {
  readonly kind: 'ApplyForQualification';
  readonly qualificationId: string;
  readonly disease: string;
  /**
   * The resident year the qualification is for; when absent, the year of the day for an
   * employee, else the latest enrolled resident year.
   */
  readonly year: number | null;
  readonly policies: PolicyBook;
  readonly calendar: HolidayCalendar;
  readonly stationId: string;
  readonly at: string;
}

export interface DecideQualification {
  readonly kind: 'DecideQualification';
  readonly qualificationId: string;
  readonly outcome: 'approve' | 'reject';
  readonly reason: string | null;
  readonly stationId: string;
  readonly at: string;
}

/**
 * An application for outpatient chronic/special disease treatment, by a resident or an
 * employee. It is judged by the policy in force on the day it is made, of the region the person
 * is insured in: the disease must be on that policy's list, and the decision is due within that
 * policy's time limit (1 working day since seed 004's reform, 180 calendar days before it).
 */
export function applyForQualification(
  command: ApplyForQualification,
  state: InsuredPersonState,
): InsuredPersonEvent[] {
  const day = shanghaiDateOf(command.at);
  const { person, insured } = requireInsured(state, command.year, day);
  const { policy, versionId } = command.policies.inForce(insured.region, day);
  const disease = listedDisease(policy, command.disease, versionId);
  const open = state.qualifications.find(
    (q) => q.disease === disease.code && q.year === insured.year && q.status !== 'rejected',
  );
  if (open)
    throw new EnrollmentConflict(
      'already_applied',
      `a ${disease.code} qualification for ${insured.year} is already ${open.status}`,
    );
  const deadline = deadlineOf(command.at, policy.sla.chronicQualification.value, command.calendar);
  return [
    fact<ChronicQualificationApplied>('enrollment.ChronicQualificationApplied', {
      residentId: person.residentId,
      stationId: command.stationId,
      at: command.at,
      qualificationId: command.qualificationId,
      disease: disease.code,
      diseaseName: disease.name,
      region: insured.region,
      year: insured.year,
      policyVersion: versionId,
      deadline,
      notice: notice(
        person,
        `您的门诊慢特病（${disease.name}）认定申请已受理，将于${deadline.slice(0, 10)}前办结。`,
      ),
    }),
  ];
}

function listedDisease(policy: Policy, code: string, versionId: string): ChronicDisease {
  const diseases = policy.chronicOutpatient.diseases;
  const disease = diseases.find((d) => d.code === code);
  if (!disease)
    throw new InvalidEnrollmentInput(
      'disease',
      `must be one of ${diseases.map((d) => d.code).join(', ')} (policy ${versionId})`,
    );
  return disease;
}

/** Approves or rejects a pending application; a rejection always says why. */
export function decideQualification(
  command: DecideQualification,
  state: InsuredPersonState,
): InsuredPersonEvent[] {
  const applied = state.qualifications.find((q) => q.qualificationId === command.qualificationId);
  if (!state.person || !applied) throw new NotOnRecord(`qualification ${command.qualificationId}`);
  if (applied.status !== 'pending')
    throw new EnrollmentConflict(
      'already_decided',
      `this qualification was already ${applied.status}`,
    );
  const decided = {
    residentId: state.person.residentId,
    stationId: command.stationId,
    at: command.at,
    qualificationId: applied.qualificationId,
    disease: applied.disease,
    deadline: applied.deadline,
    withinDeadline: !isBreached(applied.deadline, command.at),
  };
  if (command.outcome === 'approve')
    return [
      fact<ChronicQualificationApproved>('enrollment.ChronicQualificationApproved', {
        ...decided,
        reason: command.reason,
        notice: notice(
          state.person,
          `您的门诊慢特病（${applied.diseaseName}）资格已认定通过，${applied.year}年度可享受门诊慢特病待遇。`,
        ),
      }),
    ];
  if (!command.reason)
    throw new InvalidEnrollmentInput('reason', 'is required when a qualification is rejected');
  return [
    fact<ChronicQualificationRejected>('enrollment.ChronicQualificationRejected', {
      ...decided,
      reason: command.reason,
      notice: notice(
        state.person,
        `您的门诊慢特病（${applied.diseaseName}）认定未通过：${command.reason}`,
      ),
    }),
  ];
}
