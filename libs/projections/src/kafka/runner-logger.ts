/** Structural, so a NestJS `Logger` or `console` both fit. */
export interface RunnerLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
