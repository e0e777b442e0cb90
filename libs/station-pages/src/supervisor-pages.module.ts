import { Module } from '@nestjs/common';
import { SupervisorPagesController } from './supervisor-pages.http.controller';

/** Serves the supervisor's pages: /dashboard and /reports, and the admins' /sms-queues. */
@Module({ controllers: [SupervisorPagesController] })
export class SupervisorPagesModule {}
