export * from './station-pages.module';
