/**
 * A phone number as a caller or an operator writes it — 139 0736 0001, 139-0736-0001, +86 139…,
 * 0086…, full-width digits, (0736)7221234 — as the digits the store keeps: 13907360001, 07367221234.
 * Null when what is left is not a mainland mobile or a landline with its area code.
 */
export function normalizePhone(input: string): string | null {
  const ascii = input.replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[＋]/g, '+');
  if (/[^\d\s\-+().]/.test(ascii)) return null;
  let digits = ascii.replace(/\D/g, '');
  if (/^\s*(\+|00)86/.test(ascii)) digits = digits.replace(/^(00)?86/, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  if (/^0\d{2,3}\d{7,8}$/.test(digits)) return digits;
  return null;
}

/** A mainland mobile number as the store keeps it (13907360001): one a text message can reach. */
export function isMobilePhone(phone: string | null): phone is string {
  return phone !== null && /^1[3-9]\d{9}$/.test(phone);
}
