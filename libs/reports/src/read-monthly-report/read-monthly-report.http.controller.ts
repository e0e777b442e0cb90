import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply as Response } from 'fastify';
import { invalid } from '@circle/kernel';
import { Roles } from '@circle/platform';
import type { MonthlyReport } from '../domain/monthly-report';
import { monthlyReportCsv } from '../domain/monthly-report.csv';
import { reportMonth } from '../domain/report-month';
import { MonthlyReportRepository } from './monthly-report.repository';

const MONTH = { name: 'month', required: true, description: 'YYYY-MM, Asia/Shanghai' };
const REGION = {
  name: 'region',
  required: false,
  description: "Only this insured region's settlements and contributions (default: every region)",
};

function regionOf(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (!/^[a-z][a-z0-9-]{0,63}$/.test(raw)) throw invalid('region', 'must be a region code');
  return raw;
}

@ApiTags('reports')
@ApiBearerAuth()
@Roles('supervisor')
@Controller('reports')
export class ReadMonthlyReportController {
  constructor(private readonly reports: MonthlyReportRepository) {}

  @Get('monthly')
  @ApiOperation({
    summary: "A month's report in the shape of the district's press release",
    description:
      'Treatments and fund paid by setting, assisted treatments and assistance paid, ' +
      'settlements reversed, contributions and the subsidies that came with each year of cover, ' +
      'and services completed per station and business. Money is integer fen. A settlement ' +
      'counts in the month it was made until it is reversed; `reversals` counts those reversed ' +
      'during the month.',
  })
  @ApiQuery(MONTH)
  @ApiQuery(REGION)
  @ApiOkResponse({ description: 'the month' })
  monthly(
    @Query('month') month?: string,
    @Query('region') region?: string,
  ): Promise<MonthlyReport> {
    return this.reports.month(reportMonth(month), regionOf(region));
  }

  @Get('monthly.csv')
  @ApiOperation({ summary: 'The same month as CSV, one figure per row (UTF-8 with BOM)' })
  @ApiQuery(MONTH)
  @ApiQuery(REGION)
  async monthlyCsv(
    @Res() res: Response,
    @Query('month') month?: string,
    @Query('region') region?: string,
  ): Promise<void> {
    const report = await this.reports.month(reportMonth(month), regionOf(region));
    void res
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="monthly-report-${report.month}.csv"`)
      .send(monthlyReportCsv(report));
  }
}
