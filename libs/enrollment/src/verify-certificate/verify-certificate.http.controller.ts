import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Public } from '@circle/platform';
import { CertificateCheckSchema } from '../issue-certificate/certificate.schemas';
import { CertificateSeal } from '../shared/certificate-seal';
import { VerifyCertificateRequest } from './verify-certificate.request.dto';

/**
 * Open without a token: whoever is handed a certificate (an employer, a school, another
 * office) has no account here. It answers only whether the code was issued for facts the
 * caller already holds, so it tells nobody anything new about anyone.
 */
@ApiTags('enrollment')
@Controller('certificates')
export class VerifyCertificateController {
  constructor(private readonly seal: CertificateSeal) {}

  @Post('verify')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check a coverage certificate: does its code match the facts printed on it',
    description:
      'Type the facts as printed; the code is read as printed, case, spaces and dashes aside.',
  })
  @ApiOkResponse({ type: CertificateCheckSchema })
  @ApiUnprocessableEntityResponse({ description: 'A fact is malformed; the field is named' })
  verify(@Body() body: VerifyCertificateRequest): { valid: boolean } {
    const { code, ...facts } = body;
    return {
      valid: this.seal.matches({ ...facts, residentId: facts.residentId.toUpperCase() }, code),
    };
  }
}
