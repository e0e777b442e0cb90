export * from './domain';
export * from './settlement.module';
export { BenefitYears } from './shared/benefit-years';
export {
  SettlementDesk,
  billOf,
  newSettlementId,
  TREATMENT_REGION,
} from './shared/settlement-desk';
export {
  ADMISSION_ID,
  BillRequest,
  KEBAB_CODE,
  RESIDENT_ID,
  TreatmentRequest,
} from './shared/bill.request.dto';
export { quoteOf, type SettlementQuote } from './shared/settlement-answer';
export { recordOf, type SettlementRecord } from './shared/settlement-record';
export {
  benefitYearProjection,
  SETTLEMENT_PROJECTION,
} from './projections/benefit-year.projection';
