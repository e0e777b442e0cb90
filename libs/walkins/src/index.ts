export * from './walkins.module';
export * from './projections';
export { loadWalkinsSettings } from './walkins.config';
export { WaitingTickets, type WaitingTicket } from './queues/waiting-tickets';
