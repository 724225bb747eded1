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
 *
 * Both pass validateTree. Content 9 of (b) is a normal node worth 0 whose children are bonus and
 * penalty nodes: they sit outside the max, so the children-add-up check holds (0 = 0).
 */
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

/** Every bundled set, for the app's "start from a template" list. */
export const BUNDLED_CRITERIA_SETS: readonly BundledCriteriaSet[] = [
  THAI_NGUYEN_COMMUNE_2022,
  PAR_2025_COMMUNE_TEMPLATE,
  PAR_2025_DEPARTMENT_TEMPLATE,
];
