export const STATION_KINDS = ['hall', 'township', 'village', 'hospital'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

export const BUSINESS_CODES = [
  'ENROLL_RESIDENT',
  'ENROLL_EMPLOYEE',
  'CHANGE_INFO',
  'COVERAGE_ENQUIRY',
  'OFFSITE_FILING',
  'CHRONIC_QUALIFICATION',
  'MANUAL_REIMBURSEMENT',
  'MATERNITY',
  'ASSISTANCE_REIMBURSEMENT',
  'DISCHARGE_SETTLEMENT',
  'TRANSFER',
  'SPECIFIC_DRUG_APPLICATION',
  'OUTPATIENT_SETTLEMENT',
] as const;
export type BusinessCode = (typeof BUSINESS_CODES)[number];

export interface BusinessItem {
  readonly code: BusinessCode;
  readonly name: string;
  readonly nameEn: string;
  /** The provincial catalogue's time limit: 0 means handled on the spot. */
  readonly limitWorkingDays: number;
  readonly kinds: readonly StationKind[];
}

// The provincial catalogue of business items and where each may be handled (DOMAIN.md).
export const BUSINESS_CATALOG: readonly BusinessItem[] = [
  {
    code: 'ENROLL_RESIDENT',
    name: '城乡居民参保登记',
    nameEn: 'Resident enrollment',
    limitWorkingDays: 0,
    kinds: ['hall', 'township', 'village'],
  },
  {
    code: 'ENROLL_EMPLOYEE',
    name: '职工参保登记',
    nameEn: 'Employer / employee enrollment',
    limitWorkingDays: 0,
    kinds: ['hall', 'township'],
  },
  {
    code: 'CHANGE_INFO',
    name: '参保信息变更',
    nameEn: 'Insured-information change',
    limitWorkingDays: 0,
    kinds: ['hall', 'township'],
  },
  {
    code: 'COVERAGE_ENQUIRY',
    name: '参保查询及证明',
    nameEn: 'Coverage enquiry / certificate',
    limitWorkingDays: 0,
    kinds: ['hall', 'township', 'village'],
  },
  {
    code: 'OFFSITE_FILING',
    name: '异地就医备案',
    nameEn: 'Cross-region treatment filing',
    limitWorkingDays: 0,
    kinds: ['hall', 'township', 'hospital'],
  },
  {
    code: 'CHRONIC_QUALIFICATION',
    name: '门诊慢特病资格认定',
    nameEn: 'Chronic / special disease qualification',
    limitWorkingDays: 1,
    kinds: ['hall', 'township', 'hospital'],
  },
  {
    code: 'MANUAL_REIMBURSEMENT',
    name: '零星报销',
    nameEn: 'Manual reimbursement',
    limitWorkingDays: 10,
    kinds: ['hall'],
  },
  {
    code: 'MATERNITY',
    name: '生育待遇',
    nameEn: 'Maternity costs and allowance',
    limitWorkingDays: 10,
    kinds: ['hall'],
  },
  {
    code: 'ASSISTANCE_REIMBURSEMENT',
    name: '医疗救助报销',
    nameEn: 'Medical-assistance reimbursement',
    limitWorkingDays: 10,
    kinds: ['hall'],
  },
  {
    code: 'DISCHARGE_SETTLEMENT',
    name: '出院一站式结算',
    nameEn: 'One-stop discharge settlement',
    limitWorkingDays: 0,
    kinds: ['hospital'],
  },
  {
    code: 'TRANSFER',
    name: '医保关系转移接续',
    nameEn: 'Coverage transfer',
    limitWorkingDays: 15,
    kinds: ['hall'],
  },
  // Seed 000 names "prescribed specific medicines" with their own share and cap; a patient is
  // approved for them before the fund pays. The catalogue gives no limit: the next working day,
  // as for chronic diseases, is an assumption.
  {
    code: 'SPECIFIC_DRUG_APPLICATION',
    name: '特定药品待遇申请',
    nameEn: 'Specific-drug application',
    limitWorkingDays: 1,
    kinds: ['hall', 'hospital'],
  },
  // Seed 000 counts 23,869 general outpatient visits settled in ten months; they are settled at
  // the hospital's desk like a discharge.
  {
    code: 'OUTPATIENT_SETTLEMENT',
    name: '普通门诊结算',
    nameEn: 'General outpatient settlement',
    limitWorkingDays: 0,
    kinds: ['hospital'],
  },
];

export function businessesFor(kind: StationKind): BusinessCode[] {
  return BUSINESS_CATALOG.filter((item) => item.kinds.includes(kind)).map((item) => item.code);
}

export function isBusinessCode(value: unknown): value is BusinessCode {
  return typeof value === 'string' && (BUSINESS_CODES as readonly string[]).includes(value);
}
