import {
  Controller,
  HttpCode,
  Inject,
  Logger,
  Param,
  Post,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { invalid } from '@circle/kernel';
import { Public, type WithRawBody } from '@circle/platform';
import { SMS_CLOCK, type Clock } from '../clock';
import { isStopReply } from '../domain/inbound-reply';
import { maskPhone } from '../domain/phone';
import {
  NOTIFICATION_SETTINGS,
  type NotificationSettings,
} from '../settings/notification-settings';
import { MessageLedger } from '../store/message-ledger';
import { SmsRecipients } from '../store/sms-recipients';
import { checkSignature } from './callback-signature';
import { parseCallback, type GatewayCallback } from './gateway-callback';
import { phoneFrom } from './phone-param';

/**
 * What the HTTP gateway tells us afterwards: a delivery report, or a resident's reply. Each is
 * signed with the shared secret; an unsigned or badly signed one is refused before it is read.
 */
@ApiTags('sms')
@Controller('sms/callbacks')
export class ReceiveCallbackController {
  private readonly logger = new Logger('ReceiveCallback');

  constructor(
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(SMS_CLOCK) private readonly clock: Clock,
    private readonly ledger: MessageLedger,
    private readonly recipients: SmsRecipients,
  ) {}

  @Public()
  @Post(':provider')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Gateway callback: delivery report or reply (HMAC-signed with SMS_CALLBACK_SECRET)',
  })
  async receive(@Param('provider') provider: string, @Req() request: FastifyRequest & WithRawBody) {
    if (provider !== 'http') throw invalid('provider', 'only the http gateway calls back');
    const now = this.clock.now();
    const check = checkSignature(
      this.settings.callbackSecret,
      request.headers,
      request.rawBody,
      Math.floor(now.getTime() / 1000),
    );
    if (!check.ok) {
      this.logger.warn(`callback refused: ${check.problem}`);
      throw new UnauthorizedException(check.problem);
    }
    return this.apply(parseCallback(request.body), now);
  }

  private async apply(callback: GatewayCallback, now: Date) {
    if (callback.type === 'delivery') {
      const changed = await this.ledger.report(
        callback.messageId,
        callback.status,
        callback.reason,
        now,
      );
      return { accepted: true, changed };
    }
    const phone = phoneFrom(callback.phone);
    if (!isStopReply(callback.text)) return { accepted: true, optedOut: false };
    await this.recipients.change(phone, { optedOut: true, via: 'reply' }, now);
    this.logger.log(`${maskPhone(phone)} opted out by reply`);
    return { accepted: true, optedOut: true };
  }
}
