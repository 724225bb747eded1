/**
 * Writing Excel workbooks for downloads (rankings, questionnaires, templates, reports). The one
 * module of the server, with the contained reader (workbook-read.ts), that uses exceljs: features
 * build their sheets on the workbook it gives and ask it for the file's bytes. exceljs is loaded
 * on the first workbook written, not when the server starts.
 */
import type ExcelJS from 'exceljs';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

/** A new, empty workbook. */
export async function newWorkbook(): Promise<Workbook> {
  const { default: lib } = await import('exceljs');
  return new lib.Workbook();
}

/** The .xlsx file of a workbook. */
export async function workbookBytes(wb: Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
