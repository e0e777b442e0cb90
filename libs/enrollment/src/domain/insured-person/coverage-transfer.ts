import type { PolicyBook } from '../../../../policy/src/domain/policy-book';
import { shanghaiDateOf } from '../calendar-date';
import { EnrollmentConflict, InvalidEnrollmentInput, NotOnRecord } from '../enrollment.errors';
import type { HolidayCalendar } from '../holiday-calendar';
import { notice } from '../notice';
import { deadlineOf, isBreached } from '../working-days';
import {
  fact,
  type CoverageTransferCompleted,
  type CoverageTransferRefused,
  type CoverageTransferRequested,
  type InsuredPersonEvent,
  type TransferDirection,
} from './insured-person.events';
import type { InsuredPersonState } from './insured-person.state';
import { requireInsured } from './insured-standing';

export interface RequestTransfer {
  readonly kind: 'RequestTransfer';
  readonly transferId: string;
  readonly direction: TransferDirection;
  /** Where coverage comes from (in) or goes to (out); any region, not only ours. */
  readonly otherRegion: string;
  readonly policies: PolicyBook;
  readonly calendar: HolidayCalendar;
  readonly stationId: string;
  readonly at: string;
}

export interface CloseTransfer {
  readonly kind: 'CloseTransfer';
  readonly transferId: string;
  readonly outcome: 'complete' | 'refuse';
  readonly reason: string | null;
  readonly stationId: string;
  readonly at: string;
}

/**
 * Moves a person's coverage record between regions (转移接续), for a resident or an employee.
 * The region the person is insured in is this side of the transfer, and the time limit of its
 * policy in force on the day of the request (15 working days, DOMAIN's catalogue) starts the clock.
 */
export function requestTransfer(
  command: RequestTransfer,
  state: InsuredPersonState,
): InsuredPersonEvent[] {
  const day = shanghaiDateOf(command.at);
  const { person, insured } = requireInsured(state, null, day);
  if (command.otherRegion === insured.region)
    throw new InvalidEnrollmentInput('otherRegion', `must differ from ${insured.region}`);
  const pending = state.transfers.find((t) => t.status === 'pending');
  if (pending)
    throw new EnrollmentConflict(
      'transfer_pending',
      `transfer ${pending.transferId} is still open`,
    );
  const { policy } = command.policies.inForce(insured.region, day);
  const deadline = deadlineOf(command.at, policy.sla.transfer.value, command.calendar);
  const [fromRegion, toRegion] =
    command.direction === 'out'
      ? [insured.region, command.otherRegion]
      : [command.otherRegion, insured.region];
  return [
    fact<CoverageTransferRequested>('enrollment.CoverageTransferRequested', {
      residentId: person.residentId,
      stationId: command.stationId,
      at: command.at,
      transferId: command.transferId,
      direction: command.direction,
      fromRegion,
      toRegion,
      deadline,
      notice: notice(
        person,
        `您的医保关系转移（${fromRegion}→${toRegion}）申请已受理，将于${deadline.slice(0, 10)}前办结。`,
      ),
    }),
  ];
}

export function closeTransfer(
  command: CloseTransfer,
  state: InsuredPersonState,
): InsuredPersonEvent[] {
  const transfer = state.transfers.find((t) => t.transferId === command.transferId);
  if (!state.person || !transfer) throw new NotOnRecord(`transfer ${command.transferId}`);
  if (transfer.status !== 'pending')
    throw new EnrollmentConflict('already_closed', `this transfer was already ${transfer.status}`);
  const closed = {
    residentId: state.person.residentId,
    stationId: command.stationId,
    at: command.at,
    transferId: transfer.transferId,
    deadline: transfer.deadline,
    withinDeadline: !isBreached(transfer.deadline, command.at),
  };
  const route = `${transfer.fromRegion}→${transfer.toRegion}`;
  if (command.outcome === 'complete')
    return [
      fact<CoverageTransferCompleted>('enrollment.CoverageTransferCompleted', {
        ...closed,
        notice: notice(state.person, `您的医保关系转移（${route}）已办结。`),
      }),
    ];
  if (!command.reason)
    throw new InvalidEnrollmentInput('reason', 'is required when a transfer is refused');
  return [
    fact<CoverageTransferRefused>('enrollment.CoverageTransferRefused', {
      ...closed,
      reason: command.reason,
      notice: notice(state.person, `您的医保关系转移（${route}）未能办理：${command.reason}`),
    }),
  ];
}
