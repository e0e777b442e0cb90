import { maskName, type CoverageView } from '../domain';

export const FHIR_JSON = 'application/fhir+json';

const SCHEME_NAME = { resident: '城乡居民基本医疗保险', employee: '职工基本医疗保险' };

type FhirStatus = 'active' | 'draft' | 'cancelled';

function money(fen: number) {
  // FHIR Money is a decimal in the currency; the exact fen ride along so nothing is re-rounded.
  return {
    value: fen / 100,
    currency: 'CNY',
    extension: [{ url: 'urn:service-circle:amount-fen', valueInteger: fen }],
  };
}

/** The enquiry as an HL7 FHIR R4 Coverage resource (DOMAIN: Coverage for enrollment). */
export function toFhirCoverage(view: CoverageView): Record<string, unknown> {
  const scheme = view.scheme ?? 'resident';
  const status: FhirStatus =
    view.status === 'active'
      ? 'active'
      : view.status === 'awaiting-payment'
        ? 'draft'
        : 'cancelled';
  const id = view.year === null ? view.residentId : `${view.residentId}-${view.year}`;
  const period =
    view.coverage !== null
      ? { start: `${view.coverage.year}-01-01`, end: `${view.coverage.year}-12-31` }
      : view.employment !== null
        ? { start: view.employment.joinedOn }
        : undefined;
  return {
    resourceType: 'Coverage',
    id,
    identifier: [{ system: 'urn:service-circle:coverage', value: id }],
    status,
    type: {
      coding: [{ system: 'urn:service-circle:scheme', code: scheme, display: SCHEME_NAME[scheme] }],
    },
    subscriberId: view.residentId,
    beneficiary: {
      identifier: { system: 'urn:service-circle:resident-id', value: view.residentId },
      display: maskName(view.name),
    },
    relationship: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
          code: 'self',
        },
      ],
    },
    ...(period ? { period } : {}),
    payor: [{ display: `${view.region} medical insurance fund` }],
    class: [
      {
        type: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'plan' },
          ],
        },
        value: view.coverage?.policyVersion ?? view.region,
        name: `category ${view.category}`,
      },
    ],
    ...(view.coverage
      ? {
          costToBeneficiary: [
            {
              type: { text: 'individual contribution payable' },
              valueMoney: money(view.coverage.payableFen),
            },
            { type: { text: 'paid' }, valueMoney: money(view.coverage.paidFen) },
          ],
        }
      : {}),
  };
}
