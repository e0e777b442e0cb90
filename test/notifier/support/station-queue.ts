import { call } from '../../support/http';

interface LiveQueue {
  waiting: { ticketId: string }[];
  counters: { counterId: string; currentTicket?: { ticketId: string; status: string } }[];
}

/** A station's queue through its app, as the kiosk and the clerk console use it. */
export class StationQueue {
  constructor(
    private readonly baseUrl: string,
    readonly stationId: string,
    private readonly clerk: string,
  ) {}

  /** Whatever earlier runs left today: waiting tickets cancelled, counters freed. */
  async clear(): Promise<void> {
    const queue = await call<LiveQueue>(`${this.baseUrl}/api/stations/${this.stationId}/queue`, {
      token: this.clerk,
    });
    for (const counter of queue.body.counters) {
      const current = counter.currentTicket;
      if (!current) continue;
      const action = current.status === 'in-service' ? 'complete' : 'no-show';
      await this.post(
        `/api/tickets/${current.ticketId}/${action}`,
        action === 'complete' ? { outcome: 'done' } : {},
      );
    }
    for (const ticket of queue.body.waiting)
      await this.post(`/api/tickets/${ticket.ticketId}/cancel`, {});
  }

  async issue(
    body: Record<string, unknown>,
  ): Promise<{ ticketId: string; number: string; position: number }> {
    const reply = await this.post(`/api/stations/${this.stationId}/tickets`, body);
    if (reply.status !== 201) throw new Error(`issue failed: ${JSON.stringify(reply.body)}`);
    return reply.body as { ticketId: string; number: string; position: number };
  }

  async callNext(counterId: string): Promise<string> {
    await this.post(`/api/stations/${this.stationId}/counters/${counterId}/open`, {});
    const reply = await this.post(
      `/api/stations/${this.stationId}/counters/${counterId}/call-next`,
      {},
    );
    if (reply.status !== 200)
      throw new Error(`call-next failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    const { ticketId } = (reply.body as { ticket: { ticketId: string } }).ticket;
    await this.post(`/api/tickets/${ticketId}/start`, {});
    await this.post(`/api/tickets/${ticketId}/complete`, { outcome: 'done' });
    return ticketId;
  }

  private post(path: string, body: Record<string, unknown>) {
    return call(`${this.baseUrl}${path}`, { token: this.clerk, body });
  }
}
