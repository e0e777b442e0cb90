import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@circle/platform';
import { defaultPolicyFolder, loadPolicyBook, type PolicyBook } from '@circle/policy';

export const POLICY_BOOK = Symbol('POLICY_BOOK');

/**
 * Read once at start: a bad file stops the app with the file and field named, rather than
 * surfacing as a wrong price at a counter later.
 */
export const policyBookProvider: Provider = {
  provide: POLICY_BOOK,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): PolicyBook =>
    loadPolicyBook(config.policyDir ?? defaultPolicyFolder()),
};
