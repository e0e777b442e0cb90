import { turnNearNotices } from './turn-near';

describe('turnNearNotices', () => {
  const cause = { eventId: 'e-9', eventType: 'walkins.TicketCalled', occurredAt: new Date(0) };
  const rule = { position: 3, byStation: { hall: 5 } };
  const waiting = [1, 2, 3, 4, 5, 6].map((position) => ({
    ticketId: `town-1-20240603-000${position}`,
    number: `A00${position}`,
    position,
    ...(position === 2 ? {} : { phone: `1380537614${position}` }),
  }));

  it('tells every ticket with a phone at or under the position, urgently, keyed by ticket', () => {
    const notices = turnNearNotices({ stationId: 'town-1', waiting }, cause, rule);
    expect(notices.map((n) => n.messageId)).toEqual([
      'turn-near.town-1-20240603-0001',
      'turn-near.town-1-20240603-0003',
    ]);
    expect(notices[1]).toMatchObject({
      eventId: 'e-9',
      urgent: true,
      phone: '13805376143',
      facts: { kind: 'turn-near', ticketNumber: 'A003', position: 3 },
    });
  });

  it('takes a station of its own position', () => {
    const notices = turnNearNotices({ stationId: 'hall', waiting }, cause, rule);
    expect(notices.map((n) => n.facts)).toHaveLength(4);
  });
});
