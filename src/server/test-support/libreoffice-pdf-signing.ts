/**
 * A PDF signed by LibreOffice, for the tests: proof that the signature reader handles files that
 * this project did not write (LibreOffice writes its CMS in BER with indefinite lengths, puts the
 * signing time in the signature dictionary only, and adds ESS attributes). Tests only.
 *
 * LibreOffice signs on PDF export (`writer_pdf_Export` with the `SignPDF` and
 * `SignatureCertificate` filter options) with a certificate of its NSS database, whose private key
 * must be stored in that database. Without NSS's `certutil`/`pk12util`, the test key is put into a
 * fresh database through libnss3 itself (Python's ctypes), then a Basic macro run headless in a
 * private LibreOffice profile opens a Decree 30 page and exports it signed. Everything happens in
 * a temporary directory; `libreOfficeSigning` says why it cannot run when a piece is missing.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestSigner } from './test-pdfs.ts';

const find = (names: string[]) => names.find((p) => existsSync(p)) ?? null;
const soffice = find(['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice']);
const python = find(['/usr/bin/python3']);

function run(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 120_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${path.basename(file)}: ${stderr || error.message}`))
          : resolve(stdout),
    );
  });
}

/** Stores a PKCS #8 key and its certificate (and the CA's) in a new NSS database, via libnss3. */
const NSS_IMPORT = `
import ctypes, sys
nss = ctypes.CDLL('libnss3.so')
smime = ctypes.CDLL('libsmime3.so')
class SECItem(ctypes.Structure):
    _fields_ = [('type', ctypes.c_int), ('data', ctypes.c_void_p), ('len', ctypes.c_uint)]
def item(b):
    buf = ctypes.create_string_buffer(b, len(b))
    it = SECItem(0, ctypes.cast(buf, ctypes.c_void_p), len(b))
    it.keep = buf
    return it
db, cert_path, key_path, ca_path = sys.argv[1:5]
if nss.NSS_InitReadWrite(('sql:' + db).encode()) != 0: sys.exit('NSS_InitReadWrite')
nss.PK11_GetInternalKeySlot.restype = ctypes.c_void_p
slot = ctypes.c_void_p(nss.PK11_GetInternalKeySlot())
if nss.PK11_NeedUserInit(slot) and nss.PK11_InitPin(slot, None, b'') != 0: sys.exit('PK11_InitPin')
key, nick = item(open(key_path, 'rb').read()), item(b'signer')
if nss.PK11_ImportDERPrivateKeyInfo(slot, ctypes.byref(key), ctypes.byref(nick), None, 1, 1, 0xff, None) != 0:
    sys.exit('PK11_ImportDERPrivateKeyInfo')
smime.CERT_DecodeCertFromPackage.restype = ctypes.c_void_p
for p, name in ((cert_path, b'signer'), (ca_path, b'ca')):
    der = open(p, 'rb').read()
    cert = ctypes.c_void_p(smime.CERT_DecodeCertFromPackage(ctypes.c_char_p(der), len(der)))
    if not cert.value or nss.PK11_ImportCert(slot, cert, ctypes.c_ulong(0), name, 0) != 0:
        sys.exit('PK11_ImportCert')
nss.NSS_Shutdown()
`;

/** Opens the page hidden and exports it as a PDF signed with the database's personal certificate. */
function macro(dir: string): string {
  const url = (name: string) => pathToFileURL(path.join(dir, name)).href;
  return `
Function Prop(name As String, value) As com.sun.star.beans.PropertyValue
  Dim p As New com.sun.star.beans.PropertyValue
  p.Name = name
  p.Value = value
  Prop = p
End Function

Sub Main
  Dim log As Integer
  log = FreeFile
  Open "${path.join(dir, 'macro.log')}" For Output As #log
  On Error Goto Failed
  Dim init As Object, env As Object, cert As Object, doc As Object, personal
  init = createUnoService("com.sun.star.xml.crypto.SEInitializer")
  env = init.createSecurityContext("").getSecurityEnvironment()
  personal = env.getPersonalCertificates()
  If UBound(personal) < 0 Then Error 1000
  cert = personal(0)
  doc = StarDesktop.loadComponentFromURL("${url('page.html')}", "_blank", 0, _
    Array(Prop("Hidden", True), Prop("FilterName", "HTML (StarWriter)")))
  Dim filterData(4) As New com.sun.star.beans.PropertyValue
  filterData(0) = Prop("SignPDF", True)
  filterData(1) = Prop("SignatureCertificate", cert)
  filterData(2) = Prop("SignaturePassword", "")
  filterData(3) = Prop("SignatureLocation", "Quy Kỳ")
  filterData(4) = Prop("SignatureReason", "Ban hành")
  doc.storeToURL("${url('signed.pdf')}", _
    Array(Prop("FilterName", "writer_pdf_Export"), Prop("FilterData", filterData)))
  doc.close(True)
  Print #log, "signed"
  Close #log
  StarDesktop.terminate()
  Exit Sub
Failed:
  Print #log, "error " & Err & ": " & Error$
  Close #log
  StarDesktop.terminate()
End Sub`;
}

/** A report of xã Quy Kỳ laid out as Decree 30 asks (header in two columns, signing block). */
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"></head>
<body style="font-family: 'Liberation Serif', 'Tinos', serif">
<table width="100%"><tr><td width="45%">UBND HUYỆN VÂN HỒ<br>UỶ BAN NHÂN DÂN XÃ QUY KỲ</td>
<td width="55%">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr>
<tr><td>Số: 12/BC-UBND</td><td>Quy Kỳ, ngày 15 tháng 6 năm 2023</td></tr></table>
<p align="center"><b>BÁO CÁO</b><br><b>Kết quả cải cách hành chính 6 tháng đầu năm 2023</b></p>
<p>Thực hiện Kế hoạch số 87/KH-UBND, Ủy ban nhân dân xã báo cáo như sau.</p>
<table width="100%"><tr><td width="50%">Nơi nhận:<br>- UBND huyện;<br>- Lưu: VT.</td>
<td width="50%" align="center"><b>TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH</b><br><br><br>Luân Đức Quỳnh</td></tr></table>
</body></html>`;

/** Why LibreOffice signing cannot run here, or null when it can. */
export const libreOfficeUnavailable: string | null = !soffice
  ? 'LibreOffice (soffice) is not installed'
  : !python
    ? 'python3 is not installed (it stores the test key in the NSS database through libnss3)'
    : null;

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Exports the Decree 30 report as a PDF signed by LibreOffice with the test signer's key. */
export async function libreOfficeSignedPdf(signer: TestSigner): Promise<Buffer> {
  if (!soffice || !python) throw new Error(libreOfficeUnavailable ?? 'unavailable');
  const dir = await mkdtemp(path.join(tmpdir(), 'parindex-lo-sign-'));
  try {
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const officeArgs = ['--headless', '--norestore', `-env:UserInstallation=${profile}`];
    await run(soffice, [...officeArgs, '--terminate_after_init']);
    const module = path.join(dir, 'profile/user/basic/Standard/Module1.xba');
    await writeFile(
      module,
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n' +
        '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">' +
        xmlEscape(macro(dir)) +
        '</script:module>\n',
    );
    await writeFile(path.join(dir, 'page.html'), PAGE);
    await writeFile(path.join(dir, 'import.py'), NSS_IMPORT);
    await writeFile(path.join(dir, 'signer.der'), signer.certificateDer);
    await writeFile(path.join(dir, 'signer.p8'), signer.privateKeyDer);
    await writeFile(path.join(dir, 'ca.der'), signer.caDer);
    const nssdb = path.join(dir, 'nssdb');
    await run('/bin/mkdir', [nssdb]);
    const file = (name: string) => path.join(dir, name);
    await run(python, [
      file('import.py'),
      nssdb,
      file('signer.der'),
      file('signer.p8'),
      file('ca.der'),
    ]);
    await run(soffice, [...officeArgs, 'macro:///Standard.Module1.Main'], {
      MOZILLA_CERTIFICATE_FOLDER: `sql:${nssdb}`,
    });
    const log = await readFile(file('macro.log'), 'utf8').catch(() => 'no log');
    if (!log.includes('signed')) throw new Error(`LibreOffice did not sign: ${log.trim()}`);
    return await readFile(file('signed.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
