/**
 * Drafting the report of a national campaign: 3.321 communes in the annex (about 60 pages), the
 * values written by the domain's draft and the Word file rendered from the shipped template.
 * Timed: draft values + render + zip, as the drafting job does after gathering the results.
 * Target: under 5 seconds. Also prints the PDF conversion time of the same file when LibreOffice
 * is installed (a job step of its own; not part of the target).
 *
 * Run with the others (`npm run bench`) or alone (`npm run bench -- documents`).
 */
import { performance } from 'node:perf_hooks';
import PizZip from 'pizzip';
import { campaignReport, type CampaignReportInput } from '../src/domain/documents/drafts.ts';
import { defaultTemplate } from '../src/server/features/documents/default-templates.ts';
import { docxToPdf, sofficePath } from '../src/server/features/documents/pdf.ts';
import { renderTemplate } from '../src/server/features/documents/render.ts';
import type { BenchModule, BenchResult } from './run.ts';

const UNITS = 3321;
const TARGET_MS = 5000;

function input(): CampaignReportInput {
  const classes = ['Tốt', 'Khá', 'Trung bình', 'Yếu'];
  const annex = Array.from({ length: UNITS }, (_, i) => ({
    rank: i + 1,
    unitName: `Xã Thử Nghiệm Số ${i + 1}`,
    kindName: 'UBND các xã',
    appraisedHundredths: 7000 - Math.floor((i * 3000) / UNITS),
    surveyHundredths: 2500 - (i % 500),
    indexText: `${90 - Math.floor((i * 40) / UNITS)},${String(i % 100).padStart(2, '0')}`,
    classLabel: classes[Math.floor((i * 4) / UNITS)]!,
  }));
  return {
    issuer: { name: 'Bộ Nội vụ', parentName: null },
    date: '2026-03-02',
    signerName: null,
    campaignName: 'Chỉ số CCHC toàn quốc (thử tải)',
    year: 2025,
    kinds: [
      {
        kindName: 'UBND các xã',
        units: UNITS,
        averageHundredths: 5870,
        maxHundredths: 7000,
        best: { name: 'Xã Thử Nghiệm Số 1', hundredths: 7000 },
        classes: classes.map((label) => ({
          label,
          count: Math.round(UNITS / 4),
          shareText: '25,0%',
          unitNames: [],
        })),
        criteria: Array.from({ length: 8 }, (_, i) => ({
          title: `Tiêu chí ${i + 1}`,
          averageHundredths: 800,
          maxHundredths: 1000,
        })),
      },
    ],
    surveyMaxText: '30',
    annex,
  };
}

export const bench: BenchModule = {
  name: `Báo cáo kết quả đợt đánh giá, phụ lục ${UNITS.toLocaleString('vi-VN')} đơn vị (.docx)`,
  async run(): Promise<BenchResult> {
    const template = await defaultTemplate('campaign_report');
    const data = input();
    // Warm-up on a small annex (module loading, JIT), then the timed run.
    renderTemplate(template, campaignReport({ ...data, annex: data.annex.slice(0, 10) }));
    // Three runs; the median is judged (a busy machine makes single runs noisy).
    const times: number[] = [];
    let docx: Buffer = Buffer.alloc(0);
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      docx = renderTemplate(template, campaignReport(data));
      times.push(performance.now() - start);
    }
    const ms = [...times].sort((a, b) => a - b)[1]!;
    const xml = new PizZip(docx).file('word/document.xml')!.asText();
    const rows = (xml.match(/<w:tr[ >]/g) ?? []).length;
    const figures = [
      {
        label: 'Thời gian soạn .docx (trung vị 3 lần)',
        value: `${Math.round(ms).toLocaleString('vi-VN')} ms (${times.map((t) => Math.round(t).toLocaleString('vi-VN')).join(' / ')})`,
      },
      { label: 'Kích thước tệp', value: `${(docx.length / 1024).toFixed(0)} KB` },
      { label: 'Số dòng bảng', value: rows.toLocaleString('vi-VN') },
    ];
    if (sofficePath()) {
      const pdfStart = performance.now();
      try {
        const pdf = await docxToPdf(docx);
        const pdfMs = performance.now() - pdfStart;
        const pages = pdf ? (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length : 0;
        figures.push(
          {
            label: 'Chuyển sang PDF (LibreOffice)',
            value: `${Math.round(pdfMs).toLocaleString('vi-VN')} ms`,
          },
          { label: 'Số trang PDF', value: String(pages) },
        );
      } catch (error) {
        figures.push({
          label: 'Chuyển sang PDF (LibreOffice)',
          value: `lỗi sau ${Math.round(performance.now() - pdfStart).toLocaleString('vi-VN')} ms: ${(error as Error).message.split('\n')[0]}`,
        });
      }
    } else {
      figures.push({ label: 'Chuyển sang PDF', value: 'bỏ qua (chưa cài LibreOffice)' });
    }
    return { figures, target: 'soạn .docx dưới 5 giây', pass: ms < TARGET_MS && rows > UNITS };
  },
};
