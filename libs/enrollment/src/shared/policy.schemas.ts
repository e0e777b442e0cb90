import { ApiProperty } from '@nestjs/swagger';

// OpenAPI shapes of the answers that cite a policy version.

export class PolicyWarningSchema {
  @ApiProperty({ enum: ['policy_carried_forward'] }) code!: string;
  @ApiProperty({
    example: 'taibai-lake@2022#3f9a0c1d2b4e',
    description: 'The pinned id of the version used past its own period',
  })
  policyVersion!: string;
  @ApiProperty({
    example:
      'taibai-lake policy 2022 names 2022-01-01 to 2022-12-31; it was applied on 2026-01-01 because no later taibai-lake version is on file',
  })
  message!: string;
  @ApiProperty({
    example:
      'taibai-lake政策2022版的适用期为2022-01-01至2022-12-31；因无更新的政策文件，2026-01-01继续沿用该版。',
  })
  messageZh!: string;
}

/** The description every answer that cites a policy repeats for its warning field. */
export const POLICY_WARNING_NOTE =
  'policyWarning is null, or {code: "policy_carried_forward", policyVersion, message, messageZh} when the version used is past the period its notice names (no later version on file)';

export class ContributionQuoteSchema {
  @ApiProperty({ example: 32000, description: 'The share before waivers, fen' })
  individualFen!: number;
  @ApiProperty({ example: 61000, description: 'The public subsidy per resident, fen' })
  subsidyFen!: number;
  @ApiProperty({ example: 32000, description: 'What the resident pays, fen' }) payableFen!: number;
  @ApiProperty({ example: 0, description: 'What the government pays for them, fen' })
  waivedFen!: number;
  @ApiProperty({
    example: 'taibai-lake@2022#3f9a0c1d2b4e',
    description: '<region>@<version>#<first 12 hex of the SHA-256 of the file>: pins the content',
  })
  policyVersion!: string;
  @ApiProperty({ type: PolicyWarningSchema, nullable: true, description: POLICY_WARNING_NOTE })
  policyWarning!: PolicyWarningSchema | null;
}

export class CarriedForwardRegionSchema {
  @ApiProperty({ example: 'taibai-lake' }) region!: string;
  @ApiProperty({ example: 'taibai-lake@2022#3f9a0c1d2b4e' }) policyVersion!: string;
  @ApiProperty({
    example: '2022-12-31',
    description: 'The last day of the period its notice names',
  })
  ownPeriodEnd!: string;
  @ApiProperty({ example: '2023-01-01', description: 'The first day it served past that period' })
  since!: string;
}

export class CarriedForwardPoliciesSchema {
  @ApiProperty({ example: '2026-12-04', description: 'Today in Asia/Shanghai' }) date!: string;
  @ApiProperty({ type: CarriedForwardRegionSchema, isArray: true })
  regions!: CarriedForwardRegionSchema[];
}
