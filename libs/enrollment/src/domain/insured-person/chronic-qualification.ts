import type { PolicyBook } from '../../../../policy/src/domain/policy-book';
import { policyForYear } from '../benefit-year';
import {
  EnrollmentConflict,
  EnrollmentRuleBroken,
  InvalidEnrollmentInput,
  NotOnRecord,
} from '../enrollment.errors';
import type { HolidayCalendar } from '../holiday-calendar';
import { notice } from '../notice';
import { addWorkingDays, isBreached } from '../working-days';
import {
  fact,
  type ChronicQualificationApplied,
  type ChronicQualificationApproved,
  type ChronicQualificationRejected,
  type InsuredPersonEvent,
} from './insured-person.events';
import { latestResidentYear, residentYear, type InsuredPersonState } from './insured-person.state';

export interface ApplyForQualification {
  readonly kind: 'ApplyForQualification';
  readonly qualificationId: string;
  readonly disease: string;
  /** The benefit year the qualification is for; the latest enrolled year when absent. */
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
 * An application for outpatient chronic/special disease treatment. The disease must be on the
 * list of the policy that governs the benefit year, and the decision is due within the
 * policy's time limit in working days (1 day, seed 004's reform from 180).
 */
export function applyForQualification(
  command: ApplyForQualification,
  state: InsuredPersonState,
): InsuredPersonEvent[] {
  const enrolled =
    command.year === null ? latestResidentYear(state) : residentYear(state, command.year);
  if (!state.person || !enrolled)
    throw new EnrollmentRuleBroken(
      'not_enrolled',
      `this person is not enrolled in the resident scheme${command.year === null ? '' : ` for ${command.year}`}`,
      [{ field: command.year === null ? 'residentId' : 'year', problem: 'has no enrollment' }],
    );
  const policy = policyForYear(command.policies, enrolled.region, enrolled.year);
  const disease = policy.chronicOutpatient.diseases.find((d) => d.code === command.disease);
  if (!disease)
    throw new InvalidEnrollmentInput(
      'disease',
      `must be one of ${policy.chronicOutpatient.diseases.map((d) => d.code).join(', ')} (policy ${policy.region}@${policy.version})`,
    );
  const open = state.qualifications.find(
    (q) => q.disease === disease.code && q.year === enrolled.year && q.status !== 'rejected',
  );
  if (open)
    throw new EnrollmentConflict(
      'already_applied',
      `a ${disease.code} qualification for ${enrolled.year} is already ${open.status}`,
    );
  const { holidays, makeUpWorkdays } = command.calendar;
  const days = policy.sla.chronicQualificationWorkingDays.value;
  const deadline = addWorkingDays(command.at, days, holidays, makeUpWorkdays);
  return [
    fact<ChronicQualificationApplied>('enrollment.ChronicQualificationApplied', {
      residentId: state.person.residentId,
      stationId: command.stationId,
      at: command.at,
      qualificationId: command.qualificationId,
      disease: disease.code,
      diseaseName: disease.name,
      region: enrolled.region,
      year: enrolled.year,
      policyVersion: `${policy.region}@${policy.version}`,
      deadline,
      notice: notice(
        state.person,
        `您的门诊慢特病（${disease.name}）认定申请已受理，将于${deadline.slice(0, 10)}前办结。`,
      ),
    }),
  ];
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
