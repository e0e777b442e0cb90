/**
 * The languages a message is written in. Chinese unless the resident asked for English: the
 * preference is kept per phone number (the number is who we write to), set by an admin on the
 * resident's request; no business event carries one.
 */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}
