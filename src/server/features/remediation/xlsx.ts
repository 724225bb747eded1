/**
 * Excel workbooks of a remediation plan (its sub-criteria and tasks, progress per criterion and
 * per official) and of a supervision (members, findings in the notice's three groups,
 * recommendations). Vietnamese headers; points and rates as numbers.
 */
import { formatDateShort } from '../../../domain/format.ts';
import { FINDING_GROUPS, type FindingGroup } from '../../../domain/remediation/supervision.ts';
import type { getPlan, getSupervision } from './service.ts';
import { newWorkbook, workbookBytes } from '../../infra/workbook-write.ts';

type PlanView = Awaited<ReturnType<typeof getPlan>>;
type SupervisionView = Awaited<ReturnType<typeof getSupervision>>;

const STATUS: Record<string, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Đã hoàn thành',
  cancelled: 'Hủy',
};

const METRIC: Record<string, string> = {
  sipas_satisfaction: 'Chỉ số hài lòng (SIPAS)',
  dossier_on_time: 'Tỷ lệ hồ sơ đúng và trước hạn',
  dossier_online: 'Tỷ lệ hồ sơ trực tuyến',
  dossier_online_payment: 'Tỷ lệ thanh toán trực tuyến',
  dossier_postal_procedures: 'Tỷ lệ TTHC bưu chính công ích có phát sinh hồ sơ',
  dossier_postal: 'Tỷ lệ hồ sơ tiếp nhận/trả kết quả qua bưu chính công ích',
};

export const GROUP_TITLES: Record<FindingGroup, string> = {
  check_with_upper:
    'Những nội dung cần kiểm tra cụ thể, liên hệ trao đổi với cơ quan chuyên môn cấp trên',
  fix_now: 'Những nội dung còn thiếu sót, hạn chế cần bổ sung, khắc phục ngay',
  improve_gradually: 'Những nội dung cần tăng cường tham mưu, từng bước khắc phục',
};

const points = (h: number | null) => (h === null ? null : h / 100);
const pct = (h: number | null | undefined) => (h === null || h === undefined ? null : h / 100);
const date = (d: string | null) => (d ? formatDateShort(d) : '');

async function workbook() {
  return newWorkbook();
}

export async function planXlsx(plan: PlanView): Promise<Buffer> {
  const wb = await workbook();
  const ws = wb.addWorksheet('Kế hoạch');
  ws.addRow([plan.title]).font = { bold: true };
  ws.addRow([`${plan.unit.name} · năm ${plan.year}`]);
  if (plan.baseline)
    ws.addRow([
      `Kết quả ${plan.baseline.campaignYear} (${plan.baseline.sourceUnitName}): chỉ số ${
        plan.baseline.indexHundredths === null
          ? '—'
          : (plan.baseline.indexHundredths / 100).toFixed(2).replace('.', ',')
      }, xếp loại ${plan.baseline.classLabel ?? '—'}, xếp hạng ${plan.baseline.rank ?? '—'}/${plan.baseline.unitsRanked}`,
    ]);
  ws.addRow([]);
  const header = ws.addRow([
    'Mục',
    'Tiêu chí, tiêu chí thành phần',
    'Điểm tối đa',
    'Tự chấm',
    'Thẩm định',
    'Điểm bị mất',
    'Lý do mất điểm',
    'Nhiệm vụ',
    'Sản phẩm đầu ra',
    'Người phụ trách',
    'Thời hạn',
    'Chỉ tiêu',
    'Tỷ lệ phải đạt (%)',
    'Đã đạt (%)',
    'Tình trạng',
    'Quá hạn',
    'Tiến độ',
    'Tài liệu kiểm chứng (số)',
  ]);
  header.font = { bold: true };
  const taskRow = (t: PlanView['tasks'][number]) => [
    t.content,
    t.output,
    [t.responsibleName, t.responsibleLabel].filter(Boolean).join(' – '),
    date(t.deadline),
    t.target ? (t.target.metric ? METRIC[t.target.metric] : 'Nhập tay') : '',
    pct(t.target?.targetPercent),
    pct(t.target?.currentPercent),
    STATUS[t.status] ?? t.status,
    t.overdue ? 'Quá hạn' : '',
    t.progressNote,
    t.evidence.length,
  ];
  for (const item of plan.items) {
    const itemCells = [
      item.code,
      item.title,
      points(item.maxHundredths),
      points(item.selfHundredths),
      points(item.appraisedHundredths),
      points(item.lostHundredths),
      item.reason ?? '',
    ];
    const tasks = plan.tasks.filter((t) => t.itemId === item.id);
    if (tasks.length === 0) ws.addRow(itemCells);
    for (const t of tasks) ws.addRow([...itemCells, ...taskRow(t)]);
  }
  for (const t of plan.tasks.filter((t) => t.itemId === null))
    ws.addRow(['', 'Nhiệm vụ chung', null, null, null, null, '', ...taskRow(t)]);
  for (const col of [3, 4, 5, 6]) ws.getColumn(col).numFmt = '0.00';
  ws.getColumn(2).width = 40;
  ws.getColumn(7).width = 40;
  ws.getColumn(8).width = 40;

  const progress = wb.addWorksheet('Tiến độ');
  progress.addRow(['Theo tiêu chí']).font = { bold: true };
  progress.addRow(['Tiêu chí', 'Số nhiệm vụ', 'Hoàn thành', 'Đang thực hiện', 'Quá hạn']).font = {
    bold: true,
  };
  for (const c of plan.progress.byCriterion)
    progress.addRow([
      c.key ? `${c.key}. ${c.title ?? ''}` : 'Nhiệm vụ chung',
      c.total,
      c.done,
      c.inProgress,
      c.overdue,
    ]);
  progress.addRow([]);
  progress.addRow(['Theo người phụ trách']).font = { bold: true };
  progress.addRow([
    'Người phụ trách',
    'Số nhiệm vụ',
    'Hoàn thành',
    'Đang thực hiện',
    'Quá hạn',
  ]).font = {
    bold: true,
  };
  for (const o of plan.progress.byOfficial)
    progress.addRow([o.name ?? 'Chưa giao', o.total, o.done, o.inProgress, o.overdue]);
  progress.getColumn(1).width = 40;
  return await workbookBytes(wb);
}

export async function supervisionXlsx(s: SupervisionView): Promise<Buffer> {
  const wb = await workbook();
  const ws = wb.addWorksheet('Giám sát');
  ws.addRow([`Giám sát ${s.unit.name}`]).font = { bold: true };
  ws.addRow([
    `Kế hoạch giám sát số ${s.planNumber}${s.planDate ? ` ngày ${date(s.planDate)}` : ''}; thời kỳ ${
      s.periodLabel || `${date(s.periodFrom)} – ${date(s.periodTo)}`
    }`,
  ]);
  ws.addRow([]);
  ws.addRow(['Thành viên đoàn giám sát', 'Chức danh trong đoàn']).font = { bold: true };
  for (const m of s.members) ws.addRow([m.name, m.role]);

  const f = wb.addWorksheet('Kết luận');
  f.addRow([
    'Nhóm',
    'Mục',
    'Nội dung',
    'Điểm tối đa',
    'Tự chấm',
    'Thẩm định',
    'Thiếu',
    'Lý do mất điểm',
    'Vị trí trong báo cáo',
    'Diễn đạt trong thông báo',
  ]).font = { bold: true };
  for (const g of FINDING_GROUPS) {
    for (const x of s.findings.filter((x) => x.group === g))
      f.addRow([
        GROUP_TITLES[g],
        x.code,
        x.title,
        points(x.maxHundredths),
        points(x.selfHundredths),
        points(x.appraisedHundredths),
        points(x.missingHundredths),
        x.reason,
        x.reference,
        x.text,
      ]);
  }
  for (const col of [4, 5, 6, 7]) f.getColumn(col).numFmt = '0.00';
  f.getColumn(1).width = 40;
  f.getColumn(3).width = 40;
  f.getColumn(8).width = 50;

  const r = wb.addWorksheet('Kiến nghị');
  r.addRow(['Đối tượng', 'Kiến nghị']).font = { bold: true };
  for (const x of s.recommendations)
    r.addRow([
      x.audience === 'leadership' ? 'Lãnh đạo Ủy ban nhân dân' : 'Các công chức chuyên môn',
      x.text,
    ]);
  r.getColumn(2).width = 100;
  return await workbookBytes(wb);
}
