/**
 * Stream ids and correlation ids can hold a resident's ID number (`benefit-year-<ID>-<year>`)
 * or a phone number. A listing for supervisors shows neither: an ID keeps its last four
 * characters, as printed statements do, and a mobile number its first three and last four.
 * Any run of 15 or more digits is taken for an ID (the 15-digit first-generation numbers
 * included), so a number that merely looks like one is masked too: hiding too much is the safe
 * mistake here.
 */
const ID_NUMBER = /\d{14,}[\dX]/gi;
const MOBILE = /(?<!\d)(1\d{2})\d{4}(\d{4})(?!\d)/g;

export function maskPersonalNumbers(text: string): string {
  return text
    .replace(ID_NUMBER, (id) => '*'.repeat(id.length - 4) + id.slice(-4))
    .replace(MOBILE, '$1****$2');
}
