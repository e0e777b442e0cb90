import { ApiOkResponse } from '@nestjs/swagger';

/** A live stream's answer as /docs shows it: not JSON but Server-Sent Events, one per change. */
export const ApiEventStreamResponse = () =>
  ApiOkResponse({
    description: 'Server-Sent Events, each message’s data a JSON object; the stream stays open',
    content: {
      'text/event-stream': {
        schema: { type: 'string', example: 'id: 42\ndata: {"type":"TicketCalled"}\n\n' },
      },
    },
  });
