import type { NewComplaint } from '../../domain/complaint';
import { maskNumbersInText, maskPhone } from '../../domain/masking';
import {
  cellText,
  fieldOfHeader,
  REQUIRED_FIELDS,
  rowToComplaint,
  type ImportField,
  type ParsedExport,
  type RowProblemCode,
} from '../import-rows';

export interface PreviewRow {
  /** The row's number in the file, the header being row 1. */
  row: number;
  /** One value per column, in the file's order, numbers masked. */
  cells: string[];
  rejection: { code: RowProblemCode; value?: string } | null;
  /** The earlier row with the same id: this one will count as a duplicate. */
  duplicateOf: number | null;
}

export interface ImportPreview {
  /** Each column of the file and the field it is read into (null: ignored). */
  columns: { header: string; field: ImportField | null }[];
  /** Required fields no column provides: every row will be rejected. */
  missing: ImportField[];
  rows: number;
  sample: PreviewRow[];
  /** Over the whole file. */
  wouldReject: number;
  duplicatesInFile: number;
}

const SAMPLE_ROWS = 20;

/** Phone numbers are masked as everywhere in the console; so are numbers inside the complaint text. */
function shown(field: ImportField | null, value: string): string {
  if (field === 'phone') return maskPhone(value.replace(/\D/g, '')) ?? '';
  return maskNumbersInText(value);
}

/** What an import would do with a file, before it runs: the columns it reads, the rows it would reject. */
export function previewImport(parsed: ParsedExport, channel: NewComplaint['channel'], sampleRows = SAMPLE_ROWS): ImportPreview {
  const columns = parsed.headers.map((header) => ({ header, field: fieldOfHeader(header) }));
  const present = new Set(columns.map((c) => c.field));
  const firstRowOf = new Map<string, number>();
  const sample: PreviewRow[] = [];
  let wouldReject = 0;
  let duplicatesInFile = 0;
  for (const [i, raw] of parsed.rows.entries()) {
    const row = i + 2;
    const r = rowToComplaint(raw, channel, 'preview');
    let duplicateOf: number | null = null;
    if ('error' in r) wouldReject++;
    else {
      const key = `${r.complaint.channel}:${r.complaint.dedupKey}`;
      duplicateOf = firstRowOf.get(key) ?? null;
      if (duplicateOf === null) firstRowOf.set(key, row);
      else duplicatesInFile++;
    }
    if (sample.length < sampleRows)
      sample.push({
        row,
        cells: columns.map((c) => shown(c.field, cellText(raw[c.header]))),
        rejection: 'error' in r ? { code: r.code, ...(r.value ? { value: r.value } : {}) } : null,
        duplicateOf,
      });
  }
  return {
    columns,
    missing: REQUIRED_FIELDS.filter((f) => !present.has(f)),
    rows: parsed.rows.length,
    sample,
    wouldReject,
    duplicatesInFile,
  };
}
