import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@circle/platform';
import { PageFile, loadPageFiles } from './page-files';

// Alpine evaluates its attribute expressions with Function(), hence 'unsafe-eval'.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "frame-ancestors 'none'",
].join('; ');

/** The clerk console, the kiosk and the display board: static pages that call the API. */
@ApiExcludeController()
@Public()
@Controller()
export class StationPagesController {
  private readonly files = loadPageFiles();

  @Get('console')
  console(@Res() res: Response): void {
    this.page(res, 'console.html');
  }

  @Get('kiosk/:stationId')
  kiosk(@Res() res: Response): void {
    this.page(res, 'kiosk.html');
  }

  @Get('board/:stationId')
  board(@Res() res: Response): void {
    this.page(res, 'board.html');
  }

  @Get('assets/:file')
  asset(@Param('file') name: string, @Res() res: Response): void {
    const file = name.endsWith('.html') ? undefined : this.files.get(name);
    if (!file) throw new NotFoundException(`no asset ${name}`);
    // no-cache still lets the browser keep a copy; it only asks first (ETag), so a deploy shows at once.
    this.send(res, file, 'no-cache');
  }

  private page(res: Response, name: string): void {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    this.send(res, this.files.get(name) as PageFile, 'no-cache');
  }

  private send(res: Response, file: PageFile, cacheControl: string): void {
    res.setHeader('Cache-Control', cacheControl);
    res.type(file.type).send(file.body);
  }
}
