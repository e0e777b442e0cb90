export * from './notifications.module';
export {
  loadNotificationSettings,
  type NotificationSettings,
} from './settings/notification-settings';
export type { Clock } from './clock';
export type { QueuePlaces } from './queue-messages/queue-places';
export type { PlacedTicket } from './domain/turn-near';
export { signCallback, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './http/callback-signature';
export { maskPhone } from './domain/phone';
export { smsSegments } from './domain/sms-segments';
