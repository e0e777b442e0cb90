import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.http.controller';

/** Admins manage who may log in; supervisors may look. */
@Module({ controllers: [AccountsController] })
export class AccountsModule {}
