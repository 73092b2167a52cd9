/** 13900004821 → 139****4821: enough to recognise, not enough to dial. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** Mobile, landline and ID numbers inside free text (a complaint usually says "电话139…"). */
const NUMBERS_IN_TEXT = /(?<![0-9])(1[3-9][0-9]{9}|0[0-9]{9,11}|[0-9]{17}[0-9Xx])(?![0-9])/g;

export function maskNumbersInText(text: string): string {
  return text.replace(NUMBERS_IN_TEXT, (n) => maskPhone(n) ?? n);
}
