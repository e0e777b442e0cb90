import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, finalize } from 'rxjs';
import { MetricsRegistry } from './metrics.registry';

@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: MetricsRegistry) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const stop = this.metrics.httpDuration.startTimer();
    return next.handle().pipe(
      finalize(() => {
        // The route pattern, not the URL, keeps label cardinality bounded.
        const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
        stop({ method: request.method, route, status: http.getResponse<Response>().statusCode });
      }),
    );
  }
}
