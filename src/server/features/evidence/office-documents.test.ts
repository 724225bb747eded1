/**
 * Evidence written by LibreOffice, a tool this product did not write: a Decree 30 plan saved as
 * PDF, Word and OpenDocument is read alike (number, date, issuer apart from the national name,
 * type, signer), uploaded .docx and .odt files are typed and checked through the API, and hostile
 * Word files stay harmless.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { checkFile, drainEvidenceChecks } from './check.service.ts';
import { MEDIA_TYPES } from './content-type.ts';
import { libreOfficeDocument, libreOfficeMissing } from './libreoffice-documents.ts';
import { officeBodyText } from './office-text.ts';
import { multipart, zipOf } from '../../test-support/test-files.ts';

if (libreOfficeMissing) console.warn(`LibreOffice document tests skipped: ${libreOfficeMissing}`);

/** What the plan of xã Bảo Cường prints, field by field (see libreoffice-documents.ts). */
const PRINTED = {
  number: '87/KH-UBND',
  kind: 'plan',
  typeName: 'Kế hoạch',
  parentBody: 'UBND HUYỆN ĐỊNH HÓA',
  issuer: 'ỦY BAN NHÂN DÂN XÃ BẢO CƯỜNG',
  place: 'Bảo Cường',
  issuedOn: '2023-05-10',
  summary: 'Cải cách hành chính năm 2023',
  signing: { capacity: 'TM', title: 'CHỦ TỊCH', name: 'Luân Đức Quỳnh' },
};

describe.skipIf(libreOfficeMissing !== null)('a Decree 30 plan saved by LibreOffice', () => {
  const files: Partial<Record<'pdf' | 'docx' | 'odt', Buffer>> = {};
  beforeAll(async () => {
    // One after the other: each conversion starts LibreOffice with a profile of its own.
    for (const format of ['pdf', 'docx', 'odt'] as const)
      files[format] = await libreOfficeDocument(format);
  }, 180_000);

  it.each(['pdf', 'docx', 'odt'] as const)(
    'is read from its %s like an appraiser reads it',
    async (format) => {
      const outcome = await checkFile(files[format]!, MEDIA_TYPES[format]);
      expect(outcome).toMatchObject({ status: 'done', error: null, readBy: 'text' });
      expect(outcome.metadata).toMatchObject(PRINTED);
    },
  );

  it('keeps the national name and motto out of the issuing bodies of the PDF', async () => {
    const outcome = await checkFile(files.pdf!, MEDIA_TYPES.pdf);
    for (const body of [outcome.metadata?.issuer, outcome.metadata?.parentBody]) {
      expect(body).not.toMatch(/CỘNG HÒA|Độc lập/u);
    }
  });

  describe('uploaded through the library', () => {
    let h: Harness;
    let officer: Client;
    let unit: number;
    beforeAll(async () => {
      h = await createHarness();
      officer = await h.login('canbo.kimphuong');
      unit = await unitIdByCode(officer, '05551');
    });
    afterAll(async () => h?.close());

    it.each([
      ['ke-hoach.odt', 'odt'],
      ['ke-hoach.docx', 'docx'],
    ] as const)(
      '%s is typed by its content and its check shows what it says',
      async (name, format) => {
        const { body, headers } = multipart({ name, content: files[format]! });
        const res = await officer.request<any>(
          'POST',
          `/api/v1/units/${unit}/evidence`,
          body,
          headers,
        );
        expect(res.status).toBe(201);
        expect(res.body.versions?.[0]?.mediaType ?? res.body.mediaType).toBe(MEDIA_TYPES[format]);
        await drainEvidenceChecks(h.deps);
        const check = await officer.get<any>(`/api/v1/evidence/${res.body.id}/check?year=2023`);
        expect(check.status).toBe(200);
        expect(check.body).toMatchObject({ status: 'done', readBy: 'text', metadata: PRINTED });
      },
    );
  });
});

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A zip archive whose parts are deflated (the library's test zipOf stores them). */
function deflatedZip(entries: Record<string, Buffer | string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const raw = Buffer.from(content);
    const data = deflateRawSync(raw);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('hostile Word files', () => {
  const DOCX = MEDIA_TYPES.docx;

  it('refuses to read a body with entities (billion laughs) and says the file is damaged', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    const file = zipOf({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': laughs });
    expect(await checkFile(file, DOCX)).toMatchObject({
      status: 'unreadable',
      error: 'corrupt',
      metadata: null,
    });
  });

  it('stops a body that inflates beyond its cap (40 MB of one letter) as too large', async () => {
    const body = Buffer.concat([
      Buffer.from(`<w:document ${W}><w:body><w:p><w:r><w:t>`),
      Buffer.alloc(40 * 1024 * 1024, 'a'),
      Buffer.from('</w:t></w:r></w:p></w:body></w:document>'),
    ]);
    expect(
      await checkFile(
        deflatedZip({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': body }),
        DOCX,
      ),
    ).toMatchObject({
      status: 'unreadable',
      error: 'too_large',
    });
  });

  it('says a Word file without its body is damaged', async () => {
    const file = zipOf({ '[Content_Types].xml': CONTENT_TYPES, 'word/other.xml': '<x/>' });
    expect(await checkFile(file, DOCX)).toMatchObject({ status: 'unreadable', error: 'corrupt' });
  });
});

describe('the body of a Word file as lines', () => {
  it('puts a table row’s cells side by side and skips deleted text and field codes', () => {
    const cell = (...paragraphs: string[]) =>
      `<w:tc>${paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('')}</w:tc>`;
    const xml =
      `<w:document ${W}><w:body><w:tbl><w:tblPr/><w:tr>` +
      cell('UBND HUYỆN A', 'ỦY BAN NHÂN DÂN XÃ B') +
      cell('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc') +
      '</w:tr></w:tbl><w:p><w:r><w:t xml:space="preserve">KẾ </w:t></w:r>' +
      '<w:r><w:delText>BỎ</w:delText></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>' +
      '<w:r><w:t>HOẠCH &amp; VIỆC</w:t></w:r></w:p></w:body></w:document>';
    expect(officeBodyText(xml, 'docx')).toBe(
      [
        '',
        'UBND HUYỆN A\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'ỦY BAN NHÂN DÂN XÃ B\tĐộc lập - Tự do - Hạnh phúc',
        '',
        'KẾ HOẠCH & VIỆC',
      ].join('\n'),
    );
  });
});
