import { Injectable, OnModuleInit } from '@nestjs/common';
import { UpcasterRegistry } from '@circle/event-store';

/**
 * TicketIssued v2 only adds the optional transferId, ServiceCompleted v2 an outcome and optional
 * fields, so v1 data is v2 data as it stands; the step lets every reader of the store see one
 * version.
 */
@Injectable()
export class WalkinsUpcasters implements OnModuleInit {
  constructor(private readonly upcasters: UpcasterRegistry) {}

  onModuleInit(): void {
    this.upcasters.register('walkins.TicketIssued', 1, (data) => data);
    this.upcasters.register('walkins.ServiceCompleted', 1, (data) => data);
  }
}
