import { call } from '../support/http';

/** The day in Asia/Shanghai, as the station apps count it. */
export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/**
 * Earlier runs may have left residents waiting or in service; end them so ours is the next one
 * called.
 */
export async function clearCounter(
  appUrl: string,
  stationId: string,
  counterId: string,
  clerkToken: string,
): Promise<void> {
  const counter = `${appUrl}/api/stations/${stationId}/counters/${counterId}`;
  await call(`${counter}/open`, { method: 'POST', token: clerkToken });
  for (let i = 0; i < 200; i++) {
    const reply = await call<{ ticket: { ticketId: string } }>(`${counter}/call-next`, {
      method: 'POST',
      token: clerkToken,
    });
    if (reply.status === 204) break;
    const ticketId =
      reply.status === 200
        ? reply.body.ticket.ticketId
        : (reply.body as unknown as { currentTicketId: string }).currentTicketId;
    const cancelled = await call(`${appUrl}/api/tickets/${ticketId}/cancel`, {
      method: 'POST',
      token: clerkToken,
      body: {},
    });
    // A resident already in service cannot be cancelled: that service ends as referred.
    if (cancelled.status !== 200)
      await call(`${appUrl}/api/tickets/${ticketId}/complete`, {
        method: 'POST',
        token: clerkToken,
        body: { outcome: 'referred' },
      });
  }
  await call(`${counter}/close`, { method: 'POST', token: clerkToken });
}
