import { ApiProperty } from '@nestjs/swagger';
import { POLICY_WARNING_NOTE, PolicyWarningSchema } from './policy.schemas';

// OpenAPI shapes of one record of a person's file, as the commands that make or close it answer
// (domain/insured-person/insured-person.state.ts holds the same fields).

const text = (example?: string) => ApiProperty({ example });
const nullable = (description?: string) =>
  ApiProperty({ type: String, nullable: true, description });
const warning = () =>
  ApiProperty({ type: PolicyWarningSchema, nullable: true, description: POLICY_WARNING_NOTE });

export class EmploymentSchema {
  @text('370811198504021234') residentId!: string;
  @text('91370800MA3C5XK42T') creditCode!: string;
  @text('泰白湖机械厂') employerName!: string;
  @text('taibai-lake') region!: string;
  @text('2022-01-01') joinedOn!: string;
  @nullable('set once the employee has left') leftOn!: string | null;
}

export class FilingSchema {
  @text() filingId!: string;
  @text() filingType!: string;
  @text() destinationRegion!: string;
  @nullable() destinationHospital!: string | null;
  @text('2022-06-01') validFrom!: string;
  @nullable() validTo!: string | null;
  @text() filedAt!: string;
  @text('hall') stationId!: string;
  @warning() policyWarning!: PolicyWarningSchema | null;
}

export class QualificationSchema {
  @text() qualificationId!: string;
  @text('hypertension') disease!: string;
  @text('高血压') diseaseName!: string;
  @ApiProperty({ type: 'integer', example: 2022 }) year!: number;
  @text('taibai-lake') region!: string;
  @text() policyVersion!: string;
  @text() appliedAt!: string;
  @text() deadline!: string;
  @text('hall') stationId!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status!: string;
  @nullable() decidedAt!: string | null;
  @nullable() reason!: string | null;
  @warning() policyWarning!: PolicyWarningSchema | null;
}

export class TransferSchema {
  @text() transferId!: string;
  @ApiProperty({ enum: ['in', 'out'] }) direction!: string;
  @text('taibai-lake') fromRegion!: string;
  @text('shizhong-zaozhuang') toRegion!: string;
  @text() requestedAt!: string;
  @text() deadline!: string;
  @ApiProperty({ enum: ['pending', 'completed', 'refused'] }) status!: string;
  @nullable() closedAt!: string | null;
  @nullable() reason!: string | null;
}

export class RequestedTransferSchema extends TransferSchema {
  @warning() policyWarning!: PolicyWarningSchema | null;
}

export class FieldChangeSchema {
  @ApiProperty({ enum: ['name', 'phone', 'address', 'communityId', 'householdId', 'category'] })
  field!: string;
  @nullable() from!: string | null;
  @nullable() to!: string | null;
}

export class InformationHistoryEntrySchema {
  @text() at!: string;
  @text('town-1') stationId!: string;
  @text('clerk-town-1') actor!: string;
  @nullable() reason!: string | null;
  @ApiProperty({ type: [FieldChangeSchema] }) changes!: FieldChangeSchema[];
}

export class PersonRecordSchema {
  @text('370811198504021234') residentId!: string;
  @text('赵秀英') name!: string;
  @nullable() phone!: string | null;
  @nullable() address!: string | null;
  @nullable() communityId!: string | null;
  @nullable() householdId!: string | null;
  @text('1985-04-02') birthDate!: string;
  @ApiProperty({ enum: ['male', 'female'] }) sex!: string;
  @text('general') category!: string;
  @text('taibai-lake') region!: string;
}

export class InformationChangedSchema {
  @ApiProperty({ type: [FieldChangeSchema] }) changes!: FieldChangeSchema[];
  @ApiProperty({ type: PersonRecordSchema }) person!: PersonRecordSchema;
}

export class EmployerSchema {
  @text('91370800MA3C5XK42T') creditCode!: string;
  @text('泰白湖机械厂') name!: string;
  @text('taibai-lake') region!: string;
  @nullable() address!: string | null;
  @nullable() contactPhone!: string | null;
  @text('hall') stationId!: string;
  @text() at!: string;
}

export class EmployerRegisteredSchema {
  @ApiProperty({ type: EmployerSchema }) registered!: EmployerSchema;
}

export class EmployeeOnRollSchema {
  @text('370811198504021234') residentId!: string;
  @text('赵*英') maskedName!: string;
  @text('2022-01-01') joinedOn!: string;
  @nullable() leftOn!: string | null;
}

export class EmployerViewSchema {
  @ApiProperty({ type: EmployerSchema }) employer!: EmployerSchema;
  @ApiProperty({ type: [EmployeeOnRollSchema] }) employees!: EmployeeOnRollSchema[];
}
