/** Formats fen (分) as yuan for a customer's explanation: 12345 → "123.45元", -5 → "-0.05元". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}元`;
}
