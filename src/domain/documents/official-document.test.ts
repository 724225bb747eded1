import { describe, expect, it } from 'vitest';
import { readOfficialDocument } from './official-document.ts';

// Headers and endings of the seed documents (/work/shared/seeds), as converted from Word: one cell
// per line, `**` around bold text.
const SEED_000 = `

Số: /BC-UBND

Quy Kỳ, ngày 10 tháng 5 năm 2023

BÁO CÁO

Kết quả tự đánh giá chỉ số cải cách hành chính, sự hài lòng của tổ chức, cá nhân đối với sự phục vụ hành chính năm 2022 của UBND xã Quy Kỳ

I. CÔNG TÁC TỔ CHỨC, TRIỂN KHAI THỰC HIỆN

1. Các văn bản chỉ đạo, triển khai thực hiện của cấp trên

Ủy ban xã xây dựng kế hoạch CCHC của đơn vị: Kế hoạch số 87/KH-UBND ngày 31 tháng 12 năm 2021 kế hoạch cải cách hành chính năm 2022 của xã Quy Kỳ.

Nơi nhận:

- UBND huyện;
- TT Đảng ủy xã,
- TT HĐND-UBND;
- Lưu:Vp.

**TM.ỦY BAN NHÂN DÂN
CHỦ TỊCH**

Luân Đức Quỳnh
`;

const SEED_001 = `

Số: /KH-UBND

Đại Lãnh, ngày tháng 4 năm 2023

KẾ HOẠCH

Triển khai thực hiện các giải pháp khắc phục những hạn chế, thiếu sót cải thiện chỉ số cải cách hành chính và nâng cao chỉ số mức độ hài lòng của tổ chức, cá nhân đối với sự phục vụ của cơ quan hành chính nhà nước năm 2023

Căn cứ Quyết định số 108/QĐ-UBND ngày 12/01/2023 của UBND tỉnh Khánh Hòa về việc phê duyệt và công bố chỉ số xếp hạng kết quả cải cách hành chính năm 2022;

Ủy ban nhân dân xã yêu cầu các cán bộ, công chức căn cứ nội dung nghiêm túc triển khai thực hiện./.

Nơi nhận:

- Phòng Nội vụ huyện (b/c);
- Lưu: VT, VP.

**TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH**

Nguyễn Lê Ngọc Toàn`;

const SEED_002 = `

**HỘI ĐỒNG NHÂN DÂN
XÃ PHƯƠNG TIẾN**

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Số: /TB-HĐND

Phượng Tiến, ngày 15 tháng 9 năm 2023

THÔNG BÁO

Kết luận của Thường trực HĐND về kết quả giám sát việc thực hiện công tác cải cách hành chính 08 tháng đầu năm 2023

Thực hiện Kế hoạch số 04/KH-HĐND, ngày 01/08/2023 của Thường trực Hội đồng nhân dân.

Nơi nhận:

- TT Đảng ủy, TTHĐND (b/c);
- Lưu: VT.

TM. THƯỜNG TRỰC HĐND
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Lương Anh Nghiêm`;

const SEED_003 = `

Số: /BC-UBND

Điện Biên Đông, ngày tháng 6 năm 2021

BÁO CÁO

Kết quả chấm điểm đánh giá việc giải quyết thủ tục hành chính Quý II năm 2021 trên địa bàn huyện Điện Biên Đông

Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa.

Nơi nhận:

- Văn phòng UBND tỉnh Điện Biên;
- Lưu: VT.

**TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH**

Bùi Ngọc La
`;

// Seed 000's header as a PDF's text layer gives it: the two header columns on one line,
// separated by a tab, a blank line where the page leaves a gap.
const PDF_000 = [
  'UBND HUYỆN VÂN HỒ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'UỶ BAN NHÂN DÂN XÃ QUY KỲ\tĐộc lập - Tự do - Hạnh phúc',
  '______\t________________',
  'Số: 87/KH-UBND\tQuy Kỳ, ngày 10 tháng 5 năm 2023',
  '',
  'KẾ HOẠCH',
  'Cải cách hành chính năm 2023',
  'của Ủy ban nhân dân xã Quy Kỳ',
  '',
  'Căn cứ Quyết định số 108/QĐ-UBND ngày 12/01/2023 của UBND tỉnh;',
  '',
  'Nơi nhận:\tTM. ỦY BAN NHÂN DÂN',
  '- UBND huyện;\tKT. CHỦ TỊCH',
  '- Lưu: VT.\tPHÓ CHỦ TỊCH',
  '',
  '\tLuân Đức Quỳnh',
].join('\n');

describe('reading an official document', () => {
  it('reads seed 000: blank number, report, date, summary, signing block', () => {
    expect(readOfficialDocument(SEED_000)).toEqual({
      number: null,
      numberBlank: true,
      symbol: 'BC-UBND',
      kind: 'report',
      typeName: 'Báo cáo',
      issuer: null,
      parentBody: null,
      place: 'Quy Kỳ',
      issuedOn: '2023-05-10',
      issuedYear: 2023,
      dateBlank: false,
      summary:
        'Kết quả tự đánh giá chỉ số cải cách hành chính, sự hài lòng của tổ chức, cá nhân đối với sự phục vụ hành chính năm 2022 của UBND xã Quy Kỳ',
      signing: {
        lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
        title: 'CHỦ TỊCH',
        capacity: 'TM',
        name: 'Luân Đức Quỳnh',
      },
    });
  });

  it('reads seed 001: a plan whose day was left blank keeps its year', () => {
    expect(readOfficialDocument(SEED_001)).toEqual({
      number: null,
      numberBlank: true,
      symbol: 'KH-UBND',
      kind: 'plan',
      typeName: 'Kế hoạch',
      issuer: null,
      parentBody: null,
      place: 'Đại Lãnh',
      issuedOn: null,
      issuedYear: 2023,
      dateBlank: true,
      summary:
        'Triển khai thực hiện các giải pháp khắc phục những hạn chế, thiếu sót cải thiện chỉ số cải cách hành chính và nâng cao chỉ số mức độ hài lòng của tổ chức, cá nhân đối với sự phục vụ của cơ quan hành chính nhà nước năm 2023',
      signing: {
        lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
        title: 'CHỦ TỊCH',
        capacity: 'TM',
        name: 'Nguyễn Lê Ngọc Toàn',
      },
    });
  });

  it('reads seed 002: issuer on two lines, deputy signing on behalf of the standing committee', () => {
    expect(readOfficialDocument(SEED_002)).toEqual({
      number: null,
      numberBlank: true,
      symbol: 'TB-HĐND',
      kind: 'notice',
      typeName: 'Thông báo',
      issuer: 'HỘI ĐỒNG NHÂN DÂN XÃ PHƯƠNG TIẾN',
      parentBody: null,
      place: 'Phượng Tiến',
      issuedOn: '2023-09-15',
      issuedYear: 2023,
      dateBlank: false,
      summary:
        'Kết luận của Thường trực HĐND về kết quả giám sát việc thực hiện công tác cải cách hành chính 08 tháng đầu năm 2023',
      signing: {
        lines: ['TM. THƯỜNG TRỰC HĐND', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
        title: 'PHÓ CHỦ TỊCH',
        capacity: 'TM',
        name: 'Lương Anh Nghiêm',
      },
    });
  });

  it('reads seed 003: a district report of 2021 without a day', () => {
    expect(readOfficialDocument(SEED_003)).toEqual({
      number: null,
      numberBlank: true,
      symbol: 'BC-UBND',
      kind: 'report',
      typeName: 'Báo cáo',
      issuer: null,
      parentBody: null,
      place: 'Điện Biên Đông',
      issuedOn: null,
      issuedYear: 2021,
      dateBlank: true,
      summary:
        'Kết quả chấm điểm đánh giá việc giải quyết thủ tục hành chính Quý II năm 2021 trên địa bàn huyện Điện Biên Đông',
      signing: {
        lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
        title: 'CHỦ TỊCH',
        capacity: 'TM',
        name: 'Bùi Ngọc La',
      },
    });
  });

  it("reads a PDF's two-column header: parent body, issuer, number, summary over two lines", () => {
    expect(readOfficialDocument(PDF_000)).toEqual({
      number: '87/KH-UBND',
      numberBlank: false,
      symbol: 'KH-UBND',
      kind: 'plan',
      typeName: 'Kế hoạch',
      issuer: 'UỶ BAN NHÂN DÂN XÃ QUY KỲ',
      parentBody: 'UBND HUYỆN VÂN HỒ',
      place: 'Quy Kỳ',
      issuedOn: '2023-05-10',
      issuedYear: 2023,
      dateBlank: false,
      summary: 'Cải cách hành chính năm 2023 của Ủy ban nhân dân xã Quy Kỳ',
      signing: {
        lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
        title: 'PHÓ CHỦ TỊCH',
        capacity: 'TM',
        name: 'Luân Đức Quỳnh',
      },
    });
  });

  it('reads an official letter: no type name, its summary after V/v, a dd/mm/yyyy date', () => {
    const text = [
      'UỶ BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'XÃ QUY KỲ\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 296/UBND-VP\tQuy Kỳ, 05/02/2024',
      'V/v báo cáo kết quả cải cách hành chính',
      '',
      'Kính gửi: Phòng Nội vụ huyện.',
      '',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      '',
      'Hoàng Văn An',
    ].join('\n');
    expect(readOfficialDocument(text)).toEqual({
      number: '296/UBND-VP',
      numberBlank: false,
      symbol: 'UBND-VP',
      kind: 'official_letter',
      typeName: 'Công văn',
      issuer: 'UỶ BAN NHÂN DÂN XÃ QUY KỲ',
      parentBody: null,
      place: 'Quy Kỳ',
      issuedOn: '2024-02-05',
      issuedYear: 2024,
      dateBlank: false,
      summary: 'báo cáo kết quả cải cách hành chính',
      signing: {
        lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
        title: 'PHÓ CHỦ TỊCH',
        capacity: 'KT',
        name: 'Hoàng Văn An',
      },
    });
  });

  it.each([
    ['Số: 12/QĐ-UBND', 'decision', 'Quyết định'],
    ['Số: 3/TTr-UBND', 'submission', 'Tờ trình'],
    ['Số: 04/KH - HĐND', 'plan', 'Kế hoạch'],
    ['Số: 7/HD-UBND', 'guidance', 'Hướng dẫn'],
    ['Số: 9/BB-UBND', 'minutes', 'Biên bản'],
    ['Số: 2/GM-UBND', 'other', 'Giấy mời'],
    ['Số: 5/CTr-UBND', 'programme', 'Chương trình'],
    ['Số: 15/TB-UBND', 'notice', 'Thông báo'],
  ])('reads the type from the symbol of %s', (line, kind, typeName) => {
    const read = readOfficialDocument(`${line}\tQuy Kỳ, ngày 10 tháng 5 năm 2023`);
    expect(read).toMatchObject({ kind, typeName, issuedOn: '2023-05-10', numberBlank: false });
  });

  it('reads nothing from text that is not an official document', () => {
    expect(
      readOfficialDocument(
        'Ảnh chụp buổi tuyên truyền ngày 28/11/2022 tại nhà văn hoá thôn, có rất nhiều người dân tham dự và theo dõi',
      ),
    ).toEqual({
      number: null,
      numberBlank: false,
      symbol: null,
      kind: null,
      typeName: null,
      issuer: null,
      parentBody: null,
      place: null,
      issuedOn: null,
      issuedYear: null,
      dateBlank: false,
      summary: null,
      signing: null,
    });
    expect(readOfficialDocument('')).toMatchObject({ number: null, signing: null });
  });

  it('refuses an impossible date rather than inventing one', () => {
    expect(readOfficialDocument('Số: 1/KH-UBND\tQuy Kỳ, ngày 31 tháng 2 năm 2023')).toMatchObject({
      issuedOn: null,
      issuedYear: 2023,
    });
  });
});
