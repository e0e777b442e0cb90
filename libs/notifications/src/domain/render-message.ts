import { maskPersonalData } from '@circle/kernel';
import { formatYuan, type Fen } from '../../../policy/src/domain/money';
import { findStation } from '../../../stations/src/domain/demo-district';
import type { Language } from './language';
import { smsSegments, type SmsSegments } from './sms-segments';
import type { NoticeFacts, SmsNotice } from './sms-notice';
import { EN_SIGNATURE, EN_TEMPLATES } from './templates/en.templates';
import type { TemplateContext, Templates } from './templates/template-context';
import { ZH_CN_TEMPLATES, ZH_SIGNATURE } from './templates/zh-cn.templates';

export interface RenderedMessage {
  readonly text: string;
  readonly segments: SmsSegments;
}

const BY_LANGUAGE: Readonly<
  Record<Language, { templates: Templates; signature: string; nobody: string; station: string }>
> = {
  'zh-CN': {
    templates: ZH_CN_TEMPLATES,
    signature: ZH_SIGNATURE,
    nobody: '居民',
    station: '医保服务站',
  },
  en: {
    templates: EN_TEMPLATES,
    signature: EN_SIGNATURE,
    nobody: 'resident',
    station: 'the service station',
  },
};

function stationName(stationId: string | null, language: Language): string | undefined {
  if (!stationId) return undefined;
  const station = findStation(stationId);
  if (!station) return stationId;
  return language === 'en' ? station.nameEn : station.name;
}

function word<F extends NoticeFacts>(templates: Templates, facts: F, c: TemplateContext): string {
  const template = templates[facts.kind] as (f: F, c: TemplateContext) => string;
  return template(facts, c);
}

/**
 * The text of one message in the resident's language, signed as Chinese carriers require, with
 * its length in parts. Amounts are fen shown as yuan with two decimals (formatYuan); names stay
 * masked as the event masked them, and an ID number or mobile a clerk typed into a reason is
 * masked as in the logs: a message may be read over the resident's shoulder.
 */
export function renderMessage(notice: SmsNotice, language: Language): RenderedMessage {
  const wording = BY_LANGUAGE[language];
  const context: TemplateContext = {
    name: notice.maskedName || wording.nobody,
    station: stationName(notice.stationId, language) ?? wording.station,
    yuan: (fen) => formatYuan(fen as Fen),
  };
  const text = maskPersonalData(wording.signature + word(wording.templates, notice.facts, context));
  return { text, segments: smsSegments(text) };
}
