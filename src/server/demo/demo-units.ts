/**
 * The units of the seed documents as they were before July 2025: four districts with the old
 * communes that belonged to them (statistics-office codes from the official merge map), and Bảo
 * Yên's twelve district offices. District and office codes are demo codes, not official ones.
 */

export interface DemoDistrict {
  code: string;
  name: string;
  provinceCode: string;
  /** Old commune codes (valid until 30/06/2025) that belonged to the district. */
  communeCodes: string[];
}

export const DEMO_DISTRICTS: DemoDistrict[] = [
  {
    code: 'H-DINHHOA',
    name: 'Huyện Định Hóa',
    provinceCode: '19',
    communeCodes: [
      '05545',
      '05548',
      '05551',
      '05554',
      '05560',
      '05563',
      '05566',
      '05569',
      '05572',
      '05575',
    ],
  },
  {
    code: 'H-VANNINH',
    name: 'Huyện Vạn Ninh',
    provinceCode: '56',
    communeCodes: [
      '22489',
      '22492',
      '22495',
      '22498',
      '22501',
      '22504',
      '22507',
      '22510',
      '22513',
      '22516',
      '22519',
      '22522',
      '22525',
    ],
  },
  {
    code: 'H-DIENBIENDONG',
    name: 'Huyện Điện Biên Đông',
    provinceCode: '11',
    communeCodes: ['03203', '03205', '03208', '03211', '03214'],
  },
  {
    // Seed 004: 17 communes and the township of Phố Ràng.
    code: 'H-BAOYEN',
    name: 'Huyện Bảo Yên',
    provinceCode: '15',
    communeCodes: [
      '02947',
      '02950',
      '02953',
      '02956',
      '02959',
      '02962',
      '02965',
      '02968',
      '02971',
      '02974',
      '02977',
      '02980',
      '02983',
      '02986',
      '02989',
      '02992',
      '02998',
    ],
  },
];

/** Seed 004 names five of the twelve offices; the other seven are the usual district offices. */
export const BAO_YEN_OFFICES: Array<{ code: string; name: string; fromSeed: boolean }> = [
  { code: 'BY-NV', name: 'Phòng Nội vụ', fromSeed: true },
  { code: 'BY-VP', name: 'Văn phòng HĐND và UBND huyện', fromSeed: true },
  { code: 'BY-TCKH', name: 'Phòng Tài chính - Kế hoạch', fromSeed: true },
  { code: 'BY-TP', name: 'Phòng Tư pháp', fromSeed: true },
  { code: 'BY-VHTT', name: 'Phòng Văn hóa và Thông tin', fromSeed: true },
  { code: 'BY-DT', name: 'Phòng Dân tộc', fromSeed: true },
  { code: 'BY-TNMT', name: 'Phòng Tài nguyên và Môi trường', fromSeed: true },
  { code: 'BY-GDDT', name: 'Phòng Giáo dục và Đào tạo', fromSeed: false },
  { code: 'BY-LDTBXH', name: 'Phòng Lao động - Thương binh và Xã hội', fromSeed: false },
  { code: 'BY-KTHT', name: 'Phòng Kinh tế và Hạ tầng', fromSeed: false },
  { code: 'BY-NNPTNT', name: 'Phòng Nông nghiệp và Phát triển nông thôn', fromSeed: false },
  { code: 'BY-TTR', name: 'Thanh tra huyện', fromSeed: false },
];

export const DEMO_PASSWORD = 'demo-parindex';

/**
 * A demo account's e-mail address, under the reserved top-level domain `.example` (RFC 2606): the
 * notices show who would be written to, and no mail can reach a real person.
 */
export const demoEmail = (username: string): string => `${username}@parindex.example`;

/** One account per role, on the unit where the seed documents put that person. */
export const DEMO_ACCOUNTS: Array<{
  username: string;
  fullName: string;
  role: string;
  unitCode: string;
  unitCurrent: boolean;
}> = [
  {
    username: 'noivu.thainguyen',
    fullName: 'Sở Nội vụ Thái Nguyên (demo)',
    role: 'standing_agency',
    unitCode: '19',
    unitCurrent: true,
  },
  {
    username: 'noivu.khanhhoa',
    fullName: 'Sở Nội vụ Khánh Hòa (demo)',
    role: 'standing_agency',
    unitCode: '56',
    unitCurrent: true,
  },
  {
    username: 'canbo.kimphuong',
    fullName: 'Công chức CCHC xã Kim Phượng (demo)',
    role: 'unit_officer',
    unitCode: '05551',
    unitCurrent: true,
  },
  {
    username: 'chutich.kimphuong',
    fullName: 'Chủ tịch UBND xã Kim Phượng (demo)',
    role: 'unit_head',
    unitCode: '05551',
    unitCurrent: true,
  },
  {
    username: 'thamdinh.thainguyen',
    fullName: 'Thành viên tổ thẩm định Thái Nguyên (demo)',
    role: 'appraiser',
    unitCode: '19',
    unitCurrent: true,
  },
  {
    username: 'hoidong.thainguyen',
    fullName: 'Chủ tịch Hội đồng thẩm định Thái Nguyên (demo)',
    role: 'council_chair',
    unitCode: '19',
    unitCurrent: true,
  },
  {
    username: 'hdnd.phuongtien',
    fullName: 'Đại biểu HĐND xã Phượng Tiến (demo)',
    role: 'council_member',
    unitCode: '05563',
    unitCurrent: true,
  },
  {
    username: 'dieutra.dailanh',
    fullName: 'Điều tra viên xã Đại Lãnh (demo)',
    role: 'enumerator',
    unitCode: '22504',
    unitCurrent: true,
  },
  {
    username: 'canbo.dailanh',
    fullName: 'Công chức CCHC xã Đại Lãnh (demo)',
    role: 'unit_officer',
    unitCode: '22504',
    unitCurrent: true,
  },
  // The heads who sign the drafted documents, by the name the seeds print (Bảo Yên's report and
  // Kim Phượng's plan print none: those names are illustrative), and the offices that draft seeds
  // 003 and 004 without the administrator.
  {
    username: 'chutich.quyky',
    fullName: 'Luân Đức Quỳnh',
    role: 'unit_head',
    unitCode: '05545',
    unitCurrent: false,
  },
  {
    username: 'chutich.dienbiendong',
    fullName: 'Bùi Ngọc La',
    role: 'unit_head',
    unitCode: 'H-DIENBIENDONG',
    unitCurrent: false,
  },
  {
    username: 'vanphong.dienbiendong',
    fullName: 'Văn phòng HĐND-UBND huyện Điện Biên Đông (demo)',
    role: 'standing_agency',
    unitCode: 'H-DIENBIENDONG',
    unitCurrent: false,
  },
  {
    username: 'chutich.baoyen',
    fullName: 'Nguyễn Văn An',
    role: 'unit_head',
    unitCode: 'H-BAOYEN',
    unitCurrent: false,
  },
  {
    username: 'noivu.baoyen',
    fullName: 'Phòng Nội vụ huyện Bảo Yên (demo)',
    role: 'standing_agency',
    unitCode: 'H-BAOYEN',
    unitCurrent: false,
  },
];
