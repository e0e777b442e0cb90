import { Module } from '@nestjs/common';
import { AuditLog } from './read-audit/audit-log.repository';
import { AuditController } from './read-audit/audit.http.controller';

/** The supervisors' audit view over the event log (on `supervisor`). */
@Module({ controllers: [AuditController], providers: [AuditLog] })
export class AuditModule {}
