import { erasedDetails } from './erase-person';
import type { InsuredPersonEvent } from './insured-person.events';
import type {
  DecisionStatus,
  InsuredPersonState,
  ResidentYear,
  Transfer,
} from './insured-person.state';

type EventOf<T extends InsuredPersonEvent['type']> = Extract<InsuredPersonEvent, { type: T }>;
type Data<T extends InsuredPersonEvent['type']> = EventOf<T>['data'];

function updateYear(
  state: InsuredPersonState,
  year: number,
  change: (y: ResidentYear) => ResidentYear,
): InsuredPersonState {
  return {
    ...state,
    residentYears: state.residentYears.map((y) => (y.year === year ? change(y) : y)),
  };
}

function enrolled(state: InsuredPersonState, d: Data<'enrollment.ResidentEnrolled'>) {
  const { residentId, birthDate, sex, name, phone, address, communityId, householdId } = d;
  const identity = { residentId, birthDate, sex, name, phone, address, communityId, householdId };
  const year: ResidentYear = {
    year: d.year,
    region: d.region,
    category: d.category,
    policyVersion: d.policyVersion,
    enrolledAt: d.at,
    ...{ individualFen: 0, subsidyFen: 0, payableFen: 0, waivedFen: 0, paidFen: 0 },
    receipts: [],
    active: false,
  };
  return {
    ...state,
    person: { ...identity, category: d.category, region: d.region },
    residentYears: [...state.residentYears, year],
  };
}

function employed(state: InsuredPersonState, d: Data<'enrollment.EmployeeEnrolled'>) {
  const { residentId, birthDate, sex, name, phone, region } = d;
  const person = state.person ?? {
    ...{ residentId, birthDate, sex, name, phone, region },
    ...{ address: null, communityId: null, householdId: null, category: 'general' as const },
  };
  const job = { creditCode: d.creditCode, employerName: d.employerName, region };
  return {
    ...state,
    person,
    employments: [...state.employments, { ...job, joinedOn: d.joinedOn, leftOn: null }],
  };
}

function left(state: InsuredPersonState, d: Data<'enrollment.EmployeeLeft'>) {
  return {
    ...state,
    employments: state.employments.map((e) =>
      e.creditCode === d.creditCode && e.leftOn === null ? { ...e, leftOn: d.leftOn } : e,
    ),
  };
}

function changed(state: InsuredPersonState, d: Data<'enrollment.InsuredInformationChanged'>) {
  if (!state.person) return state;
  const after = Object.fromEntries(d.changes.map((c) => [c.field, c.to]));
  return { ...state, person: { ...state.person, ...after } };
}

function filed(state: InsuredPersonState, d: Data<'enrollment.OffsiteTreatmentFiled'>) {
  const { filingId, filingType, destinationRegion, destinationHospital, validFrom, validTo } = d;
  const filing = { filingId, filingType, destinationRegion, destinationHospital, validFrom };
  return {
    ...state,
    filings: [...state.filings, { ...filing, validTo, filedAt: d.at, stationId: d.stationId }],
  };
}

function applied(state: InsuredPersonState, d: Data<'enrollment.ChronicQualificationApplied'>) {
  const { qualificationId, disease, diseaseName, year, region, policyVersion, deadline } = d;
  const application = { qualificationId, disease, diseaseName, year, region, policyVersion };
  return {
    ...state,
    qualifications: [
      ...state.qualifications,
      {
        ...application,
        ...{ appliedAt: d.at, deadline, stationId: d.stationId },
        ...{ status: 'pending' as const, decidedAt: null, reason: null },
      },
    ],
  };
}

function decided(
  state: InsuredPersonState,
  event: EventOf<
    'enrollment.ChronicQualificationApproved' | 'enrollment.ChronicQualificationRejected'
  >,
) {
  const status: DecisionStatus =
    event.type === 'enrollment.ChronicQualificationApproved' ? 'approved' : 'rejected';
  return {
    ...state,
    qualifications: state.qualifications.map((q) =>
      q.qualificationId === event.data.qualificationId
        ? { ...q, status, decidedAt: event.data.at, reason: event.data.reason }
        : q,
    ),
  };
}

function requested(state: InsuredPersonState, d: Data<'enrollment.CoverageTransferRequested'>) {
  const { transferId, direction, fromRegion, toRegion, deadline } = d;
  const transfer = { transferId, direction, fromRegion, toRegion, requestedAt: d.at, deadline };
  return {
    ...state,
    transfers: [
      ...state.transfers,
      { ...transfer, status: 'pending' as const, closedAt: null, reason: null },
    ],
  };
}

function closed(
  state: InsuredPersonState,
  event: EventOf<'enrollment.CoverageTransferCompleted' | 'enrollment.CoverageTransferRefused'>,
) {
  const status: Transfer['status'] =
    event.type === 'enrollment.CoverageTransferCompleted' ? 'completed' : 'refused';
  const reason = event.type === 'enrollment.CoverageTransferRefused' ? event.data.reason : null;
  return {
    ...state,
    transfers: state.transfers.map((t) =>
      t.transferId === event.data.transferId
        ? { ...t, status, closedAt: event.data.at, reason }
        : t,
    ),
  };
}

/** Folds one fact into the person's state; facts are never refused here, only recorded. */
export function evolveInsuredPerson(
  state: InsuredPersonState,
  event: InsuredPersonEvent,
): InsuredPersonState {
  switch (event.type) {
    case 'enrollment.ResidentEnrolled':
      return enrolled(state, event.data);
    case 'enrollment.ContributionAssessed': {
      const { individualFen, subsidyFen, payableFen, waivedFen } = event.data;
      const assessment = { individualFen, subsidyFen, payableFen, waivedFen };
      return updateYear(state, event.data.year, (y) => ({ ...y, ...assessment }));
    }
    case 'enrollment.ContributionPaid': {
      const { paidFen, receiptNumber } = event.data;
      return updateYear(state, event.data.year, (y) => ({
        ...y,
        paidFen,
        receipts: [...y.receipts, receiptNumber],
      }));
    }
    case 'enrollment.CoverageActivated':
      return updateYear(state, event.data.year, (y) => ({ ...y, active: true }));
    case 'enrollment.InsuredInformationChanged':
      return changed(state, event.data);
    case 'enrollment.EmployeeEnrolled':
      return employed(state, event.data);
    case 'enrollment.EmployeeLeft':
      return left(state, event.data);
    case 'enrollment.OffsiteTreatmentFiled':
      return filed(state, event.data);
    case 'enrollment.ChronicQualificationApplied':
      return applied(state, event.data);
    case 'enrollment.ChronicQualificationApproved':
    case 'enrollment.ChronicQualificationRejected':
      return decided(state, event);
    case 'enrollment.CoverageTransferRequested':
      return requested(state, event.data);
    case 'enrollment.CoverageTransferCompleted':
    case 'enrollment.CoverageTransferRefused':
      return closed(state, event);
    case 'enrollment.PersonErased':
      return state.person
        ? { ...state, person: { ...state.person, ...erasedDetails }, erased: true }
        : state;
  }
}
