/**
 * Hostile and heavy Office files for tests, built here part by part: zip bombs shaped as .xlsx and
 * .docx (a shared-strings or document part that inflates to hundreds of megabytes from a few
 * hundred kilobytes, with sizes in the archive that lie or tell the truth), XML with a document
 * type declaration, workbooks with too many cells, and plain large workbooks. Large parts are
 * deflated as a stream, so making a bomb never holds its inflated size in memory.
 */
import { randomBytes } from 'node:crypto';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

/** One part of an archive: its bytes, or a part already deflated with its inflated size. */
export type ZipPart =
  { name: string; data: Buffer } | { name: string; deflated: Buffer; size: number; crc: number };

/** A zip archive of the parts; `lie` declares every inflated size as 1 byte. */
export function zipArchive(parts: ZipPart[], { lie = false } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const deflated = 'data' in part ? deflateRawSync(part.data, { level: 1 }) : part.deflated;
    const size = lie ? 1 : 'data' in part ? part.data.length : part.size;
    const crc = 'data' in part ? crc32(part.data) : part.crc;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    centrals.push(central, name);
    offset += local.length + name.length + deflated.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/**
 * A part made of `head`, then `unit` repeated until about `bytes`, then `tail`, deflated as a
 * stream (the inflated text is never held whole).
 */
export async function repeatedPart(
  name: string,
  { head, unit, tail, bytes }: { head: string; unit: string; tail: string; bytes: number },
): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const finished = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((1024 * 1024) / unit.length))));
  let size = 0;
  let crc = 0;
  const write = async (b: Buffer) => {
    size += b.length;
    crc = crc32(b, crc);
    if (!deflate.write(b)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(head));
  while (size + block.length < bytes) await write(block);
  await write(Buffer.from(tail));
  deflate.end();
  await finished;
  return { name, deflated: Buffer.concat(out), size, crc };
}

const CONTENT_TYPES_XLSX = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS_XLSX = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

const text = (s: string) => Buffer.from(s);
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The parts of a workbook around its first sheet and shared strings. */
function workbookParts(sheet: ZipPart, sharedStrings: ZipPart): ZipPart[] {
  return [
    { name: '[Content_Types].xml', data: text(CONTENT_TYPES_XLSX) },
    { name: '_rels/.rels', data: text(ROOT_RELS_XLSX) },
    { name: 'xl/workbook.xml', data: text(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: text(WORKBOOK_RELS) },
    sharedStrings,
    sheet,
  ];
}

/** An .xlsx whose rows are given as text cells (inline strings, up to 26 columns), row 1 first. */
export function xlsxOf(rows: string[][]): Buffer {
  const xml = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells
          .map(
            (c, i) =>
              `<c r="${String.fromCharCode(65 + i)}${r + 1}" t="inlineStr"><is><t>${escape(c)}</t></is></c>`,
          )
          .join('')}</row>`,
    )
    .join('');
  return zipArchive(
    workbookParts(
      { name: 'xl/worksheets/sheet1.xml', data: text(SHEET_HEAD + xml + SHEET_TAIL) },
      {
        name: 'xl/sharedStrings.xml',
        data: text('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
      },
    ),
  );
}

/** An .xlsx whose shared-strings part inflates to `bytes` (a few hundred KB on the wire). */
export async function sharedStringsBomb(bytes: number, { lie = true } = {}): Promise<Buffer> {
  const strings = await repeatedPart('xl/sharedStrings.xml', {
    head: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    unit: '<si><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></si>',
    tail: '</sst>',
    bytes,
  });
  const sheet = {
    name: 'xl/worksheets/sheet1.xml',
    data: text(`${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`),
  };
  return zipArchive(workbookParts(sheet, strings), { lie });
}

/** An .xlsx whose first sheet has `cells` cells (numbers), in rows of 20. */
export async function manyCellsXlsx(cells: number): Promise<Buffer> {
  const sheet = await repeatedPart('xl/worksheets/sheet1.xml', {
    head: SHEET_HEAD,
    unit: `<row>${'<c><v>1</v></c>'.repeat(20)}</row>`,
    tail: SHEET_TAIL,
    bytes: (cells / 20) * (`<row>${'<c><v>1</v></c>'.repeat(20)}</row>`.length + 1),
  });
  return zipArchive(workbookParts(sheet, { name: 'xl/sharedStrings.xml', data: text('<sst/>') }));
}

/** An .xlsx whose workbook part declares an entity expanding a billion times (billion laughs). */
export function doctypeXlsx(): Buffer {
  const laughs = `<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
  const parts = workbookParts(
    { name: 'xl/worksheets/sheet1.xml', data: text(`${SHEET_HEAD}${SHEET_TAIL}`) },
    { name: 'xl/sharedStrings.xml', data: text(`${laughs}<sst><si><t>&c;</t></si></sst>`) },
  );
  return zipArchive(parts);
}

/**
 * A spreadsheet of about `bytes` on the wire that is not a bomb: distinct text cells that hardly
 * compress, in rows of 8 (a heavy but honest file).
 */
export function largeXlsx(bytes: number): Buffer {
  const rows: string[] = [];
  // About five bytes of XML per byte on the wire; each cell holds 16 random hex digits.
  const target = bytes * 5.2;
  const random = randomBytes(Math.ceil(target / 50) * 8).toString('hex');
  let size = 0;
  let at = 0;
  for (let n = 1; size < target; n++) {
    let cells = '';
    for (let c = 0; c < 8; c++, at += 16)
      cells += `<c r="${String.fromCharCode(65 + c)}${n}" t="inlineStr"><is><t>${random.slice(at, at + 16)}</t></is></c>`;
    const row = `<row r="${n}">${cells}</row>`;
    rows.push(row);
    size += row.length;
  }
  return zipArchive(
    workbookParts(
      { name: 'xl/worksheets/sheet1.xml', data: text(SHEET_HEAD + rows.join('') + SHEET_TAIL) },
      { name: 'xl/sharedStrings.xml', data: text('<sst/>') },
    ),
  );
}

const CONTENT_TYPES_DOCX = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS_DOCX = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A .docx whose document part inflates to `bytes` of paragraphs (the 95 MB template). */
export async function documentBomb(bytes: number, { lie = false } = {}): Promise<Buffer> {
  const body = await repeatedPart('word/document.xml', {
    head: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    unit: '<w:p><w:r><w:t>Ủy ban nhân dân</w:t></w:r></w:p>',
    tail: '</w:body></w:document>',
    bytes,
  });
  return zipArchive(
    [
      { name: '[Content_Types].xml', data: text(CONTENT_TYPES_DOCX) },
      { name: '_rels/.rels', data: text(ROOT_RELS_DOCX) },
      body,
    ],
    { lie },
  );
}

/** A .docx whose document part carries a DOCTYPE with an external entity. */
export function doctypeDocx(): Buffer {
  return zipArchive([
    { name: '[Content_Types].xml', data: text(CONTENT_TYPES_DOCX) },
    { name: '_rels/.rels', data: text(ROOT_RELS_DOCX) },
    {
      name: 'word/document.xml',
      data: text(
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>',
      ),
    },
  ]);
}
