/**
 * How a carrier bills and delivers a text: GSM 03.38's 7-bit alphabet when every character is
 * in it, UCS-2 otherwise (any Chinese character). One part holds 160 septets or 70 UCS-2
 * units; a longer text travels as concatenated parts whose header takes 7 septets or 3 units,
 * leaving 153 or 67. A character is never cut across two parts: an escaped GSM character
 * (two septets) or a surrogate pair (two UCS-2 units) moves whole to the next part.
 */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  readonly encoding: SmsEncoding;
  /** Characters as the resident reads them (code points). */
  readonly characters: number;
  /** Septets (GSM-7) or 16-bit units (UCS-2) the text costs. */
  readonly units: number;
  /** The parts a carrier delivers, in order; one part for a short text. */
  readonly parts: readonly string[];
}

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

const LIMITS: Readonly<Record<SmsEncoding, { single: number; part: number }>> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

function isGsm7(chars: readonly string[]): boolean {
  return chars.every((c) => BASIC.has(c) || EXTENDED.has(c));
}

function unitsOf(char: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS-2') return char.length;
  return EXTENDED.has(char) ? 2 : 1;
}

function split(chars: readonly string[], encoding: SmsEncoding, size: number): string[] {
  const parts: string[] = [];
  let part = '';
  let used = 0;
  for (const char of chars) {
    const units = unitsOf(char, encoding);
    if (used + units > size) {
      parts.push(part);
      part = '';
      used = 0;
    }
    part += char;
    used += units;
  }
  parts.push(part);
  return parts;
}

export function smsSegments(text: string): SmsSegments {
  const chars = [...text];
  const encoding: SmsEncoding = isGsm7(chars) ? 'GSM-7' : 'UCS-2';
  const units = chars.reduce((sum, c) => sum + unitsOf(c, encoding), 0);
  const limit = LIMITS[encoding];
  const parts = units <= limit.single ? [text] : split(chars, encoding, limit.part);
  return { encoding, characters: chars.length, units, parts };
}
