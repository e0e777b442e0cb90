import { Module } from '@nestjs/common';
import { MonthlyReportRepository } from './read-monthly-report/monthly-report.repository';
import { ReadMonthlyReportController } from './read-monthly-report/read-monthly-report.http.controller';

/** The supervisor's reports: the monthly report as JSON and CSV. */
@Module({
  controllers: [ReadMonthlyReportController],
  providers: [MonthlyReportRepository],
})
export class ReportsModule {}
