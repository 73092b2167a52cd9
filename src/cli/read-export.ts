import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { exportKindOf, parseExport } from '../infra/export-file';
import type { RawRow } from '../services/import-rows';

/** Reads CSV (UTF-8, with or without BOM), XLSX (first sheet, first row as headers) or JSONL into rows. */
export async function readExport(file: string): Promise<RawRow[]> {
  const kind = exportKindOf(file);
  if (!kind) throw new Error(`unsupported file type ${path.extname(file).toLowerCase() || '(none)'}: use .csv, .xlsx or .jsonl`);
  return (await parseExport(kind, await readFile(file))).rows;
}
