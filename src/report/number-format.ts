/** A figure's number as printed: whole numbers as they are, others to at most two decimals. */
export function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(2)));
}
