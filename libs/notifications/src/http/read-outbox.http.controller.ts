import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@circle/platform';
import { maskPhone } from '../domain/phone';
import { SandboxOutbox } from '../store/sandbox-outbox';
import { phoneFrom } from './phone-param';

export interface OutboxItem {
  readonly eventId: string | null;
  readonly messageId: string;
  readonly phone: string;
  readonly text: string;
  readonly status: string | null;
  readonly at: string;
}

@ApiTags('sms')
@ApiBearerAuth()
@Controller('sms/outbox')
export class ReadOutboxController {
  constructor(private readonly outbox: SandboxOutbox) {}

  @Get()
  @Roles('supervisor')
  @ApiOperation({
    summary: 'What the sandbox provider received for one phone, newest first (supervisors, admins)',
  })
  @ApiQuery({ name: 'phone', required: true, example: '13905371234' })
  @ApiOkResponse({ description: '[{eventId, messageId, phone (masked), text, status, at}]' })
  async read(@Query('phone') phone: string | undefined): Promise<OutboxItem[]> {
    const entries = await this.outbox.forPhone(phoneFrom(phone), 200);
    return entries.map((e) => ({
      eventId: e.eventId,
      messageId: e.messageId,
      phone: maskPhone(e.phone),
      text: e.text,
      status: e.status,
      at: e.receivedAt.toISOString(),
    }));
  }
}
