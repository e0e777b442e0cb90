import { ApiProperty } from '@nestjs/swagger';

// OpenAPI shapes of the admins' view of the SMS queues, as queue-view.http.controller answers.

const count = () => ApiProperty({ type: 'integer', minimum: 0 });
const when = (description?: string) => ApiProperty({ type: String, nullable: true, description });

export class SmsQueueCountsSchema {
  @count() waiting!: number;
  @count() active!: number;
  @count() delayed!: number;
  @count() prioritized!: number;
  @count() failed!: number;
  @count() completed!: number;
}

export class SmsQueueSchema {
  @ApiProperty({ example: 'sms-sandbox' }) queue!: string;
  @ApiProperty({ enum: ['sandbox', 'http'] }) provider!: string;
  @ApiProperty({ description: 'new messages go to this queue (the configured provider)' })
  current!: boolean;
  @ApiProperty({ type: SmsQueueCountsSchema }) counts!: SmsQueueCountsSchema;
}

export class SmsQueueJobSchema {
  @ApiProperty({ description: 'the event id the message answers' }) jobId!: string;
  @ApiProperty() messageId!: string;
  @count() attemptsMade!: number;
  @ApiProperty({ type: String, nullable: true }) failedReason!: string | null;
  @ApiProperty({ example: '2026-12-05T08:00:00.000Z' }) queuedAt!: string;
  @when() finishedAt!: string | null;
  @when('set while a message waits out a backoff or quiet hours') delayedUntil!: string | null;
}

export class SmsJobRetriedSchema {
  @ApiProperty() jobId!: string;
  @ApiProperty({ enum: ['queued'] }) status!: string;
}

export class SmsJobDroppedSchema {
  @ApiProperty() jobId!: string;
  @ApiProperty() dropped!: boolean;
}
