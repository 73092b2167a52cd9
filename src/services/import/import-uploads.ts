import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../domain/app-error';
import type { NewComplaint } from '../../domain/complaint';
import type { StaffUser } from '../../domain/staff';
import { fieldOfHeader, type ParsedExport } from '../import-rows';
import type { ImportInput, ImportProgress, ImportSummary } from './import-complaints';
import { previewImport, type ImportPreview } from './import-preview';

/** An upload waiting to run, running, or run: what the console shows of it. */
export interface ImportUpload {
  id: string;
  fileName: string;
  channel: NewComplaint['channel'];
  staffId: string;
  createdAt: string;
  rows: number;
  /** `interrupted`: running, but the process running it stopped (its lease lapsed). */
  state: 'ready' | 'running' | 'interrupted' | 'done' | 'failed';
  progress: ImportProgress | null;
  summary: ImportSummary | null;
  error: string | null;
}

export type NewImportUpload = Pick<ImportUpload, 'id' | 'fileName' | 'channel' | 'staffId' | 'createdAt' | 'rows'>;

/** Where uploads, their parsed rows (for the run only) and their progress are kept, shared by every API process. */
export interface ImportUploadStore {
  save(upload: NewImportUpload, parsed: ParsedExport, ttlS: number): Promise<void>;
  get(id: string): Promise<ImportUpload | null>;
  rows(id: string): Promise<ParsedExport | null>;
  /** Takes the run for one process, for leaseMs; false while another holds it. */
  claim(id: string, leaseMs: number): Promise<boolean>;
  /** Records progress and renews the lease and the rows' time to live. */
  progress(id: string, p: ImportProgress, leaseMs: number, ttlS: number): Promise<void>;
  /** Keeps the summary for resultTtlS and drops the rows. */
  finish(id: string, summary: ImportSummary, resultTtlS: number): Promise<void>;
  fail(id: string, message: string): Promise<void>;
}

export interface ImportUploadDeps {
  store: ImportUploadStore;
  parse(kind: 'csv' | 'xlsx', data: Buffer): Promise<ParsedExport>;
  importComplaints(input: ImportInput, onProgress: (p: ImportProgress) => void | Promise<void>): Promise<ImportSummary>;
  /** A run outlives the request that started it: its failure is reported here. */
  onRunError(err: unknown, uploadId: string): void;
}

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
/** Parsed rows are kept until the run ends, or this long when nobody runs them. */
const ROWS_TTL_S = 2 * 3600;
const RESULT_TTL_S = 7 * 86_400;
const TRIAGE_WAIT_MS = 60_000;
/** Longer than the longest gap between two progress reports (the triage wait). */
const LEASE_MS = TRIAGE_WAIT_MS + 60_000;
const PROGRESS_EVERY_MS = 500;

const refuse = (code: string, message: string, status = 422) => new AppError(code, message, { status });

/** A spreadsheet that is not an .xlsx, by its first bytes. */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP = Buffer.from('PK\u0003\u0004', 'latin1');

function kindOf(fileName: string, data: Buffer): 'csv' | 'xlsx' {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.xls' || data.subarray(0, 4).equals(OLE2))
    throw refuse('import_old_excel', 'an .xls workbook: save it as .xlsx or CSV', 415);
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' && !data.subarray(0, 4).equals(ZIP)) return 'csv';
  throw refuse('import_unsupported_type', `unsupported file type ${ext || '(none)'}: use .csv or .xlsx`, 415);
}

/**
 * Reads an uploaded export and keeps its rows for a preview and one run. Refuses what is not a CSV or
 * XLSX export of complaints: another kind of file, a damaged one, no rows, no column the importer reads.
 */
export async function receiveImportUpload(
  deps: ImportUploadDeps,
  staff: StaffUser,
  file: { fileName: string; data: Buffer; channel: NewComplaint['channel'] },
): Promise<string> {
  const kind = kindOf(file.fileName, file.data);
  const parsed = await deps.parse(kind, file.data).catch((err: unknown) => {
    throw new AppError('import_unreadable', `cannot read the ${kind} file: ${(err as Error).message}`, { status: 422, cause: err });
  });
  if (!parsed.headers.some((h) => fieldOfHeader(h))) throw refuse('import_no_columns', 'no column the importer reads');
  if (!parsed.rows.length) throw refuse('import_no_rows', 'no data rows');
  if (parsed.rows.length > MAX_IMPORT_ROWS) throw refuse('import_too_many_rows', `more than ${MAX_IMPORT_ROWS} rows`, 413);
  const id = randomBytes(12).toString('base64url');
  const upload = {
    id,
    fileName: path.basename(file.fileName).slice(-100),
    channel: file.channel,
    staffId: staff.id,
    createdAt: new Date().toISOString(),
    rows: parsed.rows.length,
  };
  await deps.store.save(upload, parsed, ROWS_TTL_S);
  return id;
}

/** An upload is seen by whoever uploaded it, and by admins; to anyone else it does not exist. */
async function uploadFor(deps: ImportUploadDeps, staff: StaffUser, id: string): Promise<ImportUpload> {
  const upload = await deps.store.get(id);
  if (!upload || (upload.staffId !== staff.id && staff.role !== 'admin'))
    throw new AppError('import_not_found', 'no such import, or it has expired', { status: 404 });
  return upload;
}

/** The upload with, until it runs, a preview of what the import would do. */
export async function importUploadView(
  deps: ImportUploadDeps,
  staff: StaffUser,
  id: string,
): Promise<{ upload: ImportUpload; preview: ImportPreview | null }> {
  const upload = await uploadFor(deps, staff, id);
  if (upload.state === 'running' || upload.state === 'done') return { upload, preview: null };
  const parsed = await deps.store.rows(id);
  return { upload, preview: parsed ? previewImport(parsed, upload.channel) : null };
}

/**
 * Starts the import of an upload in the background of this process and returns at once; progress
 * and the summary are kept with the upload. Starting it again while it runs, or after it finished,
 * does nothing; a run whose process stopped can be started again (rows it took count as duplicates).
 */
export async function startImportRun(deps: ImportUploadDeps, staff: StaffUser, id: string): Promise<void> {
  const upload = await uploadFor(deps, staff, id);
  if (upload.state === 'running' || upload.state === 'done') return;
  const parsed = await deps.store.rows(id);
  if (!parsed) throw new AppError('import_expired', 'the uploaded rows have expired; upload the file again', { status: 410 });
  if (!(await deps.store.claim(id, LEASE_MS))) return;
  await deps.store.progress(id, { phase: 'accepting', done: 0, total: parsed.rows.length }, LEASE_MS, ROWS_TTL_S);
  void runImport(deps, staff, upload, parsed).catch(async (err: unknown) => {
    deps.onRunError(err, id);
    await deps.store.fail(id, (err as Error).message).catch(() => undefined);
  });
}

async function runImport(deps: ImportUploadDeps, staff: StaffUser, upload: ImportUpload, parsed: ParsedExport): Promise<void> {
  let last = { at: Date.now(), phase: 'accepting' };
  const summary = await deps.importComplaints(
    {
      rows: parsed.rows,
      channel: upload.channel,
      importedBy: `import:${staff.username}:${upload.fileName}`.slice(0, 160),
      waitMs: TRIAGE_WAIT_MS,
    },
    async (p) => {
      if (p.phase === last.phase && p.done < p.total && Date.now() - last.at < PROGRESS_EVERY_MS) return;
      last = { at: Date.now(), phase: p.phase };
      await deps.store.progress(upload.id, p, LEASE_MS, ROWS_TTL_S);
    },
  );
  await deps.store.finish(upload.id, summary, RESULT_TTL_S);
}
