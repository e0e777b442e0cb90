/** What an admin needs to see to fix the cause: the message, and where it came from. */
export function failureText(error: unknown): string {
  if (error instanceof Error)
    return (error.stack ?? `${error.name}: ${error.message}`).slice(0, 4000);
  return String(error).slice(0, 4000);
}
