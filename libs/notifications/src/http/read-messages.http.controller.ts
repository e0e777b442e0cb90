import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@circle/platform';
import { maskPhone } from '../domain/phone';
import { MessageLedger, type MessageRecord } from '../store/message-ledger';
import { MessageNotFound, phoneFrom } from './phone-param';

const shown = (m: MessageRecord) => ({ ...m, phone: maskPhone(m.phone) });

/** Delivery status of every message, whichever provider carried it. */
@ApiTags('sms')
@ApiBearerAuth()
@Controller('sms/messages')
export class ReadMessagesController {
  constructor(private readonly ledger: MessageLedger) {}

  @Get()
  @Roles('supervisor')
  @ApiOperation({ summary: "One phone's messages with their delivery status, newest first" })
  @ApiQuery({ name: 'phone', required: true, example: '13905371234' })
  async list(@Query('phone') phone: string | undefined) {
    return (await this.ledger.forPhone(phoneFrom(phone), 200)).map(shown);
  }

  @Get(':messageId')
  @Roles('supervisor')
  @ApiOperation({
    summary: 'One message: status (queued, sent, delivered, failed, rejected), attempts, reason',
  })
  async one(@Param('messageId') messageId: string) {
    const message = await this.ledger.one(messageId);
    if (!message) throw new MessageNotFound(messageId);
    return shown(message);
  }
}
