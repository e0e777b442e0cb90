/**
 * Where a message stands. `attempting` is the notifier's own mark, written before a provider is
 * called: finding it later means a process stopped between the call and its answer. The others
 * are the delivery states residents and admins see.
 */
export const DELIVERY_STATUSES = [
  'queued',
  'attempting',
  'sent',
  'delivered',
  'failed',
  'rejected',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A message in one of these is done: nothing sends it again. */
export const SETTLED_STATUSES: readonly DeliveryStatus[] = [
  'sent',
  'delivered',
  'failed',
  'rejected',
];

/** A provider's delivery report moves a message only forward, never back to waiting. */
export const REPORTABLE_FROM: Readonly<Record<'delivered' | 'failed', readonly DeliveryStatus[]>> =
  {
    delivered: ['attempting', 'sent'],
    failed: ['attempting', 'sent'],
  };
