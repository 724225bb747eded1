/** The quarterly view as an Excel workbook: units, officials, every late dossier, the area's rates. */
import type { Actor } from '../../../domain/access.ts';
import { INDICATOR_IDS } from '../../../domain/dossiers/config.ts';
import { formatTimestamp } from '../../../domain/dossiers/dossier.ts';
import { formatPointsCompact } from '../../../domain/scoring/decimal.ts';
import type { Deps } from '../../deps.ts';
import { quarterFileName } from '../../http/download.ts';
import { newWorkbook, workbookBytes } from '../../infra/workbook-write.ts';
import { presentDossier } from './dossier-list.service.ts';
import { quarterViewWithArea } from './quarter.service.ts';
import * as repo from './repository.ts';
import { methodLines } from './settings.service.ts';

const TIMELINESS_TEXT: Record<string, string> = {
  late: 'Trễ hạn',
  pending: 'Chưa có kết quả, quá hạn',
};

/** The quarterly view as an Excel workbook: units, officials, late dossiers (Vietnam time). */
export async function exportQuarterViewXlsx(
  deps: Deps,
  actor: Actor,
  input: { unitId: number; period: string; bands?: string | undefined },
): Promise<{ filename: string; buffer: Buffer }> {
  const { view, lateUnitIds: unitIds } = await quarterViewWithArea(deps, actor, input);
  const wb = await newWorkbook();
  wb.creator = 'parindex';
  const units = wb.addWorksheet('Kết quả đơn vị', { views: [{ state: 'frozen', ySplit: 3 }] });
  units.addRow([
    `Kết quả chấm điểm giải quyết TTHC ${view.period.replace('-Q', ' – Quý ')}: ${view.unit.name}`,
  ]).font = { bold: true };
  units.addRow([`Mức xếp loại: ${view.bands.name}`]);
  const header = [
    'Mã đơn vị',
    'Đơn vị',
    'Số hồ sơ',
    ...INDICATOR_IDS.map((i) => `Chỉ số ${i}`),
    'Tổng điểm',
    'Tỷ lệ (%)',
    'Xếp loại',
  ];
  units.addRow(header).font = { bold: true };
  for (const g of view.groups) {
    for (const r of g.rows) {
      const e = r.evaluation;
      units.addRow([
        r.unitCode,
        r.unitName,
        e.state === 'no-dossiers' ? 0 : e.dossiers,
        ...INDICATOR_IDS.map((i) =>
          e.state === 'scored' ? (e.indicators[i - 1]?.text ?? '') : '',
        ),
        e.state === 'scored' ? e.text : '',
        e.state === 'scored' ? formatPointsCompact(e.percent) : '',
        r.label,
      ]);
    }
    units.addRow([]);
    units.addRow([g.summary]).font = { italic: true };
    units.addRow([]);
  }
  for (const line of methodLines(view.method)) units.addRow([line]).font = { italic: true };
  units.columns.forEach((c, i) => {
    c.width = i === 1 ? 36 : 12;
  });
  const officials = wb.addWorksheet('Công chức');
  officials.addRow([
    'Đơn vị',
    'Cán bộ tiếp nhận',
    'Số hồ sơ',
    'Tổng điểm',
    'Xếp loại',
    'Trước và đúng hạn',
  ]).font = { bold: true };
  for (const o of view.officials) {
    const e = o.evaluation;
    officials.addRow([
      o.unitName,
      o.officialCode,
      e.state === 'no-dossiers' ? 0 : e.dossiers,
      e.state === 'scored' ? e.text : e.label,
      e.state === 'scored' ? (e.className ?? '') : e.label,
      o.rates['on-time-or-early'].text,
    ]);
  }
  const late = wb.addWorksheet('Hồ sơ trễ hạn');
  late.addRow([
    `Hồ sơ trễ hạn và hồ sơ chưa có kết quả đã quá hạn, tính đến ${formatTimestamp(Date.parse(view.late.asOf))} (giờ Việt Nam)`,
  ]).font = { italic: true };
  late.addRow([
    'Mã hồ sơ',
    'Đơn vị',
    'Thủ tục',
    'Ngày tiếp nhận',
    'Ngày hẹn trả',
    'Ngày có kết quả',
    'Tình trạng',
  ]).font = { bold: true };
  const time = (iso: string | null) => (iso === null ? '' : formatTimestamp(Date.parse(iso)));
  // Every late dossier, page by page through the index the late list reads.
  const asOf = new Date(view.late.asOf);
  let after: repo.LateCursor | undefined;
  for (;;) {
    const page = await repo.lateDossierPage(
      deps.db,
      {
        unitIds,
        period: view.period,
        overdue: { asOf, dueWithoutTime: view.method.values.dueWithoutTime },
        after,
      },
      LATE_EXPORT_PAGE,
    );
    for (const row of page) {
      const d = presentDossier(row);
      late.addRow([
        d.code,
        d.unit.name,
        d.procedureName || d.procedureCode,
        time(d.receivedAt),
        time(d.dueAt),
        time(d.finishedAt),
        TIMELINESS_TEXT[d.timeliness] ?? d.timeliness,
      ]);
    }
    const last = page[page.length - 1];
    if (last === undefined || page.length < LATE_EXPORT_PAGE) break;
    after = { receivedMicros: last.received_micros, code: last.code };
  }
  const rates = wb.addWorksheet('Tỷ lệ');
  rates.addRow(['Chỉ tiêu', 'Tử số', 'Mẫu số', 'Tỷ lệ', 'Chỉ tiêu giao', 'Đạt']).font = {
    bold: true,
  };
  for (const r of Object.values(view.area.rates)) {
    rates.addRow([
      r.label,
      r.num,
      r.den,
      r.text,
      r.target?.text ?? '',
      r.target?.met === null || r.target === null ? '' : r.target.met ? 'Đạt' : 'Chưa đạt',
    ]);
  }
  if (view.area.withoutPostalCatalogue > 0) {
    rates.addRow([
      `${view.area.withoutPostalCatalogue} đơn vị chưa có danh mục TTHC bưu chính công ích không được tính vào hai tỷ lệ bưu chính`,
    ]);
  }
  return {
    filename: `ket-qua-giai-quyet-tthc-${view.unit.code}-${quarterFileName(view.period)}.xlsx`,
    buffer: await workbookBytes(wb),
  };
}

const LATE_EXPORT_PAGE = 5000;
