import { Controller, Get, Headers, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply as Response } from 'fastify';
import { Public } from '@circle/platform';
import { PageFile, loadPageFiles } from './page-files';
import { sendFile, sendPage } from './page-reply';

/**
 * The supervisor's dashboard, with the monthly report as its second tab (`/reports` opens it):
 * a static page that signs in and calls the supervisor's API, served like the station pages.
 */
@ApiExcludeController()
@Public()
@Controller()
export class SupervisorPagesController {
  private readonly files = loadPageFiles();

  @Get('dashboard')
  dashboard(@Headers('if-none-match') cached: string | undefined, @Res() res: Response): void {
    sendPage(res, this.files.get('dashboard.html') as PageFile, cached);
  }

  @Get('reports')
  reports(@Headers('if-none-match') cached: string | undefined, @Res() res: Response): void {
    sendPage(res, this.files.get('dashboard.html') as PageFile, cached);
  }

  /** The admins' SMS queues: counts per state, failed jobs retried or dropped. */
  @Get('sms-queues')
  smsQueues(@Headers('if-none-match') cached: string | undefined, @Res() res: Response): void {
    sendPage(res, this.files.get('sms-queues.html') as PageFile, cached);
  }

  @Get('assets/:file')
  asset(
    @Param('file') name: string,
    @Headers('if-none-match') cached: string | undefined,
    @Res() res: Response,
  ): void {
    const file = name.endsWith('.html') ? undefined : this.files.get(name);
    if (!file) throw new NotFoundException(`no asset ${name}`);
    sendFile(res, file, cached);
  }
}
