/**
 * How a name is compared when a clerk searches by it: as typed, spaces aside (clerks type
 * "王 小明" and "王小明" alike), the dots that join the parts of Uyghur and other transliterated
 * names as one dot whatever key made them, and Latin letters in one case.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[\u00B7\u30FB\u2022\u2027\uFF0E\u2219]/g, '·')
    .toLowerCase();
}
