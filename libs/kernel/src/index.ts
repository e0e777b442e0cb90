export * from './domain-error';
export * from './personal-data';
export * from './recent-map';
