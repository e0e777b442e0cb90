export const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'A repeat with the same key and body returns the first answer and records nothing',
};
