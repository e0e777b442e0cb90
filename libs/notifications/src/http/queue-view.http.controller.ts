import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Job, Queue } from 'bullmq';
import { DomainError, invalid } from '@circle/kernel';
import { Roles } from '@circle/platform';
import { SMS_CLOCK, type Clock } from '../clock';
import { SmsQueues } from '../queue/sms-queue';
import { queueNameOf } from '../queue/sms-job';
import { MessageLedger } from '../store/message-ledger';
import {
  SmsJobDroppedSchema,
  SmsJobRetriedSchema,
  SmsQueueJobSchema,
  SmsQueueSchema,
} from './queue-view.schemas';
import { SmsMessages } from '../store/sms-messages';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;
const LISTED = ['failed', 'waiting', 'delayed', 'active', 'completed'] as const;
type Listed = (typeof LISTED)[number];

class JobNotFound extends DomainError {
  constructor(queue: string, jobId: string) {
    super('not-found', 'job_not_found', `queue ${queue} has no job ${jobId}`);
  }
}

const jobView = (job: Job) => ({
  jobId: job.id,
  messageId: (job.data as { messageId?: string }).messageId ?? job.id,
  attemptsMade: job.attemptsMade,
  failedReason: job.failedReason ?? null,
  queuedAt: new Date(job.timestamp).toISOString(),
  finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  delayedUntil: job.delay > 0 ? new Date(job.timestamp + job.delay).toISOString() : null,
});

/** The admins' view of the SMS queues: counts per state, failed jobs, retry or drop one. */
@ApiTags('sms')
@ApiBearerAuth()
@Controller('sms/queues')
export class QueueViewController {
  constructor(
    private readonly queues: SmsQueues,
    private readonly ledger: MessageLedger,
    private readonly messages: SmsMessages,
    @Inject(SMS_CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Every SMS queue with its jobs per state (admins)' })
  @ApiOkResponse({ type: [SmsQueueSchema] })
  async list() {
    return Promise.all(
      this.queues.all().map(async ([provider, queue]) => ({
        queue: queue.name,
        provider,
        current: queue === this.queues.current,
        counts: await queue.getJobCounts(...STATES),
      })),
    );
  }

  @Get(':queue/jobs')
  @Roles('admin')
  @ApiQuery({ name: 'state', required: false, enum: LISTED, description: 'failed when absent' })
  @ApiOperation({ summary: 'Jobs of one queue in one state, newest first, up to 100 (admins)' })
  @ApiOkResponse({ type: [SmsQueueJobSchema] })
  @ApiNotFoundResponse({ description: 'No such queue' })
  async jobs(@Param('queue') name: string, @Query('state') state: string | undefined) {
    const listed = (state ?? 'failed') as Listed;
    if (!LISTED.includes(listed)) throw invalid('state', `must be one of ${LISTED.join(', ')}`);
    const jobs = await this.queueNamed(name).getJobs([listed], 0, 99, false);
    return jobs.filter((j): j is Job => Boolean(j)).map(jobView);
  }

  @Post(':queue/jobs/:jobId/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a failed message again; one already sent is never sent twice (admins)',
  })
  @ApiOkResponse({ type: SmsJobRetriedSchema })
  @ApiNotFoundResponse({ description: 'No such queue, or no failed job of this id in it' })
  @ApiConflictResponse({ description: 'The message was sent or is still waiting' })
  async retry(@Param('queue') name: string, @Param('jobId') jobId: string) {
    const queue = this.queueNamed(name);
    const job = await queue.getJob(jobId);
    if (!job || !(await job.isFailed()))
      throw new JobNotFound(name, `${jobId} in the failed state`);
    const reopened = await this.ledger.reopen(jobId, this.clock.now());
    if (!reopened)
      throw new DomainError(
        'conflict',
        'message_settled',
        `message ${jobId} was sent or is still waiting`,
      );
    await job.retry('failed');
    return { jobId, status: 'queued' };
  }

  @Delete(':queue/jobs/:jobId')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Drop a failed job; its message is settled as failed (admins)' })
  @ApiOkResponse({ type: SmsJobDroppedSchema })
  @ApiNotFoundResponse({ description: 'No such queue, or no failed job of this id in it' })
  async drop(@Param('queue') name: string, @Param('jobId') jobId: string) {
    const job = await this.queueNamed(name).getJob(jobId);
    if (!job || !(await job.isFailed()))
      throw new JobNotFound(name, `${jobId} in the failed state`);
    await this.messages.settle(jobId, 'failed', 'dropped by an admin', this.clock.now());
    await job.remove();
    return { jobId, dropped: true };
  }

  private queueNamed(name: string): Queue {
    const found = this.queues.all().find(([provider]) => queueNameOf(provider) === name);
    if (!found) throw new DomainError('not-found', 'queue_not_found', `there is no queue ${name}`);
    return found[1];
  }
}
