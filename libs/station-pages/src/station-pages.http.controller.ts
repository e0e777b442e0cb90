import { Controller, Get, Headers, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply as Response } from 'fastify';
import { Public } from '@circle/platform';
import { PageFile, loadPageFiles } from './page-files';

// Alpine evaluates its attribute expressions with Function(), hence 'unsafe-eval'; its CSP
// build would avoid that only by refusing most of the expressions the pages are written in.
// Scripts still come from this app alone, never inline. Forms never submit (each is handled in
// script), so a page whose scripts failed cannot send a password in a URL.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The clerk console, the kiosk and the display board: static pages that call the API. */
@ApiExcludeController()
@Public()
@Controller()
export class StationPagesController {
  private readonly files = loadPageFiles();

  @Get('console')
  console(@Headers('if-none-match') cached: string | undefined, @Res() res: Response): void {
    this.page(res, 'console.html', cached);
  }

  @Get('kiosk/:stationId')
  kiosk(@Headers('if-none-match') cached: string | undefined, @Res() res: Response): void {
    this.page(res, 'kiosk.html', cached);
  }

  @Get('board/:stationId')
  board(@Headers('if-none-match') cached: string | undefined, @Res() res: Response): void {
    this.page(res, 'board.html', cached);
  }

  /** The coverage certificate's check, for whoever was handed one: no account needed. */
  @Get('verify')
  verify(@Headers('if-none-match') cached: string | undefined, @Res() res: Response): void {
    this.page(res, 'verify.html', cached);
  }

  @Get('assets/:file')
  asset(
    @Param('file') name: string,
    @Headers('if-none-match') cached: string | undefined,
    @Res() res: Response,
  ): void {
    const file = name.endsWith('.html') ? undefined : this.files.get(name);
    if (!file) throw new NotFoundException(`no asset ${name}`);
    this.send(res, file, cached);
  }

  private page(res: Response, name: string, cached: string | undefined): void {
    void res.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    void res.header('X-Content-Type-Options', 'nosniff');
    this.send(res, this.files.get(name) as PageFile, cached);
  }

  /** no-cache still lets the browser keep a copy; it only asks first, so a deploy shows at once. */
  private send(res: Response, file: PageFile, cached: string | undefined): void {
    void res.header('Cache-Control', 'no-cache').header('ETag', file.etag);
    if (cached === file.etag) void res.status(304).send();
    else void res.type(file.type).send(file.body);
  }
}
