/**
 * Vietnamese presentation of numbers and dates as official documents write them:
 * "58,25", "1.234,5", "ngày 05 tháng 02 năm 2024".
 */

/** Formats a number of hundredths (5825) as "58,25"; trailing zeros are kept to `decimals`. */
export function formatHundredths(hundredths: number, decimals: 0 | 1 | 2 = 2): string {
  if (!Number.isInteger(hundredths)) throw new RangeError('hundredths must be an integer');
  const negative = hundredths < 0;
  const abs = Math.abs(hundredths);
  let intPart: number;
  let fraction: string;
  if (decimals === 2) {
    intPart = Math.floor(abs / 100);
    fraction = String(abs % 100).padStart(2, '0');
  } else if (decimals === 1) {
    const tenths = Math.floor((abs + 5) / 10);
    intPart = Math.floor(tenths / 10);
    fraction = String(tenths % 10);
  } else {
    intPart = Math.floor((abs + 50) / 100);
    fraction = '';
  }
  const grouped = String(intPart).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = negative && (intPart > 0 || /[1-9]/.test(fraction)) ? '-' : '';
  return fraction ? `${sign}${grouped},${fraction}` : `${sign}${grouped}`;
}

/** Formats a plain number with a decimal comma and dot grouping: 1234.5 → "1.234,5". */
export function formatNumber(value: number, maxDecimals = 2): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxDecimals }).format(value);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Splits an ISO date (YYYY-MM-DD) or a Date into day, month, year. */
function parts(date: string | Date): { d: number; m: number; y: number } {
  if (typeof date === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
    if (!match) throw new RangeError(`not an ISO date: ${date}`);
    return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  }
  return { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() };
}

/**
 * Writes a date in words as Decree 30/2020 prescribes: "ngày 05 tháng 02 năm 2024" (leading zero for
 * days under 10 and for months 1 and 2 only).
 */
export function formatDateInWords(date: string | Date): string {
  const { d, m, y } = parts(date);
  const month = m <= 2 ? pad2(m) : String(m);
  return `ngày ${pad2(d)} tháng ${month} năm ${y}`;
}

/** Short numeric date as used in tables: "05/02/2024". */
export function formatDateShort(date: string | Date): string {
  const { d, m, y } = parts(date);
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

/**
 * A moment as tables show it, in Vietnam time (UTC+7 all year) whatever the machine's time zone:
 * "05/02/2024 14:30".
 */
export function formatDateTimeShort(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const vn = new Date(ms + 7 * 3_600_000);
  const day = vn.toISOString().slice(0, 10);
  return `${formatDateShort(day)} ${pad2(vn.getUTCHours())}:${pad2(vn.getUTCMinutes())}`;
}
