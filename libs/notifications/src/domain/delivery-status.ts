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
