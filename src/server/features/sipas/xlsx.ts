/** Excel export of a SIPAS campaign's indexes: overall and per element, per field, per unit, seed 000's table. */
import type { ScopeIndexes } from '../../../domain/sipas/indexes.ts';
import type { CampaignIndexesView } from './service.ts';
import { newWorkbook, workbookBytes } from '../../infra/workbook-write.ts';

function scopeRow(label: string, s: ScopeIndexes): (string | number)[] {
  return [
    label,
    s.responses,
    ...s.elements.map((e) => e.index.text),
    s.elementMean.text,
    s.overallShare.text,
    s.published.index.formula,
  ];
}

/** Builds the workbook: one sheet of indexes by scope, one of the level table, one of formulas. */
export async function exportIndexesXlsx(name: string, view: CampaignIndexesView): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'parindex';
  const ws = wb.addWorksheet('Chỉ số', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow([name]).font = { bold: true };
  ws.addRow([
    `Mức tính là hài lòng: ${view.satisfiedLabel}; chỉ số chung công bố: ${view.overallMethodLabel}`,
  ]);
  const header = ws.addRow([
    'Phạm vi',
    'Số phiếu',
    ...view.all.elements.map((e) => e.name),
    'Trung bình các yếu tố',
    'Câu hỏi đánh giá chung',
    'Cách tính chỉ số công bố',
  ]);
  header.font = { bold: true };
  ws.addRow(scopeRow('Toàn bộ', view.all));
  for (const f of view.byField) ws.addRow(scopeRow(`Lĩnh vực: ${f.name}`, f.indexes));
  for (const u of view.byUnit) ws.addRow(scopeRow(`Đơn vị: ${u.name}`, u.indexes));
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 40 : 18;
  });

  const table = wb.addWorksheet('Bảng theo mức');
  table.addRow([
    'Lĩnh vực',
    'Số phiếu hợp lệ',
    ...view.table.columns.map((c) => c.label),
    'Chỉ số',
  ]).font = {
    bold: true,
  };
  for (const r of [...view.table.rows, view.table.totals]) {
    table.addRow([
      r.label,
      r.valid,
      ...r.cells.map((c) => `${c.count} (${c.text})`),
      r.index.formula,
    ]);
  }
  table.addRow([]);
  table.addRow([view.table.note]);
  table.columns.forEach((c, i) => {
    c.width = i === 0 ? 36 : 18;
  });

  const alt = wb.addWorksheet('So sánh cách tính');
  alt.addRow(['Mức tính là hài lòng', 'Câu hỏi đánh giá chung', 'Trung bình các yếu tố']).font = {
    bold: true,
  };
  for (const a of view.alternatives)
    alt.addRow([a.satisfiedLabel, a.overallShare.formula, a.elementMean.formula]);
  alt.columns.forEach((c) => {
    c.width = 50;
  });
  return await workbookBytes(wb);
}
