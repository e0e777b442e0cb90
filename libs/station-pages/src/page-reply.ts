import type { FastifyReply as Response } from 'fastify';
import type { PageFile } from './page-files';
import { CONTENT_SECURITY_POLICY } from './station-pages.http.controller';

/** no-cache still lets the browser keep a copy; it only asks first, so a deploy shows at once. */
export function sendFile(res: Response, file: PageFile, cached: string | undefined): void {
  void res.header('Cache-Control', 'no-cache').header('ETag', file.etag);
  if (cached === file.etag) void res.status(304).send();
  else void res.type(file.type).send(file.body);
}

/** A page, with the policy that keeps its scripts to this app's own files. */
export function sendPage(res: Response, file: PageFile, cached: string | undefined): void {
  void res.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  void res.header('X-Content-Type-Options', 'nosniff');
  sendFile(res, file, cached);
}
