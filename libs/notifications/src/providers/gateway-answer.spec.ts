import { fieldAt, outcomeOfAnswer, outcomeOfNoAnswer } from './gateway-answer';
import { fillBody } from './http-gateway.provider';

describe('gateway answers', () => {
  const rules = {
    success: { field: 'result.code', value: 'OK' },
    idField: 'result.id',
    reasonField: 'message',
  };

  it('reads dotted fields', () => {
    expect(fieldAt({ a: { b: 0 } }, 'a.b')).toBe('0');
    expect(fieldAt({ a: 1 }, 'a.b')).toBeUndefined();
  });

  it('accepts a 2xx that meets the success rule, with the gateway id', () => {
    expect(outcomeOfAnswer(200, '{"result":{"code":"OK","id":"g-1"}}', rules)).toEqual({
      kind: 'accepted',
      providerMessageId: 'g-1',
      delivered: false,
    });
  });

  it('takes a 2xx that fails the rule as a refusal with the gateway reason', () => {
    expect(
      outcomeOfAnswer(200, '{"result":{"code":"BAD_NUMBER"},"message":"invalid number"}', rules),
    ).toEqual({ kind: 'permanent', reason: 'invalid number', status: 'rejected' });
  });

  it('retries 5xx, 408 and 429 but not other 4xx', () => {
    for (const status of [500, 502, 503, 504, 408, 429])
      expect(outcomeOfAnswer(status, '', rules)).toMatchObject({
        kind: 'retryable',
        maybeSent: false,
      });
    expect(outcomeOfAnswer(400, '{"message":"content rejected"}', rules)).toEqual({
      kind: 'permanent',
      reason: 'HTTP 400: content rejected',
      status: 'rejected',
    });
  });

  it('retries a refused connection as unsent and a timeout as perhaps sent', () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: { code: 'ECONNREFUSED' },
    });
    expect(outcomeOfNoAnswer(refused)).toMatchObject({ kind: 'retryable', maybeSent: false });
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    expect(outcomeOfNoAnswer(timeout)).toMatchObject({ kind: 'retryable', maybeSent: true });
  });

  it('fills a body template with JSON-safe values', () => {
    const body = fillBody(
      '{"to":"{{phone}}","text":"{{text}}","ref":"{{messageId}}","n":{{parts}}}',
      {
        messageId: 'm-1',
        phone: '13905371234',
        text: '他说"好"\n',
        parts: 2,
      },
    );
    expect(JSON.parse(body)).toEqual({ to: '13905371234', text: '他说"好"\n', ref: 'm-1', n: 2 });
  });
});
