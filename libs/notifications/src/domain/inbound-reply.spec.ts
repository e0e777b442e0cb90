import { isStopReply } from './inbound-reply';

describe('isStopReply', () => {
  it('hears STOP and TD in any case and the Chinese word', () => {
    for (const reply of ['STOP', ' stop ', 'td', '退订']) expect(isStopReply(reply)).toBe(true);
  });

  it('ignores anything else', () => {
    for (const reply of ['thanks', 'stop please', '好的', ''])
      expect(isStopReply(reply)).toBe(false);
  });
});
