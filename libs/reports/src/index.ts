export * from './reports.module';
export * from './projections/monthly-report.projection';
