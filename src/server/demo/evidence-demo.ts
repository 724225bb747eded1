/**
 * Demo evidence: a file in xã Kim Phượng's library, cited by its 2026 self-assessment, so that a
 * demo user meets the evidence checks. The plan of 1.1.1 is a Word file in the Decree 30 layout,
 * issued on time and of the type asked, but with no digital signature where the sub-criterion asks
 * for a signed plan: the check reads its number, date and signer and finds it unsigned.
 *
 * Files go to the file storage, so this runs after the demo's transaction, once per database.
 */
import { Readable } from 'node:stream';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Actor } from '../../domain/access.ts';
import type { Deps } from '../deps.ts';
import { hasSetting, settingOnce } from '../infra/settings.ts';
import { findGrants } from '../features/auth/repository.ts';
import { findEntry, findParticipants } from '../features/campaigns/repository.ts';
import { saveSelfEntry } from '../features/campaigns/assessment.service.ts';
import { uploadEvidence } from '../features/evidence/service.ts';
import { findCampaignOfUnitCode, findUserId } from './repository.ts';

/** The sub-criterion the demo plan is cited for, and when it was issued. */
export const DEMO_PLAN = {
  code: '1.1.1',
  number: '05/KH-UBND',
  issuedOn: '2026-01-15',
  filename: 'ke-hoach-cchc-2026-kim-phuong.docx',
  summary: 'Kế hoạch cải cách hành chính năm 2026 của UBND xã Kim Phượng',
} as const;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

const line = (text: string, bold = false, italics = false) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text, bold, italics, font: 'Times New Roman', size: 26 })],
  });

const cell = (paragraphs: Paragraph[]) =>
  new TableCell({ children: paragraphs, width: { size: 50, type: WidthType.PERCENTAGE } });

/** The plan as a Word file: header table, type and summary, body, signing block; not signed. */
async function planDocx(): Promise<Buffer> {
  const body = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      children: [new TextRun({ text, font: 'Times New Roman', size: 28 })],
    });
  const doc = new Document({
    sections: [
      {
        children: [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            rows: [
              new TableRow({
                children: [
                  cell([
                    line('ỦY BAN NHÂN DÂN'),
                    line('XÃ KIM PHƯỢNG', true),
                    line(`Số: ${DEMO_PLAN.number}`),
                  ]),
                  cell([
                    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true),
                    line('Độc lập - Tự do - Hạnh phúc', true),
                    line('Kim Phượng, ngày 15 tháng 01 năm 2026', false, true),
                  ]),
                ],
              }),
            ],
          }),
          new Paragraph({ children: [] }),
          line('KẾ HOẠCH', true),
          line('Cải cách hành chính năm 2026', true),
          body(
            'Thực hiện Kế hoạch cải cách hành chính năm 2026 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân xã Kim Phượng ban hành Kế hoạch cải cách hành chính năm 2026 như sau (dữ liệu mẫu).',
          ),
          body('I. MỤC ĐÍCH, YÊU CẦU'),
          body(
            'Triển khai đồng bộ các nhiệm vụ cải cách hành chính trên địa bàn xã sau sắp xếp chính quyền hai cấp.',
          ),
          new Paragraph({ children: [] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            rows: [
              new TableRow({
                children: [
                  cell([
                    new Paragraph({
                      children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true })],
                    }),
                    new Paragraph({ children: [new TextRun('- UBND tỉnh;')] }),
                    new Paragraph({ children: [new TextRun('- Lưu: VT.')] }),
                  ]),
                  cell([
                    line('TM. ỦY BAN NHÂN DÂN', true),
                    line('CHỦ TỊCH', true),
                    new Paragraph({ children: [] }),
                    line('Chủ tịch UBND xã Kim Phượng (demo)', true),
                  ]),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function actorOf(deps: Deps, username: string): Promise<Actor | null> {
  const userId = await findUserId(deps.db, username);
  if (userId === null) return null;
  const grants = await findGrants(deps.db, userId);
  return { userId, username, fullName: username, grants };
}

/**
 * Adds the demo's evidence file and cites it, once per database that holds the demo; later calls
 * do nothing. Returns whether it added it.
 */
export async function loadDemoEvidence(deps: Deps): Promise<boolean> {
  if (!(await hasSetting(deps.db, 'demo_loaded'))) return false;
  if (await hasSetting(deps.db, 'demo_evidence_loaded')) return false;
  const campaign = await findCampaignOfUnitCode(deps.db, 2026, '05551');
  const officer = await actorOf(deps, 'canbo.kimphuong');
  if (!campaign || !officer) return false;
  const participant = (await findParticipants(deps.db, campaign.id)).find(
    (p) => p.unit_code === '05551',
  );
  if (!participant) return false;
  // Run again after a failure, the same file is found in the library (same content) and reused.
  const uploaded = await uploadEvidence(
    deps,
    officer,
    participant.unit_id,
    { filename: DEMO_PLAN.filename, stream: Readable.from([await planDocx()]) },
    async () => ({
      number: DEMO_PLAN.number,
      type: 'plan',
      issuedOn: DEMO_PLAN.issuedOn,
      issuer: 'UBND xã Kim Phượng',
      summary: DEMO_PLAN.summary,
    }),
  );
  const entry = await findEntry(deps.db, participant.id, DEMO_PLAN.code);
  await saveSelfEntry(deps, officer, campaign.id, participant.unit_id, DEMO_PLAN.code, {
    version: entry?.version ?? 0,
    inputs: { issuedOn: DEMO_PLAN.issuedOn },
    explanation: 'Kế hoạch CCHC năm 2026 ban hành ngày 15/01/2026 (dữ liệu mẫu).',
    evidence: [uploaded.document.id],
  });
  await settingOnce(deps.db, 'demo_evidence_loaded', { documentId: uploaded.document.id });
  return true;
}
