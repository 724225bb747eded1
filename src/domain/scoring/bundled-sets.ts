/**
 * Criteria sets shipped with the app as starting templates, as plain data.
 *
 * (a) The commune set of Thái Nguyên province for 2022, rebuilt from two commune documents of
 *     Định Hóa district: the self-assessment report of xã Quy Kỳ (10/5/2023) and the supervision
 *     conclusions of the HĐND of xã Phượng Tiến (15/9/2023). The eight criteria and their max
 *     points (10, 7, 20, 20, 10, 5, 12, 16 = 100) and three sub-criterion maxima (2.2 = 1,5;
 *     2.3 = 2; 7.2 = 1,5) are stated there. Every other max, every rule, and codes the documents do
 *     not give are placeholders marked `toBeConfirmed`, chosen to fit what the documents describe;
 *     points the documents do not place sit in filler sub-criteria ("Nội dung còn lại …"). Titles
 *     are quoted from the documents, with obvious typing slips corrected ("chuyên đổi số").
 * (b) The 2025 structure for departments and communes under two-level local government (Hà Nội
 *     QĐ 5666/QĐ-UBND, 17/11/2025): eight areas plus a ninth content for bonus and penalty points.
 *     No max points were available: all maxima are placeholders (70 appraised + 30 survey, as in
 *     the earlier Hà Nội and Lào Cai frameworks), marked `toBeConfirmed`.
 * (c) The commune set for 2026 on the structure of (b), filled in: sub-criteria in every area,
 *     scoring rules in the rule text syntax, guidance (quoting the Quy Kỳ and Phượng Tiến
 *     documents where they tell what an appraiser refused), the evidence expected and what its
 *     automatic checks read (type of document, signed, last day of issue in 2026, signing day
 *     against issue day). The areas keep (b)'s placeholder maxima; every sub-criterion, max, rule
 *     and deadline is the system's proposal, marked `toBeConfirmed`.
 *
 * All pass validateTree. Content 9 of (b) and (c) is a normal node worth 0 whose children are bonus
 * and penalty nodes: they sit outside the max, so the children-add-up check holds (0 = 0).
 */
import type { NodeEvidenceRequirement } from '../documents/findings.ts';
import type { OfficialDocumentKind } from '../documents/official-document.ts';
import { toHundredths } from './decimal.ts';
import { parseRuleText } from './rule-text.ts';
import type { ScoringRule } from './rules.ts';
import type { CriteriaNode } from './tree.ts';

/** A criteria set bundled with the app. */
export interface BundledCriteriaSet {
  id: string;
  name: string;
  unitKind: 'commune' | 'department';
  /** The assessment year it was written for; null for a multi-year template. */
  year: number | null;
  /** Max points of the sociological survey on top of the tree; null when none. */
  surveyMaxHundredths: number | null;
  description: string;
  tree: CriteriaNode;
}

const QUY_KY = 'Báo cáo tự đánh giá chỉ số CCHC năm 2022 của UBND xã Quy Kỳ (10/5/2023)';
const PHUONG_TIEN =
  'Thông báo kết luận giám sát công tác CCHC của Thường trực HĐND xã Phượng Tiến (15/9/2023)';
const BOTH = `${PHUONG_TIEN}; ${QUY_KY}`;

function rule(text: string): ScoringRule {
  const parsed = parseRuleText(text);
  if (!parsed.ok) throw new Error(`bundled rule “${text}”: ${parsed.error}`);
  return parsed.rule;
}

type Extra = Partial<
  Pick<
    CriteriaNode,
    'guidance' | 'evidence' | 'agency' | 'source' | 'toBeConfirmed' | 'kind' | 'notApplicable'
  >
>;

/** A leaf; unconfirmed unless told otherwise. */
function leaf(
  code: string,
  title: string,
  max: string,
  ruleText: string,
  extra: Extra = {},
): CriteriaNode {
  return {
    code,
    title,
    maxHundredths: toHundredths(max),
    rule: rule(ruleText),
    toBeConfirmed: true,
    ...extra,
    children: [],
  };
}

/** A parent with an explicit max, so validateTree checks that its children add up. */
function group(
  code: string,
  title: string,
  max: string,
  children: CriteriaNode[],
  extra: Extra = {},
): CriteriaNode {
  return { code, title, maxHundredths: toHundredths(max), toBeConfirmed: true, ...extra, children };
}

/** Points not placed by the source documents, so that the criterion adds up. */
function filler(code: string, parentCode: string, max: string): CriteriaNode {
  return leaf(
    code,
    `Nội dung còn lại của tiêu chí ${parentCode} (chưa xác định từ tài liệu)`,
    max,
    'chấm điểm',
    {
      guidance:
        'Nút giữ chỗ để tổng điểm khớp với điểm tối đa của tiêu chí; cần thay bằng các tiêu chí thành phần theo quyết định ban hành bộ chỉ số.',
    },
  );
}

const quote = (text: string): string => `“${text}”`;

// ---------------------------------------------------------------------------------------------
// (a) Thái Nguyên, communes, 2022

const criterion1 = group('1', 'Công tác lãnh đạo, chỉ đạo', '10', [
  group(
    '1.1',
    'Xây dựng và tổ chức thực hiện kế hoạch CCHC',
    '2',
    [
      leaf(
        '1.1.1',
        'Thời điểm ban hành kế hoạch CCHC năm',
        '1',
        'đúng hạn: hạn 31/12/2021; trễ 0,5',
        {
          guidance: `Kế hoạch CCHC năm 2022 ban hành đến hết ngày 31/12/2021 được điểm tối đa. Quy Kỳ bị 0 điểm: ${quote('Thời điểm ban hành kế hoạch, bổ sung nội dung văn bản: Do đó ký số lại không đúng với ngày ban hành văn bản: 0 điểm.')}`,
          evidence:
            'Kế hoạch CCHC năm của UBND xã (ví dụ Kế hoạch số 87/KH-UBND ngày 31/12/2021 của xã Quy Kỳ), ký số đúng ngày ban hành',
          source: QUY_KY,
        },
      ),
      leaf('1.1.2', 'Tổ chức thực hiện kế hoạch CCHC', '1', 'chấm điểm', {
        guidance: `Phượng Tiến mất 0,5 điểm ở mục 1.1: ${quote('Lí do mất 0,5 điểm vì thiếu trang thiết bị, phương tiện kỹ thuật để làm việc.')}`,
        source: PHUONG_TIEN,
      }),
    ],
    { source: PHUONG_TIEN },
  ),
  filler('1.2', '1', '2,5'),
  group(
    '1.3',
    'Kiểm tra, giám sát công tác CCHC',
    '2',
    [
      leaf('1.3.1', 'Tổ chức kiểm tra, tự kiểm tra CCHC trong năm', '1', 'có/không', {
        guidance: `Có kế hoạch tự kiểm tra và thông báo kết quả kiểm tra. Quy Kỳ: ${quote('Tổ chức kiểm tra, tự kiểm tra CCHC trong năm, không có thông báo kết quả: 0 điểm.')}`,
        source: QUY_KY,
      }),
      leaf('1.3.2', 'Xử lý các vấn đề sau kiểm tra CCHC', '1', 'có/không', {
        guidance: `Có báo cáo xử lý các vấn đề phát hiện qua kiểm tra, tự kiểm tra. Quy Kỳ: ${quote('Xử lý các vấn đề sau kiểm tra CCHC (Tự kiểm tra): Không có báo cáo: 0 điểm.')}`,
        source: QUY_KY,
      }),
    ],
    {
      guidance: `Phượng Tiến: ${quote('Lí do mất điểm vì không có kế hoạch tự kiểm tra CCHC và không xử lý các vấn đề sau kiểm tra.')}`,
      source: BOTH,
    },
  ),
  leaf('1.4', 'Tuyên truyền CCHC', '1,5', 'chấm điểm', {
    guidance: `Phượng Tiến: ${quote('Lí do mất điểm vì không tổ chức được cuộc thi tìm hiểu CCHC.')}`,
    source: PHUONG_TIEN,
  }),
  leaf('1.5', 'Sáng kiến, giải pháp trong công tác CCHC', '1', 'có/không', {
    guidance: `Có sáng kiến, giải pháp CCHC được công nhận. Phượng Tiến: ${quote('Lí do mất điểm vì không có sáng kiến CCHC.')}`,
    source: BOTH,
  }),
  leaf('1.6', 'Người đứng đầu chính quyền trực tiếp phụ trách CCHC', '1', 'có/không', {
    guidance: `Văn bản phân công thể hiện Chủ tịch UBND xã trực tiếp phụ trách CCHC. Quy Kỳ: ${quote('Văn bản chưa thể hiện Chủ tịch UBND xã phụ trách: 0 điểm.')} (Mã 1.6 do hệ thống đặt.)`,
    source: QUY_KY,
  }),
]);

const criterion2 = group('2', 'Xây dựng và tổ chức thực thi pháp luật', '7', [
  filler('2.1', '2', '0,5'),
  leaf('2.2', 'Rà soát và xử lý văn bản sau rà soát', '1,5', 'chấm điểm', {
    toBeConfirmed: false,
    guidance: `Phượng Tiến được thẩm định 1/1,5 điểm: ${quote('Có kế hoạch rà soát văn bản QPPL nhưng trong năm HĐND, UBND không ban hành văn bản QPPL nên không có văn bản để rà soát và không có báo cáo.')}`,
    source: PHUONG_TIEN,
  }),
  leaf('2.3', 'Công tác tuyên truyền, phổ biến, giáo dục pháp luật', '2', 'chấm điểm', {
    toBeConfirmed: false,
    guidance: `Phượng Tiến tự chấm 2, thẩm định 1,5 điểm: ${quote('Không có văn bản QPPL, chỉ có văn bản hành chính thông thường nên việc công khai văn bản QPPL trên trang thông tin điện tử của xã còn ít.')} Quy Kỳ: ${quote('Công khai văn bản quy phạm pháp luật theo quy định: 0 điểm')}`,
    source: BOTH,
  }),
  leaf('2.4', 'Thực hiện các hoạt động theo dõi thi hành pháp luật', '1', 'chấm điểm', {
    guidance: `Có báo cáo kết quả theo dõi thi hành pháp luật với minh chứng phù hợp. Quy Kỳ: ${quote('Báo cáo kết quả theo dõi thi hành pháp luật: 0 điểm.')} Phượng Tiến: ${quote('Lí do mất điểm vì minh chứng không phù hợp.')}`,
    source: BOTH,
  }),
  filler('2.5', '2', '0,5'),
  leaf(
    '2.6',
    'Thực hiện công tác hòa giải ở địa phương',
    '1,5',
    'khung: [0;70)=0; [70;80)=0,75; [80;100]=1,5',
    {
      guidance: `Theo tỷ lệ hòa giải thành trên tổng số vụ việc hòa giải. Phượng Tiến mất điểm ${quote('do tỷ lệ hòa giải thành đạt từ 70% đến dưới 80%')}.`,
      source: PHUONG_TIEN,
    },
  ),
]);

const ONE_STOP_SOURCE = QUY_KY;
const criterion3 = group('3', 'Cải cách thủ tục hành chính', '20', [
  group(
    '3.1',
    'Công tác kiểm soát thủ tục hành chính',
    '3',
    [
      leaf(
        '3.1.1',
        'Thực hiện kế hoạch kiểm soát thủ tục hành chính',
        '1',
        'tỷ lệ: làm tròn 0,25',
        {
          guidance: `Tỷ lệ nhiệm vụ của kế hoạch kiểm soát TTHC đã hoàn thành. Quy Kỳ: ${quote('Thực hiện kế hoạch: 0 điểm')}`,
          source: QUY_KY,
        },
      ),
      leaf('3.1.2', 'Rà soát, đánh giá thủ tục hành chính', '1', 'chấm điểm', {
        guidance: `Kiến nghị sau rà soát phải chỉ rõ cắt giảm thời gian, hồ sơ giấy tờ. Phượng Tiến: ${quote('kế hoạch kí số không đúng quy định, lãnh đạo không thực hiện ký số và phần kiến nghị sau rà soát TTHC không phù hợp, không chỉ rõ cắt giảm thời gian, hồ sơ giấy tờ gì.')}`,
        source: PHUONG_TIEN,
      }),
      filler('3.1.3', '3.1', '1'),
    ],
    { source: PHUONG_TIEN },
  ),
  group(
    '3.2',
    'Thực hiện cơ chế một cửa, một cửa liên thông',
    '5',
    [
      leaf('3.2.1', 'Quy chế hoạt động của bộ phận một cửa', '0,5', 'có/không', {
        guidance: `Quy chế còn hiệu lực, cập nhật theo quy định hiện hành. Quy Kỳ: ${quote('Quy chế hoạt động ban hành năm 2019: 0 điểm')}`,
        source: ONE_STOP_SOURCE,
      }),
      leaf('3.2.2', 'Diện tích phòng làm việc một cửa', '0,5', 'có/không', {
        source: ONE_STOP_SOURCE,
      }),
      leaf('3.2.3', 'Trang thiết bị một cửa', '0,5', 'có/không', { source: ONE_STOP_SOURCE }),
      leaf(
        '3.2.4',
        'Công khai danh sách cán bộ, công chức, viên chức làm việc tại bộ phận một cửa',
        '0,5',
        'có/không',
        {
          source: ONE_STOP_SOURCE,
        },
      ),
      leaf(
        '3.2.5',
        'Phân công lãnh đạo trực tại bộ phận một cửa để ký văn bản, giấy tờ phục vụ cá nhân, tổ chức',
        '0,5',
        'có/không',
        {
          source: ONE_STOP_SOURCE,
        },
      ),
      leaf('3.2.6', 'Thực hiện liên thông lĩnh vực đất đai', '0,5', 'có/không', {
        source: ONE_STOP_SOURCE,
      }),
      leaf(
        '3.2.7',
        'Thực hiện liên thông với huyện, các cơ quan liên quan TTHC về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
        '0,5',
        'có/không',
        { source: ONE_STOP_SOURCE },
      ),
      leaf(
        '3.2.8',
        'Liên thông TTHC đăng ký khai tử, xoá thường trú, hưởng chế độ tử tuất, hỗ trợ mai táng phí',
        '0,5',
        'có/không',
        { source: ONE_STOP_SOURCE },
      ),
      leaf('3.2.9', 'Đổi mới cơ chế một cửa, liên thông', '0,5', 'chấm điểm', {
        source: ONE_STOP_SOURCE,
      }),
      leaf('3.2.10', 'Thực hiện đánh giá kết quả giải quyết TTHC', '0,5', 'có/không', {
        source: ONE_STOP_SOURCE,
      }),
    ],
    {
      guidance: `Phượng Tiến: ${quote('Lí do mất điểm vì thiếu trang thiết bị làm việc, diện tích phòng làm việc không đảm bảo quy định, tài liệu minh chứng không đúng với tiêu chí, không có hồ sơ mẫu niêm yết tại một cửa...')}`,
      source: BOTH,
    },
  ),
  group(
    '3.3',
    'Công khai thủ tục hành chính',
    '4',
    [
      leaf(
        '3.3.1',
        'Đăng tải TTHC trên trang thông tin điện tử của địa phương',
        '0,5',
        'có/không',
        { source: QUY_KY },
      ),
      leaf('3.3.2', 'Công khai tại bộ phận một cửa', '0,5', 'có/không', { source: QUY_KY }),
      leaf('3.3.3', 'Công khai trên trang thông tin điện tử', '0,5', 'có/không', {
        source: QUY_KY,
      }),
      leaf('3.3.4', 'Hướng dẫn công khai thực hiện bằng phiếu TTHC', '0,5', 'có/không', {
        source: QUY_KY,
      }),
      leaf('3.3.5', 'Xây dựng và niêm yết bộ hồ sơ mẫu tại bộ phận một cửa', '0,5', 'có/không', {
        source: QUY_KY,
      }),
      leaf(
        '3.3.6',
        'Xây dựng và đăng tải video hướng dẫn thực hiện TTHC trên trang thông tin điện tử hoặc công khai tại Bộ phận một cửa',
        '0,5',
        'có/không',
        { source: QUY_KY },
      ),
      leaf('3.3.7', 'Công khai địa chỉ tiếp nhận phản ánh, kiến nghị', '0,5', 'có/không', {
        source: QUY_KY,
      }),
      leaf(
        '3.3.8',
        'Công khai kết quả giải quyết hồ sơ TTHC trên cổng dịch vụ công trực tuyến của tỉnh',
        '0,5',
        'có/không',
        { source: QUY_KY },
      ),
    ],
    {
      guidance:
        'Nhóm do hệ thống đặt để gom các nội dung công khai TTHC mà báo cáo của xã Quy Kỳ liệt kê.',
      source: QUY_KY,
    },
  ),
  group(
    '3.4',
    'Thực hiện TTHC chuyên ngành và trên cổng dịch vụ công',
    '1,5',
    [
      leaf('3.4.1', 'Thủ tục hành chính Công an, quân sự', '0,5', 'có/không', { source: QUY_KY }),
      leaf(
        '3.4.2',
        'TTHC theo Quyết định số 1291/QĐ-TTg của Thủ tướng Chính phủ (Công an, quân sự)',
        '0,5',
        'có/không',
        {
          source: QUY_KY,
        },
      ),
      leaf(
        '3.4.3',
        'Tạo tài khoản cho cá nhân trên cổng dịch vụ công quốc gia',
        '0,5',
        'có/không',
        { source: QUY_KY },
      ),
    ],
    {
      guidance:
        'Nhóm do hệ thống đặt cho các nội dung còn lại mà báo cáo của xã Quy Kỳ liệt kê ở tiêu chí 3.',
      source: QUY_KY,
    },
  ),
  filler('3.5', '3', '6,5'),
]);

const criterion4 = group('4', 'Hoạt động của Chính quyền cơ sở', '20', [
  leaf('4.1', 'Thực hiện chức năng, nhiệm vụ của HĐND cấp xã', '4', 'chấm điểm', {
    guidance: `Phượng Tiến: ${quote('Lí do mất điểm vì thiếu biên bản các kỳ họp.')}`,
    source: PHUONG_TIEN,
  }),
  group(
    '4.2',
    'Thực hiện chức năng, nhiệm vụ của UBND cấp xã',
    '4,5',
    [
      leaf('4.2.1', 'Hoạt động của UBND cấp xã', '2', 'chấm điểm', { source: QUY_KY }),
      leaf('4.2.2', 'Giải quyết ý kiến, kiến nghị, phản ánh của người dân', '1', 'tỷ lệ', {
        guidance: 'Tỷ lệ ý kiến, kiến nghị, phản ánh đã được giải quyết trên tổng số tiếp nhận.',
        source: QUY_KY,
      }),
      leaf('4.2.3', 'Nơi tiếp công dân', '0,5', 'có/không', { source: QUY_KY }),
      leaf('4.2.4', 'Tiếp nhận, giải quyết đơn khiếu nại, tố cáo', '1', 'tỷ lệ; KAD: loại trừ', {
        guidance:
          'Tỷ lệ đơn khiếu nại, tố cáo thuộc thẩm quyền đã giải quyết; không phát sinh đơn thì đánh dấu không áp dụng.',
        source: QUY_KY,
      }),
    ],
    {
      guidance: `Phượng Tiến: ${quote('Lí do mất điểm tài liệu minh chứng chưa phù hợp, thiếu kết quả hội nghị tiếp xúc cử tri, đối thoại trực tiếp với người dân và tiếp thu, giải trình các ý kiến, kiến nghị của cử tri.')}`,
      source: BOTH,
    },
  ),
  group(
    '4.3',
    'Thực hiện dân chủ cơ sở',
    '4',
    [
      leaf(
        '4.3.1',
        'Hình thức nhân dân bàn và biểu quyết để cấp có thẩm quyền quyết định',
        '1',
        'chấm điểm',
        { source: QUY_KY },
      ),
      leaf('4.3.2', 'Nội dung nhân dân tham gia ý kiến', '1', 'chấm điểm', { source: QUY_KY }),
      leaf('4.3.3', 'Kiến nghị sau giám sát của Ban thanh tra nhân dân', '1', 'chấm điểm', {
        source: QUY_KY,
      }),
      leaf('4.3.4', 'Kiến nghị sau giám sát của Ban giám sát cộng đồng', '1', 'chấm điểm', {
        source: QUY_KY,
      }),
    ],
    {
      guidance: `Phượng Tiến: ${quote('Lí do mất điểm vì thiếu tài liệu kiểm chứng những nội dung công khai để nhân dân biết...')}`,
      source: BOTH,
    },
  ),
  filler('4.4', '4', '7,5'),
]);

const criterion5 = group('5', 'Cải cách chế độ công vụ', '10', [
  leaf('5.1', 'Chất lượng của cán bộ cấp xã', '1,5', 'khung: [0;100)=0; [100;100]=1,5', {
    guidance: `Đạt khi 100 % cán bộ chủ chốt của xã có trình độ chuyên môn từ đại học trở lên. Phượng Tiến: ${quote('Do chưa đạt 100% cán bộ chủ chốt của xã có trình độ chuyên môn từ đại học trở lên.')}`,
    source: PHUONG_TIEN,
  }),
  leaf('5.2', 'Chất lượng của công chức cấp xã', '1,5', 'tỷ lệ', {
    guidance: `Điểm = điểm tối đa × tỷ lệ công chức có trình độ đại học trở lên. Phượng Tiến: ${quote('mới chỉ có 6/9 công chức có trình độ Đại học, đạt 66,7%.')}`,
    source: PHUONG_TIEN,
  }),
  leaf('5.3', 'Bí thư Đảng ủy kiêm chủ tịch HĐND hoặc chủ tịch UBND', '1', 'có/không', {
    guidance: `Phượng Tiến: ${quote('Lí do mất điểm vì thiếu minh chứng Bí thư Đảng ủy kiêm chủ tịch UBND.')}`,
    source: PHUONG_TIEN,
  }),
  leaf('5.4', 'Đánh giá cán bộ công chức trên cơ sở kết quả công việc', '1,5', 'chấm điểm', {
    guidance: `Phượng Tiến: ${quote('Lí do mất điểm vì thiếu tài liệu minh chứng.')}`,
    source: PHUONG_TIEN,
  }),
  filler('5.5', '5', '4,5'),
]);

const criterion6 = group('6', 'Cải cách tài chính công', '5', [
  leaf(
    '6.1',
    'Thực hiện đúng quy định về định mức sử dụng trang thiết bị, tài sản công',
    '1',
    'có/không',
    {
      source: QUY_KY,
    },
  ),
  leaf('6.2', 'Quy chế chi tiêu nội bộ', '1', 'có/không', { source: QUY_KY }),
  leaf('6.3', 'Thực hiện khoán biên chế, kinh phí', '1', 'có/không', { source: QUY_KY }),
  filler('6.4', '6', '2'),
]);

const criterion7 = group('7', 'Xây dựng chính quyền điện tử, chính quyền số', '12', [
  group(
    '7.1',
    'Tổ chức thực hiện chuyển đổi số',
    '1',
    [
      leaf(
        '7.1.1',
        'Gắn kết, lồng ghép chuyển đổi số, xây dựng chính quyền số với phong trào thi đua và lựa chọn, vinh danh, khen thưởng cho các điển hình tiên tiến về chuyển đổi số',
        '0,5',
        'có/không',
        { source: QUY_KY },
      ),
      leaf('7.1.2', 'Bố trí công chức chuyên môn phụ trách chuyển đổi số', '0,5', 'có/không', {
        source: QUY_KY,
      }),
    ],
    {
      guidance:
        'Nhóm do hệ thống đặt cho hai nội dung chuyển đổi số mà báo cáo của xã Quy Kỳ liệt kê.',
      source: QUY_KY,
    },
  ),
  leaf('7.2', 'Xây dựng Chương trình, kế hoạch chuyển đổi số', '1,5', 'chấm điểm', {
    toBeConfirmed: false,
    guidance: `Phượng Tiến tự chấm 0,5, thẩm định 0,5 điểm: ${quote('Do không có nhiệm vụ chuyển đổi số được phê duyệt.')}`,
    source: PHUONG_TIEN,
  }),
  filler('7.3', '7', '5,5'),
  group(
    '7.4',
    'Hoạt động của chính quyền điện tử, chính quyền số',
    '4',
    [
      leaf('7.4.1', 'Chữ ký điện tử, chữ ký số', '0,5', 'có/không', {
        guidance: `Văn bản ký số đúng ngày ban hành. Phượng Tiến: ${quote('văn bản ký chưa đúng ngày ban hành')}`,
        source: BOTH,
      }),
      leaf('7.4.2', 'Cung cấp dịch vụ công trực tuyến', '0,5', 'có/không', { source: BOTH }),
      leaf(
        '7.4.3',
        'Tỷ lệ dịch vụ công đủ điều kiện cung cấp ở mức độ 4',
        '1',
        'tỷ lệ: làm tròn 0,25',
        { source: BOTH },
      ),
      leaf('7.4.4', 'Dịch vụ công trực tuyến cung cấp có phát sinh hồ sơ', '0,5', 'tỷ lệ', {
        source: QUY_KY,
      }),
      leaf(
        '7.4.5',
        'Tiếp nhận và trả kết quả giải quyết TTHC qua dịch vụ Bưu chính công ích',
        '0,5',
        'có/không',
        {
          source: BOTH,
        },
      ),
      leaf(
        '7.4.6',
        'Tỷ lệ hồ sơ trả kết quả qua dịch vụ bưu chính',
        '0,5',
        'khung: [0;10)=0; [10;30)=0,25; [30;100]=0,5',
        {
          source: BOTH,
        },
      ),
      leaf(
        '7.4.7',
        'Tỷ lệ cán bộ, công chức sử dụng thư điện tử trong thực thi công vụ',
        '0,5',
        'tỷ lệ',
        {
          source: PHUONG_TIEN,
        },
      ),
    ],
    {
      guidance: `Phượng Tiến: ${quote('tỷ lệ cán bộ, công chức sử dụng thư điện tử trong thực thi công vụ còn thấp, văn bản ký chưa đúng ngày ban hành, việc cung cấp dịch vụ công trực tuyến, Tỷ lệ dịch vụ công đủ điều kiện cung cấp ở mức độ 4 còn thiếu báo cáo tự đánh giá, tiếp nhận và trả kết quả giải quyết TTHC qua dịch vụ BCCI, tỷ lệ hồ sơ tiếp nhận qua dịch vụ bưu chính công ích, tỷ lệ hồ sơ trả kết quả qua dịch vụ bưu chính không có tài liệu minh chứng.')}`,
      source: BOTH,
    },
  ),
]);

const criterion8 = group('8', 'Thực hiện nhiệm vụ phát triển kinh tế xã hội ở địa phương', '16', [
  group(
    '8.1',
    'Phát triển kinh tế - xã hội',
    '3',
    [
      leaf(
        '8.1.1',
        'Thực hiện chỉ tiêu phát triển kinh tế xã hội được giao',
        '2',
        'tỷ lệ: làm tròn 0,25',
        {
          guidance: 'Tỷ lệ chỉ tiêu kinh tế - xã hội đạt trên tổng số chỉ tiêu được giao.',
          source: QUY_KY,
        },
      ),
      leaf(
        '8.1.2',
        'Thu ngân sách hàng năm của địa phương theo kế hoạch được giao',
        '1',
        'khung: [0;100)=0; [100;∞)=1',
        {
          guidance: `Số thu đạt so với kế hoạch giao (có thể vượt 100 %). Phượng Tiến: ${quote('thu ngân sách hàng năm của địa phương theo kế hoạch được giao không đạt.')}`,
          source: PHUONG_TIEN,
        },
      ),
    ],
    { source: BOTH },
  ),
  leaf(
    '8.2',
    'Thực hiện chương trình xây dựng nông thôn mới và quản lý các hoạt động xây dựng',
    '2',
    'chấm điểm',
    {
      guidance: 'Mã 8.2 do hệ thống đặt.',
      source: QUY_KY,
    },
  ),
  group(
    '8.3',
    'Về kết cấu hạ tầng',
    '2,5',
    [
      leaf('8.3.1', 'Hệ thống đường giao thông', '0,5', 'có/không', { source: QUY_KY }),
      leaf('8.3.2', 'Đường điện liên thôn', '0,5', 'có/không', { source: QUY_KY }),
      leaf('8.3.3', 'Đường trục thôn, đường ngõ', '0,5', 'có/không', { source: QUY_KY }),
      leaf('8.3.4', 'Hệ thống chiếu sáng', '0,5', 'có/không', { source: QUY_KY }),
      leaf('8.3.5', 'Hệ thống điện lưới quốc gia', '0,5', 'có/không', { source: QUY_KY }),
    ],
    {
      guidance: `Phượng Tiến: ${quote('Lí do mất điểm vì tài liệu minh chứng không đảm bảo, báo cáo minh chứng hoàn thành các tiêu chí NTM không ký số...')}`,
      source: BOTH,
    },
  ),
  group(
    '8.4',
    'Về giáo dục, y tế, văn hóa - xã hội',
    '3',
    [
      leaf('8.4.1', 'Tỷ lệ người dân tham gia bảo hiểm y tế', '1', 'khung: [0;85)=0; [85;100]=1', {
        guidance: `Phượng Tiến: ${quote('tỷ lệ người dân tham gia bảo hiểm y tế chỉ đạt dưới 85%')}`,
        source: PHUONG_TIEN,
      }),
      leaf('8.4.2', 'Tiêm phòng cho trẻ em', '1', 'khung: [0;100)=0; [100;100]=1', {
        guidance: `Đạt khi 100 % trẻ em được tiêm phòng đủ theo quy định. Phượng Tiến: ${quote('tiêm phòng cho trẻ không đạt 100% và không có tài liệu minh chứng.')}`,
        source: BOTH,
      }),
      leaf('8.4.3', 'Tỷ lệ người dân dùng nước sạch theo quy định', '1', 'tỷ lệ', {
        source: QUY_KY,
      }),
    ],
    { source: BOTH },
  ),
  group(
    '8.5',
    'Về môi trường',
    '2,5',
    [
      leaf('8.5.1', 'Quản lý sử dụng đất và công tác giải phóng mặt bằng', '1,5', 'trừ: 0,5/lần', {
        guidance: `Trừ điểm cho mỗi vụ vi phạm pháp luật đất đai phát sinh trong năm. Phượng Tiến: ${quote('Lí do mất điểm vì tình trạng vi phạm luật đất đai vẫn xảy ra.')}`,
        source: BOTH,
      }),
      filler('8.5.2', '8.5', '1'),
    ],
    { source: PHUONG_TIEN },
  ),
  filler('8.6', '8', '3'),
]);

/** Thái Nguyên commune criteria set, 2022 (rebuilt from the Quy Kỳ and Phượng Tiến documents). */
export const THAI_NGUYEN_COMMUNE_2022: BundledCriteriaSet = {
  id: 'thai-nguyen-xa-2022',
  name: 'Bộ chỉ số CCHC cấp xã tỉnh Thái Nguyên năm 2022',
  unitKind: 'commune',
  year: 2022,
  surveyMaxHundredths: null,
  description:
    'Dựng lại từ báo cáo tự đánh giá năm 2022 của UBND xã Quy Kỳ và thông báo kết luận giám sát của HĐND xã Phượng Tiến (huyện Định Hóa). Tám tiêu chí và điểm tối đa của chúng, cùng tiêu chí thành phần 2.2, 2.3, 7.2 đã có trong tài liệu; các mục khác đánh dấu “cần xác nhận”.',
  tree: {
    code: '',
    title: 'Bộ chỉ số CCHC cấp xã tỉnh Thái Nguyên năm 2022',
    maxHundredths: toHundredths('100'),
    source: BOTH,
    children: [
      criterion1,
      criterion2,
      criterion3,
      criterion4,
      criterion5,
      criterion6,
      criterion7,
      criterion8,
    ].map((c) => ({ ...c, toBeConfirmed: false })),
  },
};

// ---------------------------------------------------------------------------------------------
// (b) 2025, departments and communes under two-level local government

const HA_NOI_2025 =
  'QĐ 5666/QĐ-UBND ngày 17/11/2025 của UBND TP Hà Nội (cấu trúc 8 nội dung và 1 nội dung điểm thưởng, điểm trừ)';

const AREAS_2025: readonly [string, string][] = [
  ['Công tác chỉ đạo, điều hành cải cách hành chính', '7'],
  ['Cải cách thể chế', '7'],
  ['Cải cách thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông', '12'],
  ['Cải cách tổ chức bộ máy', '6'],
  ['Cải cách chế độ công vụ', '9'],
  ['Cải cách tài chính công', '7'],
  ['Xây dựng, phát triển chính quyền điện tử, chính quyền số', '12'],
  ['Tác động của cải cách hành chính đến phát triển kinh tế - xã hội', '10'],
];

function template2025(unitKind: 'commune' | 'department'): BundledCriteriaSet {
  const who = unitKind === 'commune' ? 'UBND xã, phường' : 'sở, ban, ngành';
  const areas = AREAS_2025.map(([title, max], i) =>
    leaf(String(i + 1), title, max, 'chấm điểm', {
      guidance:
        'Điểm tối đa là giá trị giữ chỗ; thêm các tiêu chí, tiêu chí thành phần theo quyết định của tỉnh.',
      source: HA_NOI_2025,
    }),
  );
  const adjustments = group(
    '9',
    'Điểm thưởng, điểm trừ trong công tác cải cách hành chính',
    '0',
    [
      leaf('9.1', 'Điểm thưởng', '2', 'thưởng: 0,5/mục; tối đa 2', {
        kind: 'bonus',
        guidance:
          'Cộng điểm cho sáng kiến, mô hình CCHC được công nhận; mức cộng và mức tối đa là giá trị giữ chỗ.',
        source: HA_NOI_2025,
      }),
      leaf('9.2', 'Điểm trừ', '2', 'phạt: 0,5/mục; tối đa 2', {
        kind: 'penalty',
        guidance:
          'Trừ điểm cho vi phạm kỷ luật, kỷ cương hành chính; mức trừ và mức tối đa là giá trị giữ chỗ.',
        source: HA_NOI_2025,
      }),
    ],
    {
      guidance: 'Không tính vào điểm tối đa: điểm thưởng cộng và điểm trừ trừ vào tổng điểm.',
      source: HA_NOI_2025,
    },
  );
  return {
    id: `khung-2025-${unitKind === 'commune' ? 'xa' : 'so'}`,
    name: `Khung chỉ số CCHC năm 2025 của ${who} (chính quyền hai cấp)`,
    unitKind,
    year: null,
    surveyMaxHundredths: toHundredths('30'),
    description: `Khung 8 nội dung và 1 nội dung điểm thưởng, điểm trừ theo cấu trúc của ${HA_NOI_2025}. Mọi điểm tối đa (70 điểm thẩm định + 30 điểm điều tra xã hội học) là giá trị giữ chỗ, cần xác nhận theo quyết định của tỉnh.`,
    tree: {
      code: '',
      title: `Khung chỉ số CCHC năm 2025 của ${who}`,
      maxHundredths: toHundredths('70'),
      toBeConfirmed: true,
      source: HA_NOI_2025,
      children: [...areas, adjustments],
    },
  };
}

/** 2025 template for departments (sở, ban, ngành); max points to be confirmed. */
export const PAR_2025_DEPARTMENT_TEMPLATE: BundledCriteriaSet = template2025('department');

/** 2025 template for communes and wards (xã, phường); max points to be confirmed. */
export const PAR_2025_COMMUNE_TEMPLATE: BundledCriteriaSet = template2025('commune');

// ---------------------------------------------------------------------------------------------
// (c) 2026, communes under two-level local government: the 2025 structure filled in

const SET_2026_SOURCE = `Cấu trúc theo ${HA_NOI_2025}; tiêu chí thành phần, cách chấm và tài liệu kiểm chứng do hệ thống đề xuất, cần xác nhận theo quyết định của tỉnh`;
const PLACEHOLDER_2026 =
  'Điểm tối đa, cách chấm và thời hạn là giá trị giữ chỗ, cần xác nhận theo quyết định ban hành bộ chỉ số của tỉnh.';

/** What a node's evidence must be, for the automatic checks (document type, signed, deadline). */
function needs(
  kind: OfficialDocumentKind | null,
  deadline?: string,
  signingDateDiffers?: 'problem' | 'warning',
): NodeEvidenceRequirement {
  return {
    ...(kind ? { kind } : {}),
    mustBeSigned: true,
    ...(deadline ? { deadline } : {}),
    ...(signingDateDiffers ? { signingDateDiffers } : {}),
  };
}

/**
 * A sub-criterion of the 2026 set: every max, rule and deadline is a placeholder (said in its
 * guidance); `evidence` says what to attach and `requirement` what the automatic checks expect.
 */
function item(
  code: string,
  title: string,
  max: string,
  ruleText: string,
  guidance: string,
  evidence: string,
  requirement: NodeEvidenceRequirement | null,
  extra: Extra = {},
): CriteriaNode {
  return leaf(code, title, max, ruleText, {
    guidance: `${guidance} ${PLACEHOLDER_2026}`,
    evidence,
    ...(requirement ? { evidenceRequirement: requirement } : {}),
    source: SET_2026_SOURCE,
    ...extra,
  });
}

/** A group of the 2026 set, its max the sum of its children (a placeholder like theirs). */
function area(code: string, title: string, max: string, children: CriteriaNode[]): CriteriaNode {
  return group(code, title, max, children, { source: SET_2026_SOURCE });
}

const area1of2026 = area('1', 'Công tác chỉ đạo, điều hành cải cách hành chính', '7', [
  area('1.1', 'Kế hoạch cải cách hành chính năm', '2', [
    item(
      '1.1.1',
      'Ban hành kế hoạch CCHC năm 2026 đúng thời hạn',
      '1',
      'đúng hạn: hạn 31/01/2026; trễ 0,5; quá 31/03/2026 = 0',
      `Kế hoạch CCHC năm 2026 của UBND xã ban hành đến hết ngày 31/01/2026 được điểm tối đa; ban hành trễ đến 31/03/2026 được 0,5 điểm. Kế hoạch phải ký số đúng ngày ban hành: năm 2022 xã Quy Kỳ bị 0 điểm vì ${quote('ký số lại không đúng với ngày ban hành văn bản')}.`,
      'Kế hoạch CCHC năm 2026 của UBND xã, có chữ ký số của lãnh đạo UBND xã',
      needs('plan', '2026-01-31', 'problem'),
    ),
    item(
      '1.1.2',
      'Mức độ hoàn thành kế hoạch CCHC năm',
      '1',
      'khung: [0;70)=0; [70;100)=0,5; [100;100]=1',
      'Tỷ lệ nhiệm vụ của kế hoạch CCHC năm đã hoàn thành đúng tiến độ: hoàn thành 100 % được điểm tối đa; từ 70 % đến dưới 100 % được 0,5 điểm; dưới 70 % không có điểm.',
      'Báo cáo kết quả thực hiện kế hoạch CCHC năm 2026, có chữ ký số',
      needs('report', '2026-12-15'),
    ),
  ]),
  item(
    '1.2',
    'Thực hiện chế độ báo cáo CCHC định kỳ',
    '1',
    'trừ: 0,25/lần',
    'Báo cáo CCHC quý I, 6 tháng, quý III và năm gửi đúng hạn, đủ nội dung theo đề cương; mỗi báo cáo trễ hạn hoặc thiếu trừ 0,25 điểm.',
    'Các báo cáo CCHC định kỳ năm 2026 của UBND xã, có chữ ký số',
    needs('report', '2026-12-15'),
  ),
  area('1.3', 'Kiểm tra, tự kiểm tra công tác CCHC', '1,5', [
    item(
      '1.3.1',
      'Ban hành kế hoạch tự kiểm tra CCHC năm 2026',
      '0,5',
      'có/không',
      `Có kế hoạch tự kiểm tra CCHC đối với các bộ phận thuộc UBND xã. Năm 2022 xã Phượng Tiến mất điểm ${quote('vì không có kế hoạch tự kiểm tra CCHC')}.`,
      'Kế hoạch tự kiểm tra CCHC năm 2026, có chữ ký số',
      needs('plan', '2026-03-31'),
      { source: `${SET_2026_SOURCE}; ${PHUONG_TIEN}` },
    ),
    item(
      '1.3.2',
      'Thông báo kết quả kiểm tra và xử lý các vấn đề phát hiện qua kiểm tra',
      '1',
      'tỷ lệ: làm tròn 0,25',
      `Điểm = điểm tối đa × tỷ lệ vấn đề phát hiện qua kiểm tra đã được xử lý. Năm 2022 xã Quy Kỳ bị 0 điểm vì ${quote('không có thông báo kết quả')}.`,
      'Thông báo kết quả kiểm tra, tự kiểm tra CCHC năm 2026 và báo cáo xử lý sau kiểm tra',
      needs('notice', '2026-12-15'),
      { source: `${SET_2026_SOURCE}; ${QUY_KY}` },
    ),
  ]),
  item(
    '1.4',
    'Tuyên truyền cải cách hành chính',
    '1',
    'chấm điểm',
    'Có kế hoạch tuyên truyền CCHC năm 2026 và tổ chức thực hiện (hội nghị, cuộc thi, tin bài trên trang thông tin điện tử của xã).',
    'Kế hoạch tuyên truyền CCHC năm 2026, có chữ ký số; tài liệu về các hoạt động đã tổ chức',
    needs('plan', '2026-02-28'),
  ),
  item(
    '1.5',
    'Sáng kiến, giải pháp mới trong công tác CCHC',
    '1',
    'có/không',
    'Có ít nhất một sáng kiến, giải pháp CCHC được cấp có thẩm quyền công nhận trong năm.',
    'Quyết định công nhận sáng kiến, giải pháp CCHC, có chữ ký số',
    needs('decision', '2026-12-15'),
  ),
  item(
    '1.6',
    'Chủ tịch UBND xã trực tiếp phụ trách công tác CCHC',
    '0,5',
    'có/không',
    `Văn bản phân công nhiệm vụ thể hiện Chủ tịch UBND xã trực tiếp phụ trách CCHC. Năm 2022 xã Quy Kỳ bị 0 điểm vì ${quote('Văn bản chưa thể hiện Chủ tịch UBND xã phụ trách')}.`,
    'Quyết định phân công nhiệm vụ của Chủ tịch, các Phó Chủ tịch UBND xã, có chữ ký số',
    needs('decision', '2026-01-31'),
    { source: `${SET_2026_SOURCE}; ${QUY_KY}` },
  ),
]);

const area2of2026 = area('2', 'Cải cách thể chế', '7', [
  area('2.1', 'Xây dựng, ban hành văn bản quy phạm pháp luật', '2', [
    item(
      '2.1.1',
      'Ban hành kế hoạch xây dựng văn bản QPPL năm 2026',
      '0,5',
      'đúng hạn: hạn 31/01/2026; trễ 0,25',
      'Kế hoạch (hoặc danh mục) văn bản QPPL của HĐND, UBND xã năm 2026 ban hành đến hết ngày 31/01/2026.',
      'Kế hoạch xây dựng văn bản QPPL năm 2026, có chữ ký số',
      needs('plan', '2026-01-31'),
    ),
    item(
      '2.1.2',
      'Thực hiện đúng trình tự, thủ tục xây dựng, ban hành văn bản QPPL',
      '1,5',
      'tỷ lệ: làm tròn 0,25; KAD: loại trừ',
      'Điểm = điểm tối đa × tỷ lệ văn bản QPPL ban hành đúng trình tự, thủ tục; trong năm không ban hành văn bản QPPL nào thì đánh dấu không áp dụng.',
      'Các nghị quyết, quyết định QPPL đã ban hành trong năm 2026 và hồ sơ xây dựng',
      needs(null),
    ),
  ]),
  area('2.2', 'Rà soát, hệ thống hóa văn bản QPPL', '1,5', [
    item(
      '2.2.1',
      'Ban hành kế hoạch rà soát văn bản QPPL năm 2026',
      '0,5',
      'có/không',
      `Có kế hoạch rà soát, hệ thống hóa văn bản QPPL của HĐND, UBND xã. Năm 2022 xã Phượng Tiến ${quote('Có kế hoạch rà soát văn bản QPPL nhưng trong năm HĐND, UBND không ban hành văn bản QPPL nên không có văn bản để rà soát và không có báo cáo.')}`,
      'Kế hoạch rà soát văn bản QPPL năm 2026, có chữ ký số',
      needs('plan', '2026-03-31'),
      { source: `${SET_2026_SOURCE}; ${PHUONG_TIEN}` },
    ),
    item(
      '2.2.2',
      'Báo cáo kết quả rà soát và xử lý văn bản sau rà soát',
      '1',
      'chấm điểm',
      'Có báo cáo kết quả rà soát; văn bản phát hiện trái pháp luật, hết hiệu lực hoặc không phù hợp với chính quyền hai cấp đã được xử lý hoặc kiến nghị xử lý.',
      'Báo cáo kết quả rà soát, hệ thống hóa văn bản QPPL năm 2026, có chữ ký số',
      needs('report', '2026-12-15'),
    ),
  ]),
  item(
    '2.3',
    'Tuyên truyền, phổ biến, giáo dục pháp luật',
    '1,5',
    'chấm điểm',
    `Có kế hoạch phổ biến, giáo dục pháp luật năm 2026 và thực hiện đầy đủ; văn bản QPPL được công khai trên trang thông tin điện tử của xã. Năm 2022 xã Phượng Tiến mất 0,5 điểm vì ${quote('việc công khai văn bản QPPL trên trang thông tin điện tử của xã còn ít')}.`,
    'Kế hoạch phổ biến, giáo dục pháp luật năm 2026, có chữ ký số; đường dẫn các văn bản đã công khai',
    needs('plan', '2026-01-31'),
    { source: `${SET_2026_SOURCE}; ${PHUONG_TIEN}` },
  ),
  item(
    '2.4',
    'Theo dõi thi hành pháp luật',
    '1',
    'chấm điểm',
    `Có kế hoạch và báo cáo kết quả theo dõi thi hành pháp luật với minh chứng phù hợp. Năm 2022 xã Phượng Tiến mất điểm ${quote('vì minh chứng không phù hợp')}.`,
    'Báo cáo kết quả theo dõi thi hành pháp luật năm 2026, có chữ ký số',
    needs('report', '2026-12-15'),
    { source: `${SET_2026_SOURCE}; ${PHUONG_TIEN}` },
  ),
  item(
    '2.5',
    'Hòa giải ở cơ sở',
    '1',
    'khung: [0;70)=0; [70;80)=0,5; [80;100]=1',
    `Theo tỷ lệ vụ việc hòa giải thành trên tổng số vụ việc đưa ra hòa giải: từ 80 % được điểm tối đa, từ 70 % đến dưới 80 % được 0,5 điểm. Năm 2022 xã Phượng Tiến mất điểm ${quote('do tỷ lệ hòa giải thành đạt từ 70% đến dưới 80%')}.`,
    'Báo cáo kết quả công tác hòa giải ở cơ sở năm 2026, có chữ ký số',
    needs('report', '2026-12-15'),
    { source: `${SET_2026_SOURCE}; ${PHUONG_TIEN}` },
  ),
]);

const area3of2026 = area(
  '3',
  'Cải cách thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông',
  '12',
  [
    area('3.1', 'Kiểm soát thủ tục hành chính', '2', [
      item(
        '3.1.1',
        'Ban hành kế hoạch kiểm soát TTHC năm 2026 đúng thời hạn',
        '0,5',
        'đúng hạn: hạn 31/01/2026; trễ 0,25',
        'Kế hoạch kiểm soát TTHC năm 2026 của UBND xã ban hành đến hết ngày 31/01/2026.',
        'Kế hoạch kiểm soát TTHC năm 2026, có chữ ký số',
        needs('plan', '2026-01-31'),
      ),
      item(
        '3.1.2',
        'Rà soát, đánh giá và kiến nghị đơn giản hóa TTHC',
        '1',
        'chấm điểm',
        `Kiến nghị sau rà soát phải chỉ rõ cắt giảm thời gian, hồ sơ, giấy tờ nào. Năm 2022 xã Phượng Tiến mất điểm vì ${quote('kế hoạch kí số không đúng quy định, lãnh đạo không thực hiện ký số và phần kiến nghị sau rà soát TTHC không phù hợp')}.`,
        'Báo cáo kết quả rà soát, đánh giá TTHC năm 2026 kèm phương án đơn giản hóa, có chữ ký số',
        needs('report', '2026-11-30'),
        { source: `${SET_2026_SOURCE}; ${PHUONG_TIEN}` },
      ),
      item(
        '3.1.3',
        'Báo cáo tình hình, kết quả thực hiện kiểm soát TTHC đúng hạn',
        '0,5',
        'trừ: 0,25/lần',
        'Mỗi kỳ báo cáo kiểm soát TTHC (quý, năm) trễ hạn hoặc thiếu trừ 0,25 điểm.',
        'Các báo cáo kiểm soát TTHC năm 2026, có chữ ký số',
        needs('report', '2026-12-15'),
      ),
    ]),
    area('3.2', 'Công khai thủ tục hành chính', '2', [
      item(
        '3.2.1',
        'Công khai TTHC tại Bộ phận một cửa và trên trang thông tin điện tử của xã',
        '1',
        'có/không',
        'Đủ, đúng danh mục TTHC thuộc thẩm quyền cấp xã theo quyết định công bố của tỉnh sau khi sắp xếp chính quyền hai cấp.',
        'Ảnh chụp nơi niêm yết, đường dẫn trang thông tin điện tử; quyết định công bố danh mục TTHC',
        null,
      ),
      item(
        '3.2.2',
        'Công khai địa chỉ tiếp nhận phản ánh, kiến nghị về quy định hành chính',
        '0,5',
        'có/không',
        'Địa chỉ, số điện thoại, thư điện tử tiếp nhận phản ánh, kiến nghị được niêm yết tại Bộ phận một cửa.',
        'Ảnh chụp nơi niêm yết',
        null,
      ),
      item(
        '3.2.3',
        'Công khai tiến độ, kết quả giải quyết hồ sơ trên Cổng dịch vụ công',
        '0,5',
        'có/không',
        'Hồ sơ của xã được cập nhật trạng thái, kết quả trên Hệ thống thông tin giải quyết TTHC của tỉnh.',
        'Số liệu trích xuất từ Hệ thống thông tin giải quyết TTHC',
        null,
      ),
    ]),
    area('3.3', 'Thực hiện cơ chế một cửa, một cửa liên thông', '3', [
      item(
        '3.3.1',
        'Quy chế hoạt động của Bộ phận một cửa phù hợp chính quyền hai cấp',
        '0,5',
        'có/không',
        `Quy chế còn hiệu lực, ban hành hoặc sửa đổi theo tổ chức chính quyền hai cấp. Năm 2022 xã Quy Kỳ bị 0 điểm vì ${quote('Quy chế hoạt động ban hành năm 2019')}.`,
        'Quyết định ban hành Quy chế hoạt động của Bộ phận một cửa, có chữ ký số',
        needs('decision', '2026-03-31'),
        { source: `${SET_2026_SOURCE}; ${QUY_KY}` },
      ),
      item(
        '3.3.2',
        'Bố trí công chức, trang thiết bị, diện tích của Bộ phận một cửa theo quy định',
        '1',
        'chấm điểm',
        `Năm 2022 xã Phượng Tiến mất điểm ${quote('vì thiếu trang thiết bị làm việc, diện tích phòng làm việc không đảm bảo quy định')}.`,
        'Quyết định phân công công chức làm việc tại Bộ phận một cửa, có chữ ký số; danh mục trang thiết bị',
        needs('decision'),
        { source: `${SET_2026_SOURCE}; ${PHUONG_TIEN}` },
      ),
      item(
        '3.3.3',
        'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
        '1,5',
        'khung: [0;90)=0; [90;95)=0,75; [95;100]=1,5',
        'Theo số liệu của Hệ thống thông tin giải quyết TTHC: từ 95 % hồ sơ đúng hạn được điểm tối đa, từ 90 % đến dưới 95 % được 0,75 điểm.',
        'Báo cáo tình hình giải quyết TTHC năm 2026 kèm số liệu của Hệ thống, có chữ ký số',
        needs('report', '2026-12-15'),
      ),
    ]),
    item(
      '3.4',
      'Số hóa hồ sơ, kết quả giải quyết TTHC',
      '2',
      'tỷ lệ: làm tròn 0,25',
      'Điểm = điểm tối đa × tỷ lệ hồ sơ TTHC được số hóa khi tiếp nhận và kết quả được số hóa khi trả.',
      'Số liệu số hóa trích xuất từ Hệ thống thông tin giải quyết TTHC',
      null,
    ),
    item(
      '3.5',
      'Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC',
      '1',
      'tỷ lệ',
      'Điểm = điểm tối đa × tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn.',
      'Báo cáo kết quả tiếp nhận, xử lý phản ánh, kiến nghị năm 2026, có chữ ký số',
      needs('report', '2026-12-15'),
    ),
    item(
      '3.6',
      'Đánh giá chất lượng giải quyết TTHC theo Nghị định 61/2018/NĐ-CP',
      '1',
      'trừ: 0,25/lần',
      'Kết quả đánh giá việc giải quyết TTHC được tổng hợp, báo cáo hằng quý; mỗi quý không đánh giá hoặc không báo cáo trừ 0,25 điểm.',
      'Báo cáo kết quả đánh giá việc giải quyết TTHC các quý năm 2026, có chữ ký số',
      needs('report', '2026-12-15'),
    ),
    item(
      '3.7',
      'Tiếp nhận hồ sơ, trả kết quả giải quyết TTHC qua dịch vụ bưu chính công ích',
      '1',
      'khung: [0;10)=0; [10;30)=0,5; [30;100]=1',
      'Theo tỷ lệ hồ sơ tiếp nhận hoặc trả kết quả qua dịch vụ bưu chính công ích trên tổng số hồ sơ của các TTHC có thể thực hiện qua bưu chính.',
      'Số liệu của bưu điện và của Hệ thống thông tin giải quyết TTHC',
      null,
    ),
  ],
);

const area4of2026 = area('4', 'Cải cách tổ chức bộ máy', '6', [
  item(
    '4.1',
    'Quy định chức năng, nhiệm vụ, cơ cấu tổ chức các cơ quan chuyên môn thuộc UBND xã',
    '2',
    'chấm điểm',
    'Các phòng chuyên môn thuộc UBND xã có quyết định quy định chức năng, nhiệm vụ, quyền hạn theo hướng dẫn của tỉnh sau sắp xếp; thực hiện đúng quy định.',
    'Quyết định quy định chức năng, nhiệm vụ, cơ cấu tổ chức của các phòng chuyên môn, có chữ ký số',
    needs('decision', '2026-06-30'),
  ),
  area('4.2', 'Quản lý biên chế, vị trí việc làm', '2', [
    item(
      '4.2.1',
      'Sử dụng biên chế trong số được giao',
      '1',
      'có/không',
      'Số cán bộ, công chức thực có không vượt số biên chế được giao năm 2026.',
      'Báo cáo tình hình sử dụng biên chế năm 2026, có chữ ký số',
      needs('report', '2026-12-15'),
    ),
    item(
      '4.2.2',
      'Đề án vị trí việc làm cập nhật theo chính quyền hai cấp',
      '1',
      'chấm điểm',
      'Đề án vị trí việc làm của UBND xã được xây dựng, trình phê duyệt đúng hướng dẫn.',
      'Đề án vị trí việc làm của UBND xã, có chữ ký số',
      needs('scheme', '2026-06-30'),
    ),
  ]),
  item(
    '4.3',
    'Thực hiện phân cấp, phân quyền, ủy quyền',
    '1',
    'chấm điểm',
    'Thực hiện đầy đủ nhiệm vụ, thẩm quyền được phân cấp, phân quyền, ủy quyền cho cấp xã; báo cáo kết quả đúng hạn.',
    'Báo cáo kết quả thực hiện nhiệm vụ được phân cấp, phân quyền năm 2026, có chữ ký số',
    needs('report', '2026-12-15'),
  ),
  item(
    '4.4',
    'Kiểm tra, đánh giá tình hình tổ chức và hoạt động của các bộ phận',
    '1',
    'có/không',
    'Có kiểm tra, đánh giá tình hình tổ chức và hoạt động của các phòng chuyên môn, đơn vị sự nghiệp thuộc xã trong năm.',
    'Báo cáo kết quả kiểm tra tổ chức bộ máy năm 2026, có chữ ký số',
    needs('report', '2026-12-15'),
  ),
]);

const area5of2026 = area('5', 'Cải cách chế độ công vụ', '9', [
  area('5.1', 'Tuyển dụng, bố trí, sử dụng cán bộ, công chức', '2', [
    item(
      '5.1.1',
      'Bố trí cán bộ, công chức theo vị trí việc làm được phê duyệt',
      '1',
      'tỷ lệ',
      'Điểm = điểm tối đa × tỷ lệ cán bộ, công chức được bố trí đúng vị trí việc làm.',
      'Quyết định phân công, bố trí công chức theo vị trí việc làm, có chữ ký số',
      needs('decision'),
    ),
    item(
      '5.1.2',
      'Tuyển dụng, tiếp nhận công chức đúng quy định',
      '1',
      'có/không; KAD: loại trừ',
      'Tuyển dụng, tiếp nhận đúng trình tự, thẩm quyền; trong năm không tuyển dụng, tiếp nhận thì đánh dấu không áp dụng.',
      'Quyết định tuyển dụng, tiếp nhận công chức năm 2026, có chữ ký số',
      needs('decision'),
    ),
  ]),
  area('5.2', 'Chất lượng cán bộ, công chức', '2', [
    item(
      '5.2.1',
      'Tỷ lệ cán bộ, công chức có trình độ đại học trở lên phù hợp vị trí việc làm',
      '1',
      'tỷ lệ',
      `Điểm = điểm tối đa × tỷ lệ. Năm 2022 xã Phượng Tiến ${quote('mới chỉ có 6/9 công chức có trình độ Đại học, đạt 66,7%.')}`,
      'Danh sách trích ngang cán bộ, công chức kèm trình độ chuyên môn',
      null,
      { source: `${SET_2026_SOURCE}; ${PHUONG_TIEN}` },
    ),
    item(
      '5.2.2',
      'Thực hiện kế hoạch đào tạo, bồi dưỡng cán bộ, công chức',
      '1',
      'tỷ lệ: làm tròn 0,25',
      'Điểm = điểm tối đa × tỷ lệ chỉ tiêu đào tạo, bồi dưỡng năm 2026 đã thực hiện.',
      'Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm 2026, có chữ ký số',
      needs('plan', '2026-02-28'),
    ),
  ]),
  item(
    '5.3',
    'Đánh giá, xếp loại chất lượng cán bộ, công chức',
    '2',
    'chấm điểm',
    'Đánh giá, xếp loại năm 2026 trên cơ sở kết quả công việc, đúng quy trình và thời hạn.',
    'Quyết định công nhận kết quả đánh giá, xếp loại cán bộ, công chức năm 2026, có chữ ký số',
    needs('decision', '2026-12-31'),
  ),
  item(
    '5.4',
    'Chấp hành kỷ luật, kỷ cương hành chính',
    '2',
    'trừ: 0,5/lần',
    'Mỗi trường hợp cán bộ, công chức bị kỷ luật hoặc bị phản ánh, kiến nghị có căn cứ về thái độ, trách nhiệm trừ 0,5 điểm.',
    'Báo cáo tình hình chấp hành kỷ luật, kỷ cương hành chính năm 2026, có chữ ký số',
    needs('report', '2026-12-15'),
  ),
  item(
    '5.5',
    'Văn hóa công vụ, quy tắc ứng xử',
    '1',
    'chấm điểm',
    'Có kế hoạch thực hiện văn hóa công vụ năm 2026 và tổ chức thực hiện.',
    'Kế hoạch thực hiện văn hóa công vụ năm 2026, có chữ ký số',
    needs('plan', '2026-03-31'),
  ),
]);

const area6of2026 = area('6', 'Cải cách tài chính công', '7', [
  item(
    '6.1',
    'Quy chế chi tiêu nội bộ năm 2026',
    '1',
    'có/không',
    'Quy chế chi tiêu nội bộ ban hành hoặc sửa đổi cho năm 2026, phù hợp quy định hiện hành.',
    'Quyết định ban hành Quy chế chi tiêu nội bộ, có chữ ký số',
    needs('decision', '2026-03-31'),
  ),
  item(
    '6.2',
    'Giải ngân vốn đầu tư công được giao',
    '2',
    'khung: [0;60)=0; [60;80)=1; [80;100]=2',
    'Theo tỷ lệ vốn đầu tư công năm 2026 đã giải ngân trên kế hoạch được giao.',
    'Báo cáo tình hình giải ngân vốn đầu tư công năm 2026, có chữ ký số',
    needs('report', '2026-12-31'),
  ),
  item(
    '6.3',
    'Thu ngân sách theo dự toán được giao',
    '1',
    'khung: [0;100)=0; [100;∞)=1',
    `Số thu ngân sách đạt so với dự toán được giao (có thể vượt 100 %). Năm 2022 xã Phượng Tiến mất điểm vì ${quote('thu ngân sách hàng năm của địa phương theo kế hoạch được giao không đạt.')}`,
    'Báo cáo thu, chi ngân sách năm 2026, có chữ ký số',
    needs('report', '2026-12-31'),
    { source: `${SET_2026_SOURCE}; ${PHUONG_TIEN}` },
  ),
  item(
    '6.4',
    'Quản lý, sử dụng tài sản công',
    '1',
    'có/không',
    'Tài sản công được quản lý, sử dụng đúng tiêu chuẩn, định mức; tài sản dôi dư sau sắp xếp được xử lý theo phương án được duyệt.',
    'Báo cáo kê khai, quản lý tài sản công năm 2026, có chữ ký số',
    needs('report', '2026-12-31'),
  ),
  item(
    '6.5',
    'Công khai ngân sách',
    '1',
    'trừ: 0,25/lần',
    'Công khai dự toán, tình hình thực hiện quý, 6 tháng và quyết toán đúng thời hạn; mỗi lần không công khai hoặc công khai trễ trừ 0,25 điểm.',
    'Quyết định công bố công khai dự toán ngân sách năm 2026, có chữ ký số',
    needs('decision', '2026-01-31'),
  ),
  item(
    '6.6',
    'Thực hiện kiến nghị của thanh tra, kiểm toán về tài chính',
    '1',
    'tỷ lệ; KAD: loại trừ',
    'Điểm = điểm tối đa × tỷ lệ kiến nghị đã thực hiện; không có kiến nghị nào thì đánh dấu không áp dụng.',
    'Báo cáo kết quả thực hiện kiến nghị thanh tra, kiểm toán, có chữ ký số',
    needs('report'),
  ),
]);

const area7of2026 = area('7', 'Xây dựng, phát triển chính quyền điện tử, chính quyền số', '12', [
  item(
    '7.1',
    'Ban hành kế hoạch chuyển đổi số năm 2026 đúng thời hạn',
    '1',
    'đúng hạn: hạn 31/01/2026; trễ 0,5',
    `Kế hoạch chuyển đổi số năm 2026 của UBND xã ban hành đến hết ngày 31/01/2026, có nhiệm vụ cụ thể. Năm 2022 xã Phượng Tiến chỉ được 0,5 điểm ${quote('Do không có nhiệm vụ chuyển đổi số được phê duyệt.')}`,
    'Kế hoạch chuyển đổi số năm 2026 của UBND xã, có chữ ký số',
    needs('plan', '2026-01-31'),
    { source: `${SET_2026_SOURCE}; ${PHUONG_TIEN}` },
  ),
  area('7.2', 'Văn bản điện tử và chữ ký số', '3', [
    item(
      '7.2.1',
      'Tỷ lệ văn bản đi được ký số, gửi nhận trên môi trường điện tử',
      '1,5',
      'khung: [0;80)=0; [80;95)=0,75; [95;100]=1,5',
      'Theo số liệu của hệ thống quản lý văn bản: từ 95 % được điểm tối đa, từ 80 % đến dưới 95 % được 0,75 điểm.',
      'Số liệu trích xuất từ hệ thống quản lý văn bản và điều hành',
      null,
    ),
    item(
      '7.2.2',
      'Văn bản ký số đúng ngày ban hành',
      '1,5',
      'trừ: 0,25/lần',
      `Mỗi văn bản làm minh chứng có ngày ký số khác ngày ban hành ghi trên văn bản trừ 0,25 điểm. Năm 2022 xã Phượng Tiến mất điểm vì ${quote('văn bản ký chưa đúng ngày ban hành')}.`,
      'Các văn bản điện tử có chữ ký số của UBND xã làm minh chứng',
      needs(null, undefined, 'problem'),
      { source: `${SET_2026_SOURCE}; ${BOTH}` },
    ),
  ]),
  area('7.3', 'Dịch vụ công trực tuyến', '4', [
    item(
      '7.3.1',
      'Tỷ lệ hồ sơ TTHC được xử lý trực tuyến toàn trình',
      '2',
      'tỷ lệ: làm tròn 0,25',
      'Điểm = điểm tối đa × tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ của các TTHC đủ điều kiện.',
      'Số liệu của Cổng dịch vụ công và Hệ thống thông tin giải quyết TTHC',
      null,
    ),
    item(
      '7.3.2',
      'Tỷ lệ hồ sơ có thanh toán trực tuyến',
      '1',
      'tỷ lệ: làm tròn 0,25',
      'Điểm = điểm tối đa × tỷ lệ hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến.',
      'Số liệu của Cổng dịch vụ công',
      null,
    ),
    item(
      '7.3.3',
      'Hướng dẫn người dân tạo tài khoản định danh điện tử, sử dụng dịch vụ công',
      '1',
      'có/không',
      'Bộ phận một cửa có người hướng dẫn, hỗ trợ người dân tạo tài khoản và nộp hồ sơ trực tuyến.',
      'Quyết định thành lập tổ hỗ trợ, hướng dẫn dịch vụ công trực tuyến, có chữ ký số',
      needs('decision'),
    ),
  ]),
  item(
    '7.4',
    'Sử dụng hệ thống thông tin báo cáo, họp trực tuyến',
    '1,5',
    'chấm điểm',
    'Báo cáo định kỳ gửi qua hệ thống thông tin báo cáo của tỉnh; có điểm họp trực tuyến kết nối với tỉnh.',
    'Báo cáo kết quả ứng dụng công nghệ thông tin năm 2026, có chữ ký số',
    needs('report', '2026-12-15'),
  ),
  item(
    '7.5',
    'Tỷ lệ cán bộ, công chức sử dụng thư điện tử công vụ',
    '1',
    'tỷ lệ',
    `Điểm = điểm tối đa × tỷ lệ. Năm 2022 xã Phượng Tiến mất điểm vì ${quote('tỷ lệ cán bộ, công chức sử dụng thư điện tử trong thực thi công vụ còn thấp')}.`,
    'Danh sách tài khoản thư điện tử công vụ của cán bộ, công chức',
    null,
    { source: `${SET_2026_SOURCE}; ${PHUONG_TIEN}` },
  ),
  item(
    '7.6',
    'Bảo đảm an toàn thông tin mạng',
    '1,5',
    'có/không',
    'Có kế hoạch bảo đảm an toàn thông tin mạng năm 2026 và không để xảy ra sự cố mất an toàn thông tin.',
    'Kế hoạch bảo đảm an toàn thông tin mạng năm 2026, có chữ ký số',
    needs('plan', '2026-03-31'),
  ),
]);

const area8of2026 = area(
  '8',
  'Tác động của cải cách hành chính đến phát triển kinh tế - xã hội',
  '10',
  [
    item(
      '8.1',
      'Thực hiện các chỉ tiêu phát triển kinh tế - xã hội được HĐND xã giao',
      '3',
      'tỷ lệ: làm tròn 0,25',
      'Điểm = điểm tối đa × tỷ lệ chỉ tiêu kinh tế - xã hội năm 2026 đạt hoặc vượt trên tổng số chỉ tiêu được giao.',
      'Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026 trình HĐND xã, có chữ ký số',
      needs('report', '2026-12-20'),
    ),
    item(
      '8.2',
      'Thu hút đầu tư, phát triển doanh nghiệp, hợp tác xã, hộ kinh doanh',
      '2',
      'chấm điểm',
      'Số doanh nghiệp, hợp tác xã, hộ kinh doanh thành lập mới và dự án thu hút đầu tư so với năm 2025.',
      'Báo cáo của UBND xã về phát triển doanh nghiệp, thu hút đầu tư năm 2026, có chữ ký số',
      needs('report', '2026-12-20'),
    ),
    item(
      '8.3',
      'Giảm tỷ lệ hộ nghèo theo chỉ tiêu được giao',
      '2',
      'khung: [0;100)=0; [100;∞)=2',
      'Tỷ lệ hộ nghèo giảm đạt hoặc vượt chỉ tiêu được giao (mức giảm thực tế so với mức giảm được giao, có thể vượt 100 %).',
      'Quyết định công nhận kết quả rà soát hộ nghèo, hộ cận nghèo năm 2026, có chữ ký số',
      needs('decision', '2026-12-31'),
    ),
    item(
      '8.4',
      'Tỷ lệ người dân tham gia bảo hiểm y tế',
      '1',
      'khung: [0;85)=0; [85;95)=0,5; [95;100]=1',
      `Từ 95 % được điểm tối đa, từ 85 % đến dưới 95 % được 0,5 điểm. Năm 2022 xã Phượng Tiến mất điểm vì ${quote('tỷ lệ người dân tham gia bảo hiểm y tế chỉ đạt dưới 85%')}.`,
      'Số liệu của cơ quan bảo hiểm xã hội về người tham gia bảo hiểm y tế trên địa bàn',
      null,
      { source: `${SET_2026_SOURCE}; ${PHUONG_TIEN}` },
    ),
    item(
      '8.5',
      'Xây dựng nông thôn mới, đô thị văn minh',
      '2',
      'chấm điểm',
      `Kết quả thực hiện các tiêu chí nông thôn mới (hoặc đô thị văn minh với phường) năm 2026. Năm 2022 xã Phượng Tiến mất điểm vì ${quote('báo cáo minh chứng hoàn thành các tiêu chí NTM không ký số')}.`,
      'Báo cáo kết quả thực hiện các tiêu chí nông thôn mới năm 2026, có chữ ký số',
      needs('report', '2026-12-20'),
      { source: `${SET_2026_SOURCE}; ${PHUONG_TIEN}` },
    ),
  ],
);

const area9of2026 = group(
  '9',
  'Điểm thưởng, điểm trừ trong công tác cải cách hành chính',
  '0',
  [
    item(
      '9.1',
      'Điểm thưởng',
      '2',
      'thưởng: 0,5/mục; tối đa 2',
      'Cộng 0,5 điểm cho mỗi sáng kiến, mô hình CCHC được cấp tỉnh trở lên công nhận hoặc nhân rộng trong năm, tổng không quá 2 điểm.',
      'Quyết định công nhận, khen thưởng của cấp có thẩm quyền, có chữ ký số',
      needs('decision', '2026-12-31'),
      { kind: 'bonus' },
    ),
    item(
      '9.2',
      'Điểm trừ',
      '2',
      'phạt: 0,5/mục; tối đa 2',
      'Trừ 0,5 điểm cho mỗi vi phạm kỷ luật, kỷ cương hành chính bị cấp có thẩm quyền xử lý hoặc phản ánh có căn cứ được báo chí nêu trong năm, tổng không quá 2 điểm.',
      'Văn bản kết luận, xử lý của cấp có thẩm quyền',
      null,
      { kind: 'penalty' },
    ),
  ],
  {
    guidance: 'Không tính vào điểm tối đa: điểm thưởng cộng và điểm trừ trừ vào tổng điểm.',
    source: SET_2026_SOURCE,
  },
);

/**
 * 2026 commune criteria set under two-level local government: the 2025 structure of eight areas
 * and a ninth for bonus and penalty points, with sub-criteria, scoring rules, guidance and what
 * each piece of evidence must be (type of document, signed, issued by a date in 2026). Every max,
 * rule and deadline is a placeholder (70 appraised + 30 survey), marked `toBeConfirmed`.
 */
export const PAR_2026_COMMUNE_SET: BundledCriteriaSet = {
  id: 'chi-so-2026-xa',
  name: 'Bộ chỉ số CCHC năm 2026 của UBND xã, phường (chính quyền hai cấp, đầy đủ tiêu chí thành phần)',
  unitKind: 'commune',
  year: 2026,
  surveyMaxHundredths: toHundredths('30'),
  description: `Bộ chỉ số đầy đủ cho năm 2026 dựng trên cấu trúc 8 nội dung và 1 nội dung điểm thưởng, điểm trừ của ${HA_NOI_2025}: tiêu chí thành phần ở mọi nội dung, cách chấm, hướng dẫn và yêu cầu tài liệu kiểm chứng (loại văn bản, chữ ký số, thời hạn ban hành trong năm 2026) để hệ thống tự kiểm tra tài liệu. Mọi điểm tối đa (70 điểm thẩm định + 30 điểm điều tra xã hội học), cách chấm và thời hạn là giá trị giữ chỗ, đánh dấu “cần xác nhận” theo quyết định của tỉnh.`,
  tree: {
    code: '',
    title: 'Bộ chỉ số CCHC năm 2026 của UBND xã, phường',
    maxHundredths: toHundredths('70'),
    toBeConfirmed: true,
    source: SET_2026_SOURCE,
    children: [
      area1of2026,
      area2of2026,
      area3of2026,
      area4of2026,
      area5of2026,
      area6of2026,
      area7of2026,
      area8of2026,
      area9of2026,
    ],
  },
};

/** Every bundled set, for the app's "start from a template" list. */
export const BUNDLED_CRITERIA_SETS: readonly BundledCriteriaSet[] = [
  THAI_NGUYEN_COMMUNE_2022,
  PAR_2025_COMMUNE_TEMPLATE,
  PAR_2025_DEPARTMENT_TEMPLATE,
  PAR_2026_COMMUNE_SET,
];
