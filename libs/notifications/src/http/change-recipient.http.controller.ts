import { Body, Controller, Get, Inject, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@circle/platform';
import { SMS_CLOCK, type Clock } from '../clock';
import { maskPhone } from '../domain/phone';
import { SmsRecipients, type Recipient } from '../store/sms-recipients';
import { ChangeRecipientRequest } from './change-recipient.request.dto';
import { phoneFrom } from './phone-param';

const shown = (r: Recipient) => ({ ...r, phone: maskPhone(r.phone) });

/** A phone number's opt-out and language, as the resident asked at a counter or by phone. */
@ApiTags('sms')
@ApiBearerAuth()
@Controller('sms/recipients')
export class ChangeRecipientController {
  constructor(
    private readonly recipients: SmsRecipients,
    @Inject(SMS_CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':phone')
  @Roles('supervisor')
  @ApiOperation({ summary: "A number's opt-out and language" })
  async read(@Param('phone') phone: string) {
    return shown(await this.recipients.one(phoneFrom(phone)));
  }

  @Patch(':phone')
  @Roles('admin')
  @ApiOperation({ summary: 'Opt a number out (or back in), or set its language (admins)' })
  async change(
    @Param('phone') phone: string,
    @Body() body: ChangeRecipientRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    const changed = await this.recipients.change(
      phoneFrom(phone),
      { ...body, via: `admin:${principal.username}` },
      this.clock.now(),
    );
    return shown(changed);
  }
}
