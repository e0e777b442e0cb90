import { ApiProperty } from '@nestjs/swagger';

// OpenAPI shapes of the coverage certificate and of its check.

export class CertificateSchema {
  @ApiProperty({ example: '370811198504021234' }) residentId!: string;
  @ApiProperty({ example: '赵秀英' }) name!: string;
  @ApiProperty({ type: 'integer', example: 2026, description: 'The year of cover certified' })
  year!: number;
  @ApiProperty({ enum: ['resident', 'employee'] }) scheme!: string;
  @ApiProperty({ enum: ['active', 'awaiting-payment'] }) status!: string;
  @ApiProperty({ example: 'taibai-lake' }) region!: string;
  @ApiProperty({ example: '2026-12-05', description: 'Asia/Shanghai day of issue' })
  issuedOn!: string;
  @ApiProperty({ example: 'town-1', description: 'The station that issued it' }) stationId!: string;
  @ApiProperty({
    example: '7K2M-9QXD-A4TR-0BHC',
    description:
      'Verification code: a keyed HMAC of the facts above, checked by POST /api/certificates/verify',
  })
  code!: string;
}

export class CertificateCheckSchema {
  @ApiProperty({ description: 'Whether the code was issued for exactly these facts' })
  valid!: boolean;
}
