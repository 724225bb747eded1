/** Timestamps in the formats exports use, and refused rows with their Vietnamese messages. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUserDate } from '../dates.ts';
import {
  createDossierRowParser,
  formatTimestamp,
  parseChannel,
  parseDossierRow,
  parseTimestampMs,
  type DossierColumn,
  type DossierRow,
} from './dossier.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('timestamps', () => {
  it('reads every calendar day from 1970 to 2200 as the day the calendar gives', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    for (let day = 0; ; day++) {
      const d = new Date(day * 86_400_000);
      const y = d.getUTCFullYear();
      if (y > 2200) break;
      const text = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${y}`;
      // Vietnam midnight is 17:00 UTC the day before.
      expect(parseTimestampMs(text), text).toBe(day * 86_400_000 - 7 * 3_600_000);
    }
    expect(parseTimestampMs('29/02/2100')).toBeNaN();
    expect(parseTimestampMs('29/02/2000')).toBe(Date.UTC(2000, 1, 29) - 7 * 3_600_000);
    // 84,000 days: a few seconds when the machine is busy with other suites.
  }, 30_000);

  it('reads an Excel serial with a fractional day as Vietnam time', () => {
    expect(iso(parseTimestampMs('45292.5'))).toBe('2024-01-01T05:00:00.000Z');
    expect(formatTimestamp(parseTimestampMs('45292.5'))).toBe('01/01/2024 12:00');
    expect(formatTimestamp(parseTimestampMs('45292,5'))).toBe('01/01/2024 12:00');
  });

  it('reads day-first dates with and without time, and ISO 8601 with zones', () => {
    expect(iso(parseTimestampMs('05/02/2024'))).toBe('2024-02-04T17:00:00.000Z');
    expect(iso(parseTimestampMs('5/2/2024 08:30'))).toBe('2024-02-05T01:30:00.000Z');
    expect(iso(parseTimestampMs('05-02-2024 08:30:15'))).toBe('2024-02-05T01:30:15.000Z');
    expect(iso(parseTimestampMs('05.02.2024'))).toBe('2024-02-04T17:00:00.000Z');
    expect(iso(parseTimestampMs('08:30 05/02/2024'))).toBe('2024-02-05T01:30:00.000Z');
    expect(iso(parseTimestampMs('2024-02-05'))).toBe('2024-02-04T17:00:00.000Z');
    expect(iso(parseTimestampMs('2024-02-05T08:30:00+07:00'))).toBe('2024-02-05T01:30:00.000Z');
    expect(iso(parseTimestampMs('2024-02-05T01:30:00Z'))).toBe('2024-02-05T01:30:00.000Z');
    expect(iso(parseTimestampMs('2024-02-05 08:30:00.250'))).toBe('2024-02-05T01:30:00.250Z');
    expect(iso(parseTimestampMs(' 2024-02-05T03:30+0900 '))).toBe('2024-02-04T18:30:00.000Z');
  });

  it('refuses what is not a real moment', () => {
    for (const bad of [
      '31/02/2024',
      '2024-13-01',
      '05/02/24',
      '25:00 05/02/2024',
      'hôm qua',
      '',
      '2024',
      '05/02-2024',
      '2024-02-05T08:30+25:00',
      '1/1/1960',
    ]) {
      expect(parseTimestampMs(bad), bad).toBeNaN();
    }
  });

  it('agrees with parseUserDate on dates without time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom('/', '-', '.'),
        (y, m, d, sep) => {
          const text = `${d}${sep}${m}${sep}${y}`;
          const expected = parseUserDate(text);
          const ms = parseTimestampMs(text);
          if (expected === null) expect(ms).toBeNaN();
          else expect(new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10)).toBe(expected);
        },
      ),
    );
  });
});

const good: DossierRow = {
  code: 'H01.2024.001',
  procedureCode: '1.001',
  procedureName: 'Chứng thực bản sao',
  field: 'Chứng thực',
  unitCode: 'XA-01',
  officialCode: 'CB-7',
  receivedAt: '05/02/2024 08:30',
  dueAt: '07/02/2024 17:00',
  finishedAt: 45328.5,
  returnedAt: '2024-02-06T14:00:00+07:00',
  completionRequests: '0',
  agenciesInvolved: 1,
  channel: 'Trực tuyến toàn trình',
  onlinePayment: 'Có',
  status: 'Đã trả kết quả',
  citizenRating7: '2',
  selfRating5: 1.5,
};

describe('rows', () => {
  it('accepts a full row', () => {
    const r = parseDossierRow(good, { rowNumber: 2 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dossier.channel).toBe('online-full');
    expect(r.dossier.onlinePayment).toBe(true);
    expect(formatTimestamp(r.dossier.finishedAt ?? 0)).toBe('06/02/2024 12:00');
    expect(r.dossier.citizenRatings?.[6]).toBe(200);
    expect(r.dossier.selfRatings?.[4]).toBe(150);
    expect(
      createDossierRowParser({ columns: Object.keys(good) as DossierColumn[] })(good, 2),
    ).toEqual(r);
  });

  it('refuses a row with every problem located and worded in Vietnamese', () => {
    const r = parseDossierRow(
      {
        ...good,
        code: ' ',
        receivedAt: '10/02/2024 08:00',
        finishedAt: '09/02/2024 10:00',
        dueAt: '30/02/2024',
        completionRequests: '-1',
        agenciesInvolved: 'hai',
        channel: 'fax',
        onlinePayment: 'có lẽ',
        citizenRating7: '3',
      },
      { rowNumber: 12 },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byColumn = Object.fromEntries(r.problems.map((p) => [p.column, p.message]));
    expect(r.problems.every((p) => p.row === 12)).toBe(true);
    expect(byColumn.code).toBe('Thiếu mã hồ sơ');
    expect(byColumn.finishedAt).toBe(
      'Ngày có kết quả (09/02/2024 10:00) trước ngày tiếp nhận (10/02/2024 08:00)',
    );
    expect(byColumn.dueAt).toMatch(/^Không đọc được thời điểm “30\/02\/2024”/);
    expect(byColumn.completionRequests).toBe('Số lần yêu cầu bổ sung không được âm (“-1”)');
    expect(byColumn.agenciesInvolved).toMatch(/phải là số nguyên không âm, không phải “hai”/);
    expect(byColumn.channel).toMatch(/^Không nhận ra hình thức nộp “fax”/);
    expect(byColumn.onlinePayment).toMatch(/không phải là có\/không/);
    expect(byColumn.citizenRating7).toBe('Điểm 3 nằm ngoài thang điểm 0–2');
    expect(r.problems.find((p) => p.column === 'channel')?.columnLabel).toBe('Hình thức nộp');
  });

  it('refuses a count too large to be true, naming the column and the limit', () => {
    const r = parseDossierRow(
      { ...good, completionRequests: '120000', agenciesInvolved: 99999999999 },
      { rowNumber: 4 },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byColumn = Object.fromEntries(r.problems.map((p) => [p.column, p.message]));
    expect(byColumn.completionRequests).toBe(
      'Số lần yêu cầu bổ sung “120000” quá lớn (tối đa 9999)',
    );
    expect(byColumn.agenciesInvolved).toBe(
      'Số cơ quan tham gia giải quyết “99999999999” quá lớn (tối đa 9999)',
    );
    expect(parseDossierRow({ ...good, completionRequests: '9999' }).ok).toBe(true);
  });

  it('accepts Vietnamese labels and common export spellings of channels', () => {
    expect(parseChannel('Trực tiếp')).toBe('counter');
    expect(parseChannel('TRUC TIEP')).toBe('counter');
    expect(parseChannel('Trực tuyến – một phần')).toBe('online-partial');
    expect(parseChannel('online_full')).toBe('online-full');
    expect(parseChannel('Mức độ 4')).toBe('online-full');
    expect(parseChannel('BCCI')).toBe('postal');
    expect(parseChannel('Qua dịch vụ bưu chính công ích')).toBe('postal');
    expect(parseChannel('Trực tuyến')).toBeNull();
    const r = parseDossierRow({ ...good, channel: 'Trực tuyến' });
    expect(r.ok ? '' : r.problems[0]?.message).toMatch(
      /cần ghi rõ trực tuyến toàn trình hay một phần/,
    );
  });
});
