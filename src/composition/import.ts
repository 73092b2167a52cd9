import type { ConsoleDeps } from '../http/console/console-deps';
import { parseExport } from '../infra/export-file';
import { createImportUploadStore } from '../redis/import-uploads';
import { importComplaints, type ImportComplaintsDeps } from '../services/import/import-complaints';
import { importUploadView, receiveImportUpload, startImportRun, type ImportUploadDeps } from '../services/import/import-uploads';
import type { AppContext } from './context';
import { acceptPort } from './intake';

/** The import of exported rows, for the command and the console. */
export function importComplaintsPort(ctx: AppContext): ImportUploadDeps['importComplaints'] {
  const intake = acceptPort(ctx);
  const deps: ImportComplaintsDeps = {
    acceptComplaint: (input) => intake.acceptComplaint(input),
    complaints: ctx.repos.complaints,
    leads: ctx.repos.leads,
  };
  return (input, onProgress) => importComplaints(deps, input, onProgress);
}

/** The console's import upload: runs in the background of the API process that receives it. */
export function importPagesPort(ctx: AppContext): Pick<ConsoleDeps, 'receiveImportUpload' | 'importUpload' | 'startImportRun'> {
  const log = ctx.log.child({ module: 'import' });
  const deps: ImportUploadDeps = {
    store: createImportUploadStore(ctx.redis, ctx.keys),
    parse: parseExport,
    importComplaints: importComplaintsPort(ctx),
    onRunError: (err, uploadId) => log.error({ err, uploadId }, 'import run failed'),
  };
  return {
    receiveImportUpload: (staff, file) => receiveImportUpload(deps, staff, file),
    importUpload: (staff, id) => importUploadView(deps, staff, id),
    startImportRun: (staff, id) => startImportRun(deps, staff, id),
  };
}
