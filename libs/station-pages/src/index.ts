export * from './station-pages.module';
export * from './supervisor-pages.module';
