/**
 * The templates that ship with the product, one per document type, laid out as Decree 30/2020
 * prescribes: A4, margins 20/20/30/15 mm, Times New Roman, the two-column header (bodies and number
 * on the left, national name and motto on the right, each with its short rule, italic place and
 * date), type name and summary, justified body with a first-line indent, tables whose header row
 * repeats on every page, "Nơi nhận" beside the signing block, page numbers centred at the top from
 * page 2. They are ordinary Word files with `{placeholders}`: an administrator downloads one, edits
 * it in Word and uploads it back (uploadTemplate of service.ts, which first renders it on trial).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ITableCellOptions,
} from 'docx';
import type { DocumentType } from '../../../domain/documents/templates.ts';

const MM = 56.7; // twips per millimetre
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 20, bottom: 20, left: 30, right: 15 };
/** Width of the text between the margins, in twips. */
const TEXT_WIDTH = Math.round(A4.width - (MARGIN.left + MARGIN.right) * MM);
const BODY_SIZE = 28; // half-points: 14 pt
const INDENT = 720; // 1,27 cm

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const CELL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

const run = (text: string, style: RunStyle = {}) => new TextRun({ text, ...style });

/** A centred line (header, titles). */
function centred(text: string, style: RunStyle = {}, after = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after, line: 240 },
    children: [run(text, style)],
  });
}

/** A short centred rule under a header line, `width` twips long inside a column `column` wide. */
function rule(column: number, width: number): Paragraph {
  const side = Math.max(0, Math.round((column - width) / 2));
  return new Paragraph({
    // Spaced from the line above so the rule never touches or strikes through its descenders.
    spacing: { before: 80, after: 60, line: 120, lineRule: 'exact' },
    indent: { left: side, right: side },
    border: { top: { ...LINE, space: 4 } },
    children: [run('', { size: 4 })],
  });
}

/** A body paragraph: justified, first-line indent, 6 pt after, line spacing 1,15. */
function body(
  text: string | TextRun[],
  style: RunStyle = {},
  flow: { keepNext?: boolean; pageBreakBefore?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT },
    spacing: { before: 0, after: 120, line: 276 },
    keepNext: flow.keepNext ?? false,
    keepLines: flow.keepNext ?? false,
    pageBreakBefore: flow.pageBreakBefore ?? false,
    children: typeof text === 'string' ? [run(text, style)] : text,
  });
}

/** A section heading (I., 1., a)): bold, indented like the body, kept with what follows. */
const heading = (text: string) => body(text, { bold: true }, { keepNext: true });
/** A line that introduces what follows (a group title, "Kết quả theo lĩnh vực:"), kept with it. */
const lead = (text: string, style: RunStyle = {}) => body(text, style, { keepNext: true });
/** An annex title: centred, bold, on a new page after the signature, kept with its table. */
const annexTitle = (text: string, first: boolean) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: first ? 0 : 240, after: 120, line: 276 },
    keepNext: true,
    keepLines: true,
    pageBreakBefore: first,
    children: [run(text, { bold: true })],
  });
/** A line holding only a loop or condition tag; docxtemplater removes it when rendering. */
const tag = (text: string) =>
  new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(text)] });

function cell(
  text: string,
  width: number,
  options: {
    bold?: boolean;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    size?: number;
  } = {},
  extra: Partial<ITableCellOptions> = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: CELL_BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment: options.align ?? AlignmentType.LEFT,
        spacing: { before: 0, after: 0, line: 240 },
        children: [run(text, { bold: options.bold ?? false, size: options.size ?? 24 })],
      }),
    ],
    ...extra,
  });
}

/**
 * A table whose header row repeats on every page and whose second row repeats once per item of
 * `loop` (`{#loop}` opens in its first cell, `{/loop}` closes in its last).
 */
function loopTable(
  loop: string,
  columns: { title: string; field: string; share: number; align?: 'left' | 'center' | 'right' }[],
  size = 24,
): Table {
  const total = columns.reduce((s, c) => s + c.share, 0);
  const widths = columns.map((c) => Math.floor((TEXT_WIDTH * c.share) / total));
  const alignOf = (a: string | undefined) =>
    a === 'center'
      ? AlignmentType.CENTER
      : a === 'right'
        ? AlignmentType.RIGHT
        : AlignmentType.LEFT;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) =>
          cell(c.title, widths[i]!, { bold: true, align: AlignmentType.CENTER, size }),
        ),
      }),
      new TableRow({
        cantSplit: true,
        children: columns.map((c, i) => {
          const open = i === 0 ? `{#${loop}}` : '';
          const close = i === columns.length - 1 ? `{/${loop}}` : '';
          return cell(`${open}{${c.field}}${close}`, widths[i]!, { align: alignOf(c.align), size });
        }),
      }),
    ],
  });
}

/** The header: issuing bodies and number on the left, national name and motto on the right. */
function headerBlock(): Table {
  // 40 %: a body name of up to 22 capitals (bold, 12 pt) fits on one line (see headerLines).
  const left = Math.round(TEXT_WIDTH * 0.4);
  const right = TEXT_WIDTH - left;
  const column = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          column(left, [
            centred('{parentBody}', { size: 24 }),
            centred('{issuingBody}', { bold: true, size: 24 }),
            rule(left, 1300),
            centred('{symbol}', { size: 26 }),
          ]),
          column(right, [
            centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
            centred('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 28 }),
            rule(right, 3300),
            centred('{placeDate}', { italics: true, size: 28 }),
          ]),
        ],
      }),
    ],
  });
}

/** Type name, summary line and the short rule under them. */
function titleBlock(): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    centred('{typeName}', { bold: true, size: 28 }),
    centred('{summary}', { bold: true, size: 28 }),
    rule(TEXT_WIDTH, 1800),
  ];
}

/** "Nơi nhận" on the left, the signing block on the right. */
function signingBlock(): Table {
  const left = Math.round(TEXT_WIDTH * 0.5);
  const right = TEXT_WIDTH - left;
  const line = (text: string, style: RunStyle, align: 'left' | 'center') =>
    new Paragraph({
      alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: 240 },
      children: [run(text, style)],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      // One row that never splits: the signature stays with its last recipients.
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: left, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: [
              line('Nơi nhận:', { bold: true, italics: true, size: 24 }, 'left'),
              line('{#recipients}', { size: 22 }, 'left'),
              line('{text}', { size: 22 }, 'left'),
              line('{/recipients}', { size: 22 }, 'left'),
            ],
          }),
          new TableCell({
            width: { size: right, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: [
              line('{signAuthority}', { bold: true, size: 28 }, 'center'),
              line('{signTitle}', { bold: true, size: 28 }, 'center'),
              line('', {}, 'center'),
              line('', {}, 'center'),
              line('', {}, 'center'),
              line('', {}, 'center'),
              line('{signerName}', { bold: true, size: 28 }, 'center'),
            ],
          }),
        ],
      }),
    ],
  });
}

const spacer = () => new Paragraph({ spacing: { before: 0, after: 120 }, children: [] });
/** The empty line before the signing block, kept with it and with the closing sentence. */
const beforeSignature = () =>
  new Paragraph({ spacing: { before: 0, after: 120 }, keepNext: true, children: [] });

/** A document's parts: its body before the signature and its annexes after it. */
interface Parts {
  main: (Paragraph | Table)[];
  annex?: (Paragraph | Table)[];
}

function selfAssessmentBody(): Parts {
  return {
    main: [
      heading('I. CÔNG TÁC TỔ CHỨC, TRIỂN KHAI THỰC HIỆN'),
      body('{organisationText}'),
      heading('II. PHÂN TÍCH KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}'),
      heading('1. Tổng quan về chỉ số cải cách hành chính'),
      body('{resultSentence}'),
      heading('2. Đánh giá kết quả chung đạt được'),
      body('{yearOverYear}'),
      tag('{#criteria}'),
      body('- {title}: {resultText}{adjustment};'),
      tag('{/criteria}'),
      heading('3. Kết quả chi tiết điểm các tiêu chí, tiêu chí thành phần chưa đạt'),
      tag('{#lostGroups}'),
      lead('{number}. {title}:', { bold: true }),
      tag('{#full}'),
      body('Đạt điểm tối đa theo yêu cầu văn bản cấp trên.'),
      tag('{/full}'),
      tag('{#items}'),
      body('+ {title}: {reason}: {final}/{max} điểm.'),
      tag('{/items}'),
      tag('{/lostGroups}'),
      heading('4. Nguyên nhân tồn tại, hạn chế đối với các thành phần tiêu chí chưa đạt điểm'),
      body('{causesText}'),
      heading('5. Các giải pháp thực hiện'),
      tag('{#hasSolutions}'),
      tag('{#solutionGroups}'),
      lead('{number}. {title}', { bold: true }),
      tag('{#items}'),
      body('- {text}'),
      tag('{/items}'),
      tag('{/solutionGroups}'),
      tag('{/hasSolutions}'),
      tag('{^hasSolutions}'),
      body('{solutionsText}'),
      tag('{/hasSolutions}'),
      heading('III. CHỈ SỐ HÀI LÒNG ĐỐI VỚI SỰ PHỤC VỤ HÀNH CHÍNH'),
      tag('{#hasSipas}'),
      heading(
        '1. Các tiêu chí đo lường sự hài lòng của tổ chức, cá nhân đối với sự phục vụ của cơ quan hành chính nhà nước',
      ),
      lead('{sipasMethodText}'),
      tag('{#sipasElements}'),
      body('{letter}) {name}.'),
      tag('{/sipasElements}'),
      body('{sipasCountsText}'),
      heading('2. Phân tích chỉ số hài lòng'),
      body('{sipasOverall}'),
      lead('Kết quả theo lĩnh vực:'),
      loopTable(
        'sipasFields',
        [
          { title: 'Lĩnh vực', field: 'field', share: 19 },
          { title: 'Số phiếu', field: 'answers', share: 8, align: 'center' },
          { title: 'Rất hài lòng', field: 'verySatisfied', share: 12, align: 'center' },
          { title: 'Hài lòng', field: 'satisfied', share: 12, align: 'center' },
          { title: 'Bình thường', field: 'neutral', share: 12, align: 'center' },
          { title: 'Không hài lòng', field: 'dissatisfied', share: 12, align: 'center' },
          { title: 'Rất không hài lòng', field: 'veryDissatisfied', share: 12, align: 'center' },
          { title: 'Tỷ lệ hài lòng', field: 'satisfiedShare', share: 13, align: 'center' },
        ],
        22,
      ),
      spacer(),
      tag('{/hasSipas}'),
      tag('{^hasSipas}'),
      body('Chưa có kết quả khảo sát sự hài lòng của đơn vị trong năm {year}.'),
      tag('{/hasSipas}'),
      heading('IV. KIẾN NGHỊ, ĐỀ XUẤT'),
      body('{recommendationsText}'),
      lead(
        'Trên đây là báo cáo kết quả tự đánh giá chỉ số cải cách hành chính năm {year} của {unitName}./.',
      ),
    ],
  };
}

function campaignReportBody(): Parts {
  // Seed 004's sections: I overview (units, method, scale, sets), II how the year ran, III the
  // results per kind and the survey, IV the satisfaction index, V assessment, VI direction. (The
  // seed numbers the satisfaction index "III" a second time; here the numbering runs on.)
  return {
    main: [
      heading('I. TỔNG QUAN VỀ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}'),
      heading('1. Đối tượng đánh giá'),
      tag('{#kinds}'),
      body('{objectLine}'),
      tag('{/kinds}'),
      heading('2. Phương pháp xác định Chỉ số cải cách hành chính'),
      tag('{#methodLines}'),
      body('{line}'),
      tag('{/methodLines}'),
      heading('2.1. Thang điểm đánh giá'),
      lead('{scaleText}'),
      tag('{#kinds}'),
      tag('{#scaleLines}'),
      body('{line}'),
      tag('{/scaleLines}'),
      tag('{/kinds}'),
      tag('{#sets}'),
      heading('{number}. Bộ tiêu chí xác định Chỉ số cải cách hành chính đối với {kindName}'),
      body('(Bộ tiêu chí: {setName}).'),
      tag('{/sets}'),
      heading('II. TÌNH HÌNH TRIỂN KHAI XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}'),
      heading('1. Công tác tự đánh giá, chấm điểm của các cơ quan, đơn vị'),
      body('{selfAssessmentText}'),
      heading('2. Công tác thẩm định, đối chiếu kết quả'),
      body('{appraisalText}'),
      heading('III. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}'),
      tag('{#kinds}'),
      heading('{number}. Đối với {kindName}'),
      body('{summaryText}'),
      tag('{#criteria}'),
      body('- {title}: {resultText};'),
      tag('{/criteria}'),
      tag('{/kinds}'),
      tag('{#hasSocialSurvey}'),
      heading('{socialSurveyNumber}. Kết quả điều tra xã hội học'),
      body('{socialSurveyText}'),
      tag('{#socialSurveyUnits}'),
      body('{line}'),
      tag('{/socialSurveyUnits}'),
      tag('{/hasSocialSurvey}'),
      heading('IV. {sipasHeading}'),
      tag('{#hasSipas}'),
      body('{sipasText}'),
      tag('{#sipasElements}'),
      body('- Chỉ số hài lòng về {element} đạt {index}.'),
      tag('{/sipasElements}'),
      tag('{/hasSipas}'),
      tag('{^hasSipas}'),
      body('Chưa có kết quả khảo sát sự hài lòng trong hệ thống cho năm {year}.'),
      tag('{/hasSipas}'),
      heading('V. NHẬN XÉT, ĐÁNH GIÁ'),
      heading('1. Những kết quả đạt được'),
      body('{assessmentText}'),
      heading('2. Tồn tại, hạn chế'),
      body('{shortcomingsText}'),
      heading('VI. PHƯƠNG HƯỚNG, NHIỆM VỤ'),
      body('{directionText}'),
      lead('{closingText}'),
    ],
    annex: [
      annexTitle('PHỤ LỤC', true),
      annexTitle('KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} CỦA CÁC ĐƠN VỊ', false),
      // "Hạng" and the figures must fit their column on one line (12 pt, bold header).
      loopTable('annex', [
        { title: 'Hạng', field: 'rank', share: 10, align: 'center' },
        { title: 'Đơn vị', field: 'unitName', share: 29 },
        { title: 'Loại đơn vị', field: 'kindName', share: 17 },
        { title: 'Điểm thẩm định', field: 'appraised', share: 11, align: 'right' },
        { title: 'Điểm điều tra XHH', field: 'survey', share: 11, align: 'right' },
        { title: 'Chỉ số (%)', field: 'index', share: 10, align: 'right' },
        { title: 'Xếp loại', field: 'classLabel', share: 12, align: 'center' },
      ]),
    ],
  };
}

function dossierQuarterBody(): Parts {
  // Seed 003's sections: the bases and the opening sentence, I how the evaluation is organised,
  // II its results (collection, results per level, what is done with them), III difficulties.
  return {
    main: [
      body(
        'Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính; Thông tư số 01/2018/TT-VPCP ngày 23 tháng 11 năm 2018 của Văn phòng Chính phủ hướng dẫn thi hành một số quy định của Nghị định số 61/2018/NĐ-CP.',
      ),
      body('{introText}'),
      heading('I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN'),
      body('{methodText}'),
      heading('II. KẾT QUẢ THỰC HIỆN VIỆC TỔ CHỨC ĐÁNH GIÁ'),
      heading('1. Về tổ chức thu thập ý kiến đánh giá'),
      body('{collectionText}'),
      heading('2. Kết quả đánh giá việc giải quyết thủ tục hành chính'),
      body(
        'Tổng số đơn vị thuộc phạm vi đánh giá: {units}; số đơn vị đã được chấm điểm: {scored}. Kết quả cụ thể:',
      ),
      tag('{#levels}'),
      body('- {levelName}: {result}.'),
      tag('{/levels}'),
      body('{ratesText}'),
      heading('3. Xử lý kết quả đánh giá việc giải quyết thủ tục hành chính'),
      body('{handlingText}'),
      heading('III. NHỮNG KHÓ KHĂN, VƯỚNG MẮC'),
      body('{difficultiesText}'),
      lead('{closingText}'),
    ],
    annex: [
      annexTitle('PHỤ LỤC I', true),
      annexTitle('KẾT QUẢ ĐÁNH GIÁ CỦA CÁC ĐƠN VỊ', false),
      loopTable('annex', [
        { title: 'STT', field: 'number', share: 6, align: 'center' },
        { title: 'Đơn vị', field: 'unitName', share: 32 },
        { title: 'Số hồ sơ', field: 'dossiers', share: 14, align: 'right' },
        { title: 'Tổng điểm', field: 'total', share: 16, align: 'right' },
        { title: 'Xếp loại', field: 'classLabel', share: 22, align: 'center' },
      ]),
      spacer(),
      annexTitle('PHỤ LỤC II', false),
      annexTitle('KẾT QUẢ ĐÁNH GIÁ CỦA CÁN BỘ, CÔNG CHỨC', false),
      loopTable('officials', [
        { title: 'STT', field: 'number', share: 8, align: 'center' },
        { title: 'Họ và tên', field: 'name', share: 34 },
        { title: 'Đơn vị', field: 'unitName', share: 40 },
        { title: 'Tổng điểm', field: 'total', share: 18, align: 'right' },
      ]),
    ],
  };
}

const TASK_COLUMNS = [
  { title: 'STT', field: 'number', share: 6, align: 'center' as const },
  { title: 'Nhiệm vụ', field: 'content', share: 30 },
  { title: 'Sản phẩm đầu ra', field: 'output', share: 20 },
  { title: 'Người thực hiện', field: 'responsible', share: 17 },
  { title: 'Thời hạn', field: 'deadline', share: 13, align: 'center' as const },
  { title: 'Chỉ tiêu', field: 'target', share: 14, align: 'center' as const },
];

function remediationPlanBody(): Parts {
  return {
    main: [
      tag('{#bases}'),
      body('{text}', { italics: true }),
      tag('{/bases}'),
      body(
        '{unitName} xây dựng Kế hoạch triển khai thực hiện các giải pháp khắc phục những hạn chế, thiếu sót, cải thiện chỉ số cải cách hành chính năm {year} như sau:',
      ),
      heading('I. MỤC ĐÍCH, YÊU CẦU'),
      heading('1. Mục đích'),
      tag('{#purposes}'),
      body('- {text}'),
      tag('{/purposes}'),
      tag('{#goals}'),
      body('- {text}'),
      tag('{/goals}'),
      heading('2. Yêu cầu'),
      tag('{#requirements}'),
      body('- {text}'),
      tag('{/requirements}'),
      heading('II. NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN'),
      // Seed 001: 1. the index, one part per criterion that lost points; 2. the satisfaction index.
      heading('1. Đối với nội dung cải thiện chỉ số đánh giá, xếp hạng cải cách hành chính'),
      tag('{#groups}'),
      heading('{number}. {title}'),
      tag('{#items}'),
      body('+ Mục {code}: {title}: {pointsText}. Lí do mất điểm: {reason}'),
      tag('{/items}'),
      tag('{#hasTasks}'),
      loopTable('tasks', TASK_COLUMNS, 22),
      spacer(),
      tag('{/hasTasks}'),
      tag('{/groups}'),
      heading(
        '2. Nội dung cải thiện chỉ số mức độ hài lòng của tổ chức, cá nhân đối với sự phục vụ của cơ quan hành chính nhà nước',
      ),
      body('{sipasText}'),
      tag('{#hasSipasTasks}'),
      loopTable('sipasTasks', TASK_COLUMNS, 22),
      spacer(),
      tag('{/hasSipasTasks}'),
      tag('{#hasGeneralTasks}'),
      heading('3. Các nhiệm vụ chung'),
      loopTable('generalTasks', TASK_COLUMNS, 22),
      spacer(),
      tag('{/hasGeneralTasks}'),
      heading('III. TỔ CHỨC THỰC HIỆN'),
      tag('{#organisation}'),
      body('{text}'),
      tag('{/organisation}'),
    ],
  };
}

function supervisionNoticeBody(): Parts {
  return {
    main: [
      body('{introText}'),
      body('Qua giám sát, Thường trực Hội đồng nhân dân thông báo kết luận như sau:'),
      heading('I. ĐÁNH GIÁ VIỆC THỰC HIỆN KẾ HOẠCH GIÁM SÁT'),
      body([run('- Đoàn giám sát: ', { bold: true }), run('{leadersText}')]),
      lead('Tham gia đoàn có các thành viên:'),
      tag('{#members}'),
      body('{line}'),
      tag('{/members}'),
      heading('II. KẾT QUẢ GIÁM SÁT'),
      heading('1. Khái quát chung'),
      tag('{#background}'),
      body('{text}'),
      tag('{/background}'),
      heading('2. Những kết quả đạt được'),
      heading('2.1. Ưu điểm'),
      tag('{#strengths}'),
      body('- {text}'),
      tag('{/strengths}'),
      heading('2.2. Những hạn chế, tồn tại cần khắc phục và hoàn thiện'),
      tag('{#limitations}'),
      body('- {text}'),
      tag('{/limitations}'),
      heading('2.3. Về kết quả thực hiện công tác cải cách hành chính{resultsYearText}'),
      tag('{#reports}'),
      body('Theo {text}.'),
      tag('{/reports}'),
      tag('{#findingGroups}'),
      lead('{title}', { bold: true, italics: true }),
      tag('{#findings}'),
      body('+ {text}'),
      tag('{/findings}'),
      tag('{/findingGroups}'),
      heading('III. NHỮNG ĐỀ XUẤT, KIẾN NGHỊ CỦA ĐOÀN GIÁM SÁT'),
      heading('1. Đối với lãnh đạo Ủy ban nhân dân:'),
      tag('{#leadership}'),
      body('- {text}'),
      tag('{/leadership}'),
      heading('2. Đối với các công chức chuyên môn thuộc UBND:'),
      tag('{#officers}'),
      body('- {text}'),
      tag('{/officers}'),
      lead(
        'Trên đây là thông báo kết luận của Thường trực HĐND đối với {supervised} về kết quả giám sát việc thực hiện công tác cải cách hành chính {periodLabel}./.',
      ),
    ],
  };
}

const BODIES: Record<DocumentType, () => Parts> = {
  remediation_plan: remediationPlanBody,
  supervision_notice: supervisionNoticeBody,
  self_assessment_report: selfAssessmentBody,
  campaign_report: campaignReportBody,
  dossier_quarter_report: dossierQuarterBody,
};

/** The shipped template of a document type, as a .docx file. */
export async function defaultTemplate(type: DocumentType): Promise<Buffer> {
  const parts = BODIES[type]();
  const doc = new Document({
    creator: 'parindex',
    title: type,
    styles: {
      default: {
        document: { run: { font: 'Times New Roman', size: BODY_SIZE, color: '000000' } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: A4,
            margin: {
              top: Math.round(MARGIN.top * MM),
              bottom: Math.round(MARGIN.bottom * MM),
              left: Math.round(MARGIN.left * MM),
              right: Math.round(MARGIN.right * MM),
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: 26 })],
              }),
            ],
          }),
        },
        // Annexes come after the signature, each on a new page.
        children: [
          headerBlock(),
          ...titleBlock(),
          ...parts.main,
          beforeSignature(),
          signingBlock(),
          ...(parts.annex ?? []),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Page geometry the templates use, for tests and documentation. */
export const PAGE = { a4: A4, marginMm: MARGIN, textWidth: TEXT_WIDTH };
