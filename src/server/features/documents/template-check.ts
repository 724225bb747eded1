/**
 * The trial of an uploaded Word template, run in a contained worker (see infra/contained.ts): the
 * one file guard (template policy: parts capped in inflated size, no DOCTYPE or entities), then the
 * template's placeholders against its type's, then a render of sample values. A template that
 * passes is safe to render for real; the refusal says why not, naming the part or the tag.
 */
import {
  campaignReport,
  dossierQuarterReport,
  remediationPlan,
  selfAssessmentReport,
  supervisionNotice,
} from '../../../domain/documents/drafts.ts';
import { unknownPlaceholders, type DocumentType } from '../../../domain/documents/templates.ts';
import { AppError } from '../../errors.ts';
import { guardZip } from '../../infra/zip-guard.ts';
import {
  inspectTemplate,
  renderTemplate,
  templateProblemParams,
  TemplateError,
  type TemplateProblem,
} from './render.ts';

/** Sample values for a trial render of an uploaded template (every list has one item). */
function sampleData(type: DocumentType): object {
  const unit = { name: 'Xã Mẫu', parentName: 'Tỉnh Mẫu' };
  const date = '2024-02-05';
  switch (type) {
    case 'self_assessment_report':
      return selfAssessmentReport({
        unit,
        year: 2024,
        date,
        signerName: 'Nguyễn Văn A',
        totalHundredths: 8000,
        maxTotalHundredths: 10000,
        classLabel: 'Tốt',
        rank: 1,
        unitsRanked: 1,
        criteria: [{ code: '1', title: 'Tiêu chí mẫu', score: 800, max: 1000 }],
        lost: [
          { code: '1.1', title: 'Tiêu chí thành phần mẫu', max: 100, final: 0, reason: 'Lý do' },
        ],
        previous: { year: 2023, totalHundredths: 7000, ratioText: '114,3 %' },
        sipas: {
          indexText: '90,00 %',
          fields: [
            {
              label: 'Lĩnh vực mẫu',
              valid: 10,
              cells: [1, 8, 1, 0, 0].map((count) => ({ count, text: `${count * 10},00 %` })),
              satisfiedText: '90,00 %',
            },
          ],
        },
      });
    case 'campaign_report':
      return campaignReport({
        issuer: unit,
        date,
        signerName: null,
        campaignName: 'Đợt mẫu',
        year: 2024,
        kinds: [
          {
            kindName: 'UBND các xã',
            units: 1,
            averageHundredths: 8000,
            maxHundredths: 10000,
            best: { name: 'Xã Mẫu', hundredths: 8000 },
            classes: [{ label: 'Tốt', count: 1, shareText: '100,0%', unitNames: ['Xã Mẫu'] }],
            criteria: [{ title: 'Tiêu chí mẫu', averageHundredths: 800, maxHundredths: 1000 }],
          },
        ],
        surveyMaxText: '30',
        annex: [
          {
            rank: 1,
            unitName: 'Xã Mẫu',
            kindName: 'UBND các xã',
            appraisedHundredths: 6000,
            surveyHundredths: 2000,
            indexText: '80,00',
            classLabel: 'Tốt',
          },
        ],
      });
    case 'remediation_plan':
      return remediationPlan({
        unit,
        date,
        year: 2024,
        number: '',
        place: '',
        bases: ['Căn cứ mẫu;'],
        purposes: ['Mục đích mẫu.'],
        requirements: ['Yêu cầu mẫu.'],
        goals: ['Chỉ số hài lòng đạt từ 85 % trở lên.'],
        organisation: ['Tổ chức thực hiện mẫu.'],
        recipients: [],
        signerTitle: '',
        signerName: 'Nguyễn Văn A',
        source: null,
        criteria: [{ code: '1', title: 'Tiêu chí mẫu' }],
        items: [
          { id: 1, code: '1.1', title: 'Mẫu', pointsText: 'Điểm tối đa 1 điểm', reason: 'Lý do' },
        ],
        tasks: [
          {
            itemCode: '1.1',
            content: 'Việc mẫu',
            output: 'Sản phẩm mẫu',
            responsible: 'Nguyễn Văn B',
            deadline: '2024-06-30',
            targetText: '85 %',
          },
          {
            itemCode: null,
            content: 'Việc chung',
            output: 'Báo cáo',
            responsible: 'Nguyễn Văn B',
            deadline: null,
            targetText: null,
          },
        ],
      });
    case 'supervision_notice':
      return supervisionNotice({
        council: unit,
        supervised: 'UBND xã Mẫu',
        date,
        number: '',
        place: '',
        title: '',
        planNumber: '01/KH-HĐND',
        planDate: '2024-01-02',
        meetingDate: '2024-01-15',
        periodLabel: '06 tháng đầu năm 2024',
        members: [{ name: 'Ông A', role: 'Trưởng đoàn' }],
        reports: ['Báo cáo số 1/BC-UBND'],
        background: ['Khái quát.'],
        strengths: ['Ưu điểm.'],
        limitations: ['Hạn chế.'],
        groups: [{ title: 'Nhóm mẫu', findings: ['Mục 1.1: Mẫu'] }],
        leadership: ['Kiến nghị.'],
        officers: ['Kiến nghị.'],
        recipients: [],
        signerTitle: '',
        signerName: null,
      });
    case 'dossier_quarter_report':
      return dossierQuarterReport({
        issuer: unit,
        date,
        signerName: null,
        period: '2024-Q1',
        levels: [{ levelName: 'Cấp xã', units: 1, scored: 1, summary: '01 đơn vị đạt loại Tốt' }],
        rates: [{ label: 'Hồ sơ đúng hạn', text: '100 %', targetText: '100 %' }],
        annex: [{ unitName: 'Xã Mẫu', dossiers: 10, totalText: '17/18', classLabel: 'Tốt' }],
        officials: [{ name: 'Nguyễn Văn B', unitName: 'Xã Mẫu', totalText: '17/18' }],
      });
  }
}

/** What the catalogue says about a problem found in a template. */
function templateRefusal(problems: TemplateProblem[]): AppError {
  const first = problems[0];
  if (first?.id === 'not_docx') return new AppError('unsupported', 'document_template_not_docx');
  return new AppError('invalid', 'document_template_broken', templateProblemParams(problems));
}

/** Guards and trial-renders a template; resolves to null or throws the refusal. */
export async function trialRender(data: Uint8Array, type: DocumentType): Promise<null> {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  await guardZip(buffer, 'template', 'docx');
  try {
    const unknown = unknownPlaceholders(type, inspectTemplate(buffer));
    if (unknown.length > 0) {
      throw new AppError('invalid', 'document_template_unknown_placeholder', {
        names: unknown
          .map((u) => (u.within.length > 0 ? `${u.within.join(' › ')} › ${u.name}` : u.name))
          .map((n) => `{${n}}`)
          .join(', '),
      });
    }
    renderTemplate(buffer, sampleData(type));
  } catch (error) {
    if (error instanceof TemplateError) throw templateRefusal(error.problems);
    throw error;
  }
  return null;
}
