/** Join codes are 8 digits; shown and typed as "1234 5678". */
export function formatJoinCode(code: string): string {
  const digits = code.replace(/\D/g, '').slice(0, 8);
  return digits.length > 4 ? `${digits.slice(0, 4)} ${digits.slice(4)}` : digits;
}

export function joinCodeDigits(input: string): string {
  return input.replace(/\D/g, '');
}

export function joinQrUrl(code: string): string {
  return `/api/join-qr.svg?code=${encodeURIComponent(code)}`;
}
