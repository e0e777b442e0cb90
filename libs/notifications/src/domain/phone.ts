/** A mainland mobile number as every intake form here accepts it: 11 digits starting with 1. */
export const MOBILE_NUMBER = /^1\d{10}$/;

export function isMobileNumber(phone: string): boolean {
  return MOBILE_NUMBER.test(phone);
}

/**
 * A phone as logs, metrics and screens may show it: the carrier prefix and the last four
 * digits, as residents see their own number on an SMS receipt (139****1234). Anything shorter
 * than a mobile number keeps only its last two characters.
 */
export function maskPhone(phone: string): string {
  if (phone.length >= 8)
    return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
  if (phone.length <= 2) return '*'.repeat(phone.length);
  return `${'*'.repeat(phone.length - 2)}${phone.slice(-2)}`;
}
