/**
 * Demo remediation plan and supervision, written through the repositories:
 * - xã Kim Phượng's 2023 plan from the 2022 results of xã Quy Kỳ (merged into Kim Phượng in
 *   2025): every criterion that lost points with seed 000's list of sub-criteria scored 0 as the
 *   reason, the document's text after seed 001, and tasks for the two demo accounts of the unit
 *   with the measurable targets seed 001 sets (85 % satisfaction, 30 % online payment, 100 % on
 *   time).
 * - the People's Council supervision of xã Phượng Tiến in 2023 (seed 002): plan 04/KH-HĐND of
 *   01/8/2023, its four members, the period "08 tháng đầu năm 2023", every finding in the notice's
 *   three groups with the points it quotes, and the recommendations.
 */
import { planItemsFrom } from '../../domain/remediation/plan.ts';
import type { FindingGroup } from '../../domain/remediation/supervision.ts';
import type { Queryable } from '../infra/db.ts';
import { appendAuditEntry } from '../features/audit/repository.ts';
import * as repo from '../features/remediation/repository.ts';
import {
  planDocumentInput as planDocument,
  supervisionDocumentInput as supervisionDocument,
} from '../../shared/contract/remediation.ts';
import {
  findCampaignOfUnitCode,
  findStoredResult,
  findUnitByCode,
  findUserId,
} from './repository.ts';

/** Seed 000: the sub-criteria of xã Quy Kỳ scored 0 in 2022, per criterion. */
export const SEED_000_ZERO_POINTS: Record<string, string[]> = {
  '1': [
    'Thời điểm ban hành kế hoạch, bổ sung nội dung văn bản: ký số lại không đúng với ngày ban hành văn bản',
    'Tổ chức kiểm tra, tự kiểm tra CCHC trong năm, không có thông báo kết quả',
    'Xử lý các vấn đề sau kiểm tra CCHC (tự kiểm tra): không có báo cáo',
    'Sáng kiến, giải pháp trong công tác CCHC',
    'Người đứng đầu chính quyền trực tiếp phụ trách CCHC: văn bản chưa thể hiện Chủ tịch UBND xã phụ trách',
  ],
  '2': [
    'Công khai văn bản quy phạm pháp luật theo quy định',
    'Báo cáo kết quả theo dõi thi hành pháp luật',
  ],
  '3': [
    'Thực hiện kế hoạch',
    'Quy chế hoạt động ban hành năm 2019',
    'Diện tích phòng làm việc một cửa',
    'Trang thiết bị một cửa',
    'Đăng tải TTHC trên trang thông tin điện tử của địa phương',
    'Công khai danh sách cán bộ, công chức, viên chức làm việc tại bộ phận một cửa',
    'Công khai tại bộ phận một cửa',
    'Công khai trên trang thông tin điện tử',
    'Hướng dẫn công khai thực hiện bằng phiếu TTHC',
    'Xây dựng và niêm yết bộ hồ sơ mẫu tại bộ phận một cửa',
    'Xây dựng và đăng tải video hướng dẫn thực hiện TTHC trên trang thông tin điện tử hoặc công khai tại bộ phận một cửa',
    'Phân công lãnh đạo trực tại bộ phận một cửa để ký văn bản, giấy tờ phục vụ cá nhân, tổ chức',
    'Thủ tục hành chính công an, quân sự',
    'TTHC theo Quyết định số 1291/QĐ-TTg của Thủ tướng Chính phủ (công an, quân sự)',
    'Thực hiện liên thông lĩnh vực đất đai',
    'Thực hiện liên thông TTHC về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    'Liên thông TTHC đăng ký khai tử, xoá thường trú, hưởng chế độ tử tuất, hỗ trợ mai táng phí',
    'Tạo tài khoản cho cá nhân trên cổng dịch vụ công quốc gia',
    'Công khai địa chỉ tiếp nhận phản ánh, kiến nghị',
    'Công khai kết quả giải quyết hồ sơ TTHC trên cổng dịch vụ công trực tuyến của tỉnh',
    'Đổi mới cơ chế một cửa, liên thông',
    'Thực hiện đánh giá kết quả giải quyết TTHC',
  ],
  '4': [
    'Hoạt động của UBND cấp xã',
    'Giải quyết ý kiến, kiến nghị, phản ánh của người dân',
    'Nơi tiếp công dân',
    'Tiếp nhận, giải quyết đơn khiếu nại, tố cáo',
    'Hình thức nhân dân bàn và biểu quyết để cấp có thẩm quyền quyết định',
    'Nội dung nhân dân tham gia ý kiến',
    'Kiến nghị sau giám sát của Ban thanh tra nhân dân',
    'Kiến nghị sau giám sát của Ban giám sát cộng đồng',
  ],
  '6': [
    'Thực hiện đúng quy định về định mức sử dụng trang thiết bị, tài sản công',
    'Quy chế chi tiêu nội bộ',
    'Thực hiện khoán biên chế, kinh phí',
  ],
  '7': [
    'Gắn kết, lồng ghép chuyển đổi số, xây dựng chính quyền số với phong trào thi đua, khen thưởng điển hình tiên tiến về chuyển đổi số',
    'Bố trí công chức chuyên môn phụ trách chuyển đổi số',
    'Chữ ký điện tử, chữ ký số',
    'Cung cấp dịch vụ công trực tuyến',
  ],
};

/** Seed 000's "các giải pháp thực hiện" for the criteria the demo plan has no task for. */
const SEED_000_SOLUTIONS: [code: string, content: string, output: string, post: string][] = [
  [
    '2',
    'Tổ chức thực hiện rà soát văn bản quy phạm pháp luật; công khai văn bản QPPL theo quy định.',
    'Kế hoạch rà soát; văn bản QPPL được công khai',
    'Công chức Tư pháp – Hộ tịch',
  ],
  [
    '4',
    'Bố trí nơi tiếp công dân theo quy định; tổ chức tiếp công dân của người đứng đầu chính quyền cơ sở.',
    'Nơi tiếp công dân; lịch tiếp công dân của Chủ tịch UBND xã',
    'Công chức Văn phòng – Thống kê',
  ],
  [
    '5',
    'Đánh giá, xếp loại cán bộ, công chức trên cơ sở kết quả công việc được giao.',
    'Kết quả đánh giá, xếp loại cán bộ, công chức',
    'Công chức Văn phòng – Thống kê',
  ],
  [
    '6',
    'Thực hiện đúng quy định về định mức sử dụng trang thiết bị, tài sản công; thực hiện khoán biên chế, kinh phí.',
    'Quy chế chi tiêu nội bộ; báo cáo khoán biên chế, kinh phí',
    'Công chức Tài chính – Kế toán',
  ],
  [
    '7',
    'Thành lập Ban chỉ đạo, Tổ, bộ phận về chuyển đổi số; bố trí công chức chuyên môn phụ trách chuyển đổi số.',
    'Quyết định thành lập; văn bản phân công phụ trách chuyển đổi số',
    'Công chức Văn hóa – Xã hội',
  ],
  [
    '8',
    'Thực hiện thu ngân sách hàng năm của địa phương theo kế hoạch được giao.',
    'Báo cáo kết quả thu ngân sách năm',
    'Công chức Tài chính – Kế toán',
  ],
];

interface SeedFinding {
  group: FindingGroup;
  code: string;
  title: string;
  max?: number;
  self?: number;
  appraised?: number;
  reason: string;
  reference?: string;
}

/** Seed 002's findings, in the notice's order and wording. */
export const SEED_002_FINDINGS: SeedFinding[] = [
  {
    group: 'check_with_upper',
    code: '2.2',
    title: 'Rà soát và xử lý văn bản sau rà soát',
    max: 150,
    appraised: 100,
    reason:
      'Có kế hoạch rà soát văn bản QPPL nhưng trong năm HĐND, UBND không ban hành văn bản QPPL nên không có văn bản để rà soát và không có báo cáo.',
    reference: 'Tại trang 6, tiêu chí 2 (Xây dựng và tổ chức thi hành pháp luật)',
  },
  {
    group: 'check_with_upper',
    code: '1.4',
    title: 'Tuyên truyền CCHC',
    reason: 'Không tổ chức được cuộc thi tìm hiểu CCHC.',
    reference: 'Tại trang 6, tiêu chí 1 (Công tác chỉ đạo điều hành)',
  },
  {
    group: 'check_with_upper',
    code: '2.3',
    title: 'Công tác tuyên truyền, phổ biến, giáo dục pháp luật',
    max: 200,
    self: 200,
    appraised: 150,
    reason:
      'Không có văn bản QPPL, chỉ có văn bản hành chính thông thường nên việc công khai văn bản QPPL trên trang thông tin điện tử của xã còn ít.',
    reference: 'Tại trang 7, tiêu chí 2 (Xây dựng và tổ chức thi hành pháp luật)',
  },
  {
    group: 'check_with_upper',
    code: '7.2',
    title: 'Xây dựng Chương trình, kế hoạch chuyển đổi số',
    max: 150,
    self: 50,
    appraised: 50,
    reason: 'Do không có nhiệm vụ chuyển đổi số được phê duyệt.',
    reference: 'Tại trang 8, tiêu chí 7 (Xây dựng chính quyền điện tử, chính quyền số)',
  },
  {
    group: 'fix_now',
    code: '1.3',
    title: 'Kiểm tra, giám sát công tác CCHC',
    reason: 'Không có kế hoạch tự kiểm tra CCHC và không xử lý các vấn đề sau kiểm tra.',
  },
  {
    group: 'fix_now',
    code: '1.5',
    title: 'Sáng kiến, giải pháp trong công tác CCHC',
    reason: 'Không có sáng kiến CCHC.',
  },
  {
    group: 'fix_now',
    code: '2.4',
    title: 'Thực hiện các hoạt động theo dõi thi hành pháp luật',
    reason: 'Minh chứng không phù hợp.',
  },
  {
    group: 'fix_now',
    code: '3.1',
    title: 'Công tác kiểm soát thủ tục hành chính',
    reason:
      'Kế hoạch kí số không đúng quy định, lãnh đạo không thực hiện ký số và phần kiến nghị sau rà soát TTHC không phù hợp, không chỉ rõ cắt giảm thời gian, hồ sơ giấy tờ gì.',
  },
  {
    group: 'fix_now',
    code: '3.2',
    title: 'Thực hiện cơ chế một cửa, một cửa liên thông',
    reason:
      'Thiếu trang thiết bị làm việc, diện tích phòng làm việc không đảm bảo quy định, tài liệu minh chứng không đúng với tiêu chí, không có hồ sơ mẫu niêm yết tại một cửa...',
  },
  {
    group: 'fix_now',
    code: '4.1',
    title: 'Thực hiện chức năng, nhiệm vụ của HĐND cấp xã',
    reason: 'Thiếu biên bản các kỳ họp.',
  },
  {
    group: 'fix_now',
    code: '4.2',
    title: 'Thực hiện chức năng, nhiệm vụ của UBND cấp xã',
    reason:
      'Tài liệu minh chứng chưa phù hợp, thiếu kết quả hội nghị tiếp xúc cử tri, đối thoại trực tiếp với người dân và tiếp thu, giải trình các ý kiến, kiến nghị của cử tri.',
  },
  {
    group: 'fix_now',
    code: '4.3',
    title: 'Thực hiện dân chủ cơ sở',
    reason: 'Thiếu tài liệu kiểm chứng những nội dung công khai để nhân dân biết...',
  },
  {
    group: 'fix_now',
    code: '5.3',
    title: 'Bí thư Đảng ủy kiêm chủ tịch HĐND hoặc chủ tịch UBND',
    reason: 'Thiếu minh chứng Bí thư Đảng ủy kiêm chủ tịch UBND.',
  },
  {
    group: 'fix_now',
    code: '5.4',
    title: 'Đánh giá cán bộ công chức trên cơ sở kết quả công việc',
    reason: 'Thiếu tài liệu minh chứng.',
  },
  {
    group: 'fix_now',
    code: '8.3',
    title: 'Về kết cấu hạ tầng',
    reason:
      'Tài liệu minh chứng không đảm bảo, báo cáo minh chứng hoàn thành các tiêu chí NTM không ký số...',
  },
  {
    group: 'improve_gradually',
    code: '1.1',
    title: 'Xây dựng và tổ chức thực hiện kế hoạch CCHC',
    reason: 'Mất 0,5 điểm vì thiếu trang thiết bị, phương tiện kỹ thuật để làm việc.',
  },
  {
    group: 'improve_gradually',
    code: '2.6',
    title: 'Thực hiện công tác hòa giải ở địa phương',
    reason: 'Tỷ lệ hòa giải thành đạt từ 70% đến dưới 80%.',
  },
  {
    group: 'improve_gradually',
    code: '5.1',
    title: 'Chất lượng của cán bộ cấp xã',
    reason: 'Do chưa đạt 100% cán bộ chủ chốt của xã có trình độ chuyên môn từ đại học trở lên.',
  },
  {
    group: 'improve_gradually',
    code: '5.2',
    title: 'Chất lượng của công chức cấp xã',
    reason: 'Mới chỉ có 6/9 công chức có trình độ Đại học, đạt 66,7%.',
  },
  {
    group: 'improve_gradually',
    code: '7.4',
    title: 'Hoạt động của chính quyền điện tử, chính quyền số',
    reason:
      'Tỷ lệ cán bộ, công chức sử dụng thư điện tử trong thực thi công vụ còn thấp, văn bản ký chưa đúng ngày ban hành, việc cung cấp dịch vụ công trực tuyến, tỷ lệ dịch vụ công đủ điều kiện cung cấp ở mức độ 4 còn thiếu báo cáo tự đánh giá, tiếp nhận và trả kết quả giải quyết TTHC qua dịch vụ BCCI, tỷ lệ hồ sơ tiếp nhận qua dịch vụ bưu chính công ích, tỷ lệ hồ sơ trả kết quả qua dịch vụ bưu chính không có tài liệu minh chứng.',
  },
  {
    group: 'improve_gradually',
    code: '8.1',
    title: 'Phát triển kinh tế - xã hội',
    reason: 'Thu ngân sách hàng năm của địa phương theo kế hoạch được giao không đạt.',
  },
  {
    group: 'improve_gradually',
    code: '8.5',
    title: 'Về môi trường',
    reason: 'Tình trạng vi phạm luật đất đai vẫn xảy ra.',
  },
  {
    group: 'improve_gradually',
    code: '8.4',
    title: 'Về giáo dục, y tế, văn hóa - xã hội',
    reason:
      'Do tỷ lệ người dân tham gia bảo hiểm y tế chỉ đạt dưới 85%, tiêm phòng cho trẻ không đạt 100% và không có tài liệu minh chứng.',
  },
];

const SEED_002_RECOMMENDATIONS: { audience: 'leadership' | 'officers'; text: string }[] = [
  {
    audience: 'leadership',
    text: 'Đề nghị UBND kiểm tra, xem xét lại tất cả các tiêu chí có số điểm còn đạt thấp và việc lập hồ sơ minh chứng để làm cơ sở đảm bảo cho việc chấm điểm được đầy đủ nhất. Thường xuyên kiểm tra, nhắc nhở chuyên môn hoàn chỉnh một số nội dung còn thiếu, cập nhật các quy định, hướng dẫn mới để kịp thời bổ sung, công khai, niêm yết và lưu trữ hồ sơ đầy đủ theo quy định.',
  },
  {
    audience: 'leadership',
    text: 'Tiếp tục nâng cao chất lượng giải quyết thủ tục hành chính phục vụ người dân, cơ quan, tổ chức tại bộ phận tiếp nhận và trả kết quả thuộc UBND xã, nâng cao chất lượng cung cấp dịch vụ công trực tuyến mức độ 3, mức độ 4.',
  },
  {
    audience: 'leadership',
    text: 'Người đứng đầu, lãnh đạo cơ quan cần tiếp tục nêu cao tinh thần, trách nhiệm hơn nữa, gương mẫu, đổi mới, nâng cao hiệu lực, hiệu quả quản lý điều hành thực hiện nhiệm vụ được giao. Tăng cường kỷ luật, kỷ cương hành chính, nâng cao chất lượng, năng lực, đạo đức công vụ của đội ngũ cán bộ, công chức, viên chức. Quyết liệt trong chỉ đạo, điều hành thực hiện cải cách hành chính, nhất là giải quyết các thủ tục hành chính gắn với chuyển đổi số, cung cấp dịch vụ công trực tuyến, tạo điều kiện có lợi cho người dân. Thường kỳ tổ chức họp đánh giá, rút kinh nghiệm, nhận xét, chấn chỉnh đúng người, đúng việc và kết quả công việc của cán bộ, công chức.',
  },
  {
    audience: 'leadership',
    text: 'Tham mưu, chủ động bố trí kinh phí, từng bước đầu tư trang thiết bị phục vụ cho hoạt động cải cách hành chính: Hệ thống máy tính, phần mềm, phòng làm việc...',
  },
  {
    audience: 'leadership',
    text: 'Tiếp tục chỉ đạo thực hiện nhiệm vụ CCHC, đảm bảo đúng yêu cầu, mục tiêu đề ra, tăng cường công tác kiểm tra, tự kiểm tra. Những vấn đề được phát hiện và chỉ ra qua kiểm tra, giám sát cần phải được xử lý, giải quyết kịp thời, đúng quy định.',
  },
  {
    audience: 'officers',
    text: 'Chủ động tham mưu, đề xuất giải quyết công việc với lãnh đạo về lĩnh vực được phụ trách một cách có hiệu quả. Nâng cao tinh thần, trách nhiệm, tích cực chủ động phối hợp chặt chẽ với các cơ quan chuyên môn cấp trên và chuyên môn cùng cấp để cập nhật các vấn đề mới, đồng thời phối hợp triển khai thực hiện một cách đồng bộ.',
  },
  {
    audience: 'officers',
    text: 'Thực hiện tốt hơn nữa công tác thông tin, tuyên truyền về chủ trương của Đảng, chính sách pháp luật của Nhà nước, các quy định, hướng dẫn của ngành.',
  },
  {
    audience: 'officers',
    text: 'Nắm chắc và thực hiện tốt chuyên môn, giải quyết từng việc cụ thể, thường xuyên tự kiểm tra, kịp thời khắc phục những sai sót, hạn chế trong quá trình thực thi nhiệm vụ. Trong quá trình thực hiện các thủ tục hành chính phải đảm bảo công khai, minh bạch, tạo điều kiện thuận lợi cho tổ chức, cá nhân, doanh nghiệp thực hiện các dịch vụ công cần thiết.',
  },
  {
    audience: 'officers',
    text: 'Thể hiện rõ vai trò của mình và hoàn thành tốt nhiệm vụ của mình, nâng cao ý thức, trách nhiệm phục vụ nhân dân. Trong giao tiếp, ứng xử với Nhân dân phải luôn thể hiện tinh thần trách nhiệm cao, không thờ ơ, lơ là trước những yêu cầu, bức xúc của Nhân dân.',
  },
  {
    audience: 'officers',
    text: 'Đảm bảo giải quyết các thủ tục đúng quy trình, lịch hẹn theo quy định, lắng nghe ý kiến góp ý của người dân về thái độ phục vụ để điều chỉnh kịp thời. Thường xuyên rèn luyện kỹ năng, đạo đức công vụ, đổi mới phương thức làm việc và sáng tạo, linh hoạt trong công việc.',
  },
];

/** Adds the demo plan and supervision (in the caller's transaction). */
export async function loadRemediationDemo(tx: Queryable, now: Date): Promise<void> {
  // Thái Nguyên's 2022 campaign: the one xã Quy Kỳ (05545) took part in.
  const campaign = await findCampaignOfUnitCode(tx, 2022, '05545');
  const unitByCode = (code: string, current: boolean) => findUnitByCode(tx, code, current);
  const kimPhuong = await unitByCode('05551', true);
  const quyKy = await unitByCode('05545', false);
  const phuongTien = await unitByCode('05563', true);
  const phuongTienOld = await unitByCode('05566', false);
  const user = (username: string) => findUserId(tx, username);
  const head = await user('chutich.kimphuong');
  const officer = await user('canbo.kimphuong');
  const council = await user('hdnd.phuongtien');
  if (!campaign || !kimPhuong || !quyKy || !phuongTien || !phuongTienOld) return;

  // ---- Kim Phượng's 2023 plan from Quy Kỳ's 2022 results.
  const result = await findStoredResult<{
    appraised_hundredths: number;
    max_appraised_hundredths: number;
    survey_hundredths: number | null;
    max_survey_hundredths: number | null;
    index_hundredths: number | null;
    class_label: string | null;
    rank: number | null;
    units_ranked: number;
    criteria: { code: string; title: string; score: number; max: number }[];
  }>(tx, campaign.id, quyKy.id);
  if (result) {
    const planId = await repo.insertPlan(
      tx,
      {
        unitId: kimPhuong.id,
        year: 2023,
        title:
          'Kế hoạch triển khai thực hiện các giải pháp khắc phục những hạn chế, thiếu sót cải thiện chỉ số cải cách hành chính và nâng cao chỉ số mức độ hài lòng của tổ chức, cá nhân đối với sự phục vụ của cơ quan hành chính nhà nước năm 2023',
        sourceCampaignId: campaign.id,
        sourceUnitId: quyKy.id,
        baseline: {
          campaignName: campaign.name,
          campaignYear: campaign.year,
          sourceUnitName: quyKy.name,
          appraisedHundredths: result.appraised_hundredths,
          maxAppraisedHundredths: result.max_appraised_hundredths,
          surveyHundredths: result.survey_hundredths,
          maxSurveyHundredths: result.max_survey_hundredths,
          indexHundredths: result.index_hundredths,
          classLabel: result.class_label,
          rank: result.rank,
          unitsRanked: result.units_ranked,
        },
        document: planDocument.parse({
          number: '',
          place: 'Kim Phượng',
          issuedOn: '2023-04-10',
          bases: [
            'Căn cứ kết quả Chỉ số cải cách hành chính năm 2022 của UBND xã Quy Kỳ do UBND tỉnh Thái Nguyên công bố;',
            'Căn cứ Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số CCHC năm 2022 của UBND xã Quy Kỳ;',
          ],
          purposes: [
            'Nhằm phát huy những kết quả đã đạt được, khắc phục những hạn chế, thiếu sót trong công tác cải cách hành chính năm 2022; tiếp tục thực hiện các biện pháp góp phần cải thiện chất lượng phục vụ, nâng cao mức độ hài lòng của người dân, tổ chức, doanh nghiệp trong năm 2023 và các năm tiếp theo.',
            'Nâng cao trách nhiệm của Chủ tịch UBND xã và từng cán bộ, công chức, nỗ lực cải thiện chỉ số xếp hạng cải cách hành chính của xã năm 2023.',
          ],
          requirements: [
            'Các công chức chuyên môn được giao chủ trì nhiệm vụ cải cách hành chính của xã trên từng lĩnh vực là đầu mối tham mưu triển khai, theo dõi, đôn đốc và đánh giá kết quả thực hiện thường xuyên, liên tục.',
            'Xác định cụ thể các nội dung công việc, sản phẩm đầu ra, thời gian hoàn thành và trách nhiệm của từng cán bộ, công chức trong việc triển khai thực hiện các nhiệm vụ được giao.',
          ],
          goals: [
            'Chỉ số đo lường mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước năm 2023 đạt từ 85% trở lên.',
            'Tỷ lệ giao dịch thanh toán trực tuyến đạt từ 30%; 100% hồ sơ tiếp nhận và giải quyết trong năm đúng và sớm hạn.',
            'Cải thiện chỉ số xếp hạng cải cách hành chính của xã năm 2023 lên mức Tốt.',
          ],
          organisation: [
            'Các cán bộ, công chức triển khai thực hiện nhiệm vụ, giải pháp tại Kế hoạch này đến lĩnh vực mình phân công.',
            'Giao Công chức Văn phòng – Thống kê phụ trách cải cách hành chính xã: tham mưu theo dõi, đôn đốc, nhắc nhở, đánh giá việc triển khai thực hiện các nhiệm vụ được giao của các cán bộ, công chức.',
          ],
          recipients: [
            'Phòng Nội vụ huyện (b/c)',
            'TT Đảng ủy, HĐND xã (b/c)',
            'Chủ tịch, Phó Chủ tịch UBND xã',
            'Mặt trận, các đoàn thể',
            'Các công chức',
            'Trang thông tin điện tử xã',
            'Lưu: VT, VP',
          ],
          signerTitle: 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH',
          // Illustrative: seed 001's signer is the chairman of xã Đại Lãnh, not of Kim Phượng.
          signerName: 'Nguyễn Văn Hùng',
        }),
      },
      head,
      now,
    );
    const items = planItemsFrom(
      result.criteria.map((c) => ({
        code: c.code,
        title: c.title,
        max: c.max,
        self: c.score,
        appraised: c.score,
        lost: c.max - c.score,
        reason: SEED_000_ZERO_POINTS[c.code]
          ? `Các tiêu chí thành phần đạt 0 điểm: ${SEED_000_ZERO_POINTS[c.code]!.join('; ')}.`
          : null,
        round1Reason: null,
      })),
    );
    await repo.insertItems(
      tx,
      planId,
      items.map((i, position) => ({
        code: i.code,
        title: i.title,
        max_hundredths: i.max,
        self_hundredths: i.self,
        appraised_hundredths: i.appraised,
        lost_hundredths: i.lost,
        reason: i.reason,
        round1_reason: null,
        position,
      })),
    );
    const itemId = new Map((await repo.listItems(tx, planId)).map((i) => [i.code, i.id]));
    const tasks: (repo.TaskFields & { status?: string; note?: string })[] = [
      {
        itemId: itemId.get('3') ?? null,
        findingId: null,
        content:
          'Rà soát danh mục TTHC cho phép nộp hồ sơ trực tuyến, thanh toán trực tuyến; tuyên truyền, hướng dẫn người dân nộp hồ sơ và thanh toán trực tuyến.',
        output: 'Báo cáo kết quả rà soát; tỷ lệ giao dịch thanh toán trực tuyến đạt từ 30%',
        responsibleUserId: officer,
        responsibleLabel: 'Công chức Văn phòng – Thống kê',
        deadline: '2023-12-31',
        targetMetric: 'dossier_online_payment',
        targetPercent: 3000,
        status: 'in_progress',
        note: 'Đã niêm yết hướng dẫn thanh toán trực tuyến tại bộ phận một cửa.',
      },
      {
        itemId: itemId.get('3') ?? null,
        findingId: null,
        content:
          'Xây dựng và niêm yết bộ hồ sơ mẫu, công khai danh sách cán bộ, công chức làm việc tại bộ phận một cửa.',
        output: 'Bộ hồ sơ mẫu niêm yết tại bộ phận một cửa; ảnh chụp niêm yết',
        responsibleUserId: officer,
        responsibleLabel: 'Công chức Văn phòng – Thống kê',
        deadline: '2023-06-30',
        targetMetric: null,
        targetPercent: null,
      },
      {
        itemId: itemId.get('3') ?? null,
        findingId: null,
        content:
          'Phấn đấu 100% hồ sơ tiếp nhận và giải quyết trong năm đúng và sớm hạn; rà soát nguyên nhân hồ sơ trễ hạn.',
        output: 'Tỷ lệ hồ sơ giải quyết đúng và trước hạn 100%',
        responsibleUserId: officer,
        responsibleLabel: 'Công chức Văn phòng – Thống kê',
        deadline: '2023-12-31',
        targetMetric: 'dossier_on_time',
        targetPercent: 10_000,
      },
      {
        itemId: itemId.get('1') ?? null,
        findingId: null,
        content: 'Ban hành kế hoạch tự kiểm tra CCHC năm 2023 và thông báo kết quả tự kiểm tra.',
        output: 'Kế hoạch tự kiểm tra; thông báo kết quả; báo cáo xử lý sau kiểm tra',
        responsibleUserId: head,
        responsibleLabel: 'Chủ tịch UBND xã',
        deadline: '2023-05-31',
        targetMetric: null,
        targetPercent: null,
      },
      // Seed 000's solutions per criterion, one task for each criterion that lost points and had
      // none above (by post, no account: the commune has no demo account for these officials).
      ...SEED_000_SOLUTIONS.map(([code, content, output, post]) => ({
        itemId: itemId.get(code) ?? null,
        findingId: null,
        content,
        output,
        responsibleUserId: null,
        responsibleLabel: post,
        deadline: '2023-12-31',
        targetMetric: null,
        targetPercent: null,
      })),
      {
        itemId: null,
        findingId: null,
        content:
          'Phân tích kết quả khảo sát mức độ hài lòng năm 2022, chấn chỉnh thái độ phục vụ, cải thiện điều kiện đón tiếp tại bộ phận một cửa.',
        output: 'Chỉ số hài lòng của người dân năm 2023 đạt từ 85% trở lên',
        responsibleUserId: officer,
        responsibleLabel: 'Công chức Văn phòng – Thống kê',
        deadline: '2023-12-31',
        targetMetric: 'sipas_satisfaction',
        targetPercent: 8500,
      },
    ];
    for (const t of tasks) {
      const id = await repo.insertTask(tx, planId, t, head, now);
      if (t.status)
        await repo.updateProgress(
          tx,
          id,
          1,
          {
            status: t.status,
            progressNote: t.note ?? '',
            currentPercent: null,
            evidence: [],
            completedAt: null,
          },
          officer ?? head ?? 0,
          now,
        );
    }
  }

  // ---- The People's Council supervision of Phượng Tiến, 2023 (seed 002).
  const supervisionId = await repo.insertSupervision(
    tx,
    phuongTien.id,
    {
      planNumber: '04/KH-HĐND',
      planDate: '2023-08-01',
      periodFrom: '2023-01-01',
      periodTo: '2023-08-31',
      periodLabel: '08 tháng đầu năm 2023',
      members: [
        { name: 'Trần Tiến Lâm', position: 'Chủ tịch HĐND xã', role: 'Trưởng đoàn' },
        { name: 'Lương Anh Nghiêm', position: 'Phó Chủ tịch HĐND xã', role: 'Phó đoàn' },
        {
          name: 'Ma Văn Quyết',
          position: 'Phó Bí thư Thường trực Đảng ủy xã, đại biểu HĐND',
          role: 'Thành viên',
        },
        { name: 'Hoàng Thị Tuyên', position: 'Chủ tịch UBMTTQ xã', role: 'Thành viên' },
      ],
      sourceCampaignId: campaign.id,
      sourceUnitId: phuongTienOld.id,
      recommendations: SEED_002_RECOMMENDATIONS,
      document: supervisionDocument.parse({
        body: 'HỘI ĐỒNG NHÂN DÂN XÃ PHƯỢNG TIẾN',
        noticeNumber: '/TB-HĐND',
        noticeDate: '2023-09-15',
        place: 'Phượng Tiến',
        title:
          'Kết luận của Thường trực HĐND về kết quả giám sát việc thực hiện công tác cải cách hành chính 08 tháng đầu năm 2023, phân tích làm rõ nguyên nhân, xác định trách nhiệm và kết quả khắc phục những thiếu sót, hạn chế, tồn tại trong thực hiện công tác cải cách hành chính năm 2022',
        meetingDate: '2023-09-15',
        reports: [
          'Báo cáo số 111/BC-UBND ngày 29/8/2023 của UBND xã',
          'Báo cáo số 87/BC-UBND ngày 12/7/2023 của UBND xã về phân tích, đánh giá kết quả công bố chỉ số CCHC năm 2022',
        ],
        background: [
          'Năm 2022 và nửa đầu năm 2023 là thời gian địa phương tiếp tục thực hiện các nhiệm vụ chính trị, phát triển kinh tế xã hội được triển khai theo kế hoạch giai đoạn và kế hoạch năm, củng cố và từng bước nâng cao các tiêu chí nông thôn mới.',
        ],
        strengths: [
          'Công tác chỉ đạo, điều hành thực hiện công tác cải cách hành chính được triển khai đồng bộ, có phân công cụ thể cho từng người, từng bộ phận thực hiện.',
          'Có ban hành kế hoạch, xây dựng chương trình công tác trên cơ sở các văn bản hướng dẫn và quy định của cấp trên, phù hợp với tình hình và nhiệm vụ thực tế của địa phương.',
          'Ủy ban Nhân dân xã đã đề ra phương hướng và biện pháp khắc phục những hạn chế, tồn tại trong thực hiện công tác cải cách hành chính năm 2022.',
        ],
        limitations: [
          'Cần tiếp tục tăng cường hơn nữa trong công tác chỉ đạo, điều hành thực hiện công tác cải cách hành chính; thực hiện nghiêm túc quy chế làm việc của cơ quan.',
          'Thực hiện đầy đủ, kịp thời việc niêm yết công khai các thủ tục hành chính tại bộ phận một cửa; thực hiện tốt cơ chế một cửa, một cửa liên thông trên cổng dịch vụ công.',
          'Cần cập nhật, bổ sung kịp thời các văn bản hướng dẫn, các quy định mới; các sổ sách, hồ sơ ghi chép, lưu trữ cần được hoàn chỉnh và khoa học hơn.',
          'Tiếp tục thực hiện tốt công tác đào tạo, bồi dưỡng nghiệp vụ chuyên môn và lý luận chính trị cho đội ngũ cán bộ, công chức.',
          'Thực hiện tốt hơn nữa việc tiếp công dân, giải quyết các ý kiến, kiến nghị, đơn thư của công dân một cách kịp thời, có chất lượng.',
          'Nghiên cứu các phương án bổ sung, nâng cấp trang thiết bị kỹ thuật phục vụ công tác của từng bộ phận, đặc biệt là bộ phận một cửa.',
        ],
        recipients: [
          'TT Đảng ủy, TTHĐND (b/c)',
          'Lãnh đạo UBND xã',
          'TT UBMTTQ xã',
          'Các thành viên đoàn giám sát',
          'Đại biểu HĐND xã',
          'Đơn vị được giám sát',
          'Lưu: VT',
        ],
        signerTitle: 'TM. THƯỜNG TRỰC HĐND\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
        signerName: 'Lương Anh Nghiêm',
      }),
    },
    council,
    now,
  );
  for (const f of SEED_002_FINDINGS)
    await repo.insertFinding(tx, supervisionId, {
      group: f.group,
      code: f.code,
      title: f.title,
      maxHundredths: f.max ?? null,
      selfHundredths: f.self ?? null,
      appraisedHundredths: f.appraised ?? null,
      reason: f.reason,
      reference: f.reference ?? '',
    });
  await appendAuditEntry(
    tx,
    {
      actorId: null,
      actorName: 'system',
      action: 'demo.remediation',
      entity: 'demo',
      entityId: null,
      unitId: null,
      after: { supervision: supervisionId, findings: SEED_002_FINDINGS.length },
    },
    now,
  );
}
