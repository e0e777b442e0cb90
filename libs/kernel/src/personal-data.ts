// A resident ID (18 characters, the last a digit or X) and a mainland mobile number, each only
// where no other digit or letter touches it, so ids, positions and timestamps are left alone.
const ID_NUMBER = /(?<![\dA-Za-z])(\d{3})\d{11}(\d{3}[\dXx])(?![\dA-Za-z])/g;
const MOBILE = /(?<![\dA-Za-z])(1\d{2})\d{4}(\d{4})(?![\dA-Za-z])/g;

/**
 * Text as a log line or an SMS may carry it: an ID number keeps its first three and last four
 * characters (110***********123X), a mobile its carrier prefix and last four digits
 * (139****1234), as residents see them on their own receipts. Enough to tell two people apart
 * in an incident, not enough to name one.
 */
export function maskPersonalData(text: string): string {
  return text.replace(ID_NUMBER, '$1***********$2').replace(MOBILE, '$1****$2');
}
