import { bare, type Templates } from './template-context';

export const EN_SIGNATURE = '[Service Circle] ';

const FILING_TYPES: Readonly<Record<string, string>> = {
  relocated: 'relocation',
  'long-term-elsewhere': 'long-term residence elsewhere',
  referral: 'referral',
  temporary: 'temporary treatment away',
};

const SETTINGS: Readonly<Record<string, string>> = {
  inpatient: 'inpatient',
  'chronic-outpatient': 'chronic-disease outpatient',
  outpatient: 'outpatient',
  'specific-drug': 'specific-drug',
};

const FIELDS: Readonly<Record<string, string>> = {
  communityId: 'community',
  householdId: 'household',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const EN_TEMPLATES: Templates = {
  'resident-enrolled': (f, c) =>
    `Dear ${c.name}, you are enrolled in the ${f.year} resident basic medical insurance at ${c.station}.`,
  'contribution-paid': (f, c) =>
    `Dear ${c.name}, we received your ${f.year} contribution of ${c.yuan(f.amountFen)} yuan (receipt ${f.receiptNumber}). ` +
    (f.outstandingFen > 0
      ? `Paid so far ${c.yuan(f.paidFen)} yuan; ${c.yuan(f.outstandingFen)} yuan still to pay.`
      : `The year is paid in full (${c.yuan(f.paidFen)} yuan) and your cover is active.`),
  'information-changed': (f, c) =>
    `Dear ${c.name}, your insurance details (${f.fields.map((x) => FIELDS[x] ?? x).join(', ')}) were changed at ${c.station}. If this was not you, call 12393.`,
  'employee-enrolled': (f, c) =>
    `Dear ${c.name}, ${f.employerName} has enrolled you in employee basic medical insurance from ${f.joinedOn}.`,
  'employee-left': (f, c) =>
    `Dear ${c.name}, your employee medical insurance with ${f.employerName} ended on ${f.leftOn}. You may enroll as a resident at any service station.`,
  'offsite-filed': (f, c) =>
    `Dear ${c.name}, your ${FILING_TYPES[f.filingType] ?? f.filingType} filing is done: treatment in ${f.destinationRegion}, valid ${f.validFrom} to ${f.validTo ?? 'no end date'}.`,
  'qualification-approved': (f, c) =>
    `Dear ${c.name}, your chronic-disease outpatient qualification (${f.disease}) is approved.`,
  'qualification-rejected': (f, c) =>
    `Dear ${c.name}, your chronic-disease outpatient qualification (${f.disease}) was not approved: ${bare(f.reason)}.`,
  'transfer-completed': (_f, c) => `Dear ${c.name}, your insurance transfer is complete.`,
  'transfer-refused': (f, c) =>
    `Dear ${c.name}, your insurance transfer could not be made: ${bare(f.reason)}.`,
  'claim-rejected': (f, c) =>
    `Dear ${c.name}, your reimbursement claim ${f.claimId} was not approved: ${bare(f.reason)}.`,
  'claim-settled': (f, c) =>
    `Dear ${c.name}, your reimbursement claim ${f.claimId} is settled: costs ${c.yuan(f.totalFen)} yuan, paid by the funds ${c.yuan(f.fundFen)} yuan, your share ${c.yuan(f.personalFen)} yuan.`,
  'bill-settled': (f, c) =>
    `Dear ${c.name}, your ${SETTINGS[f.setting] ?? f.setting} bill of ${f.date} at ${c.station}, ${c.yuan(f.totalFen)} yuan, is settled: the funds paid ${c.yuan(f.fundFen)} yuan, you paid ${c.yuan(f.personalFen)} yuan.`,
  'settlement-reversed': (f, c) =>
    `Dear ${c.name}, the settlement of your ${c.yuan(f.totalFen)} yuan bill at ${c.station} was reversed (${bare(f.reason)}): the funds had paid ${c.yuan(f.fundFen)} yuan and you ${c.yuan(f.personalFen)} yuan; the benefits it used are back in your year's allowance.`,
  'turn-near': (f, c) =>
    f.position <= 1
      ? `Ticket ${f.ticketNumber} at ${c.station}: you are next. Please wait by the counters.`
      : `Ticket ${f.ticketNumber} at ${c.station}: ${plural(f.position - 1, 'person is', 'people are')} ahead of you. Please return to the hall.`,
};
