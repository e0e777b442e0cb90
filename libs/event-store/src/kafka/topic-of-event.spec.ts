import { UnknownEventContext, topicOfEventType } from './topic-of-event';

describe('topicOfEventType', () => {
  it.each([
    ['walkins.TicketIssued', 'circle.walkins'],
    ['enrollment.ResidentEnrolled', 'circle.enrollment'],
    ['claims.ClaimFiled', 'circle.claims'],
    ['settlement.InpatientSettled', 'circle.settlement'],
    ['stations.CounterOpened', 'circle.stations'],
  ])('routes %s to %s', (type, topic) => {
    expect(topicOfEventType(type)).toBe(topic);
  });

  it.each(['parking.CarParked', 'TicketIssued', 'toString.Anything', '.Issued'])(
    'refuses %s',
    (type) => {
      expect(() => topicOfEventType(type)).toThrow(UnknownEventContext);
    },
  );
});
