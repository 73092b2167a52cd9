import { Router } from 'express';
import type { StaffUser } from '../../domain/staff';
import type { ExportFormat } from '../../services/privacy/export-cases';
import { caseExportQuery } from '../contracts/export-contract';
import { currentStaff } from '../middleware/require-staff';
import { parseOr400 } from '../validation';

export interface ExportRouteDeps {
  /** The cases of a period the user may see, as a file; audited. */
  exportCases(
    staff: StaffUser,
    q: { from: string; to: string; format: ExportFormat },
  ): Promise<{ fileName: string; mime: string; data: Buffer; rows: number }>;
}

export function exportRoutes(deps: ExportRouteDeps): Router {
  const router = Router();
  router.get('/cases', async (req, res) => {
    const file = await deps.exportCases(currentStaff(res), parseOr400(caseExportQuery, req.query));
    res.attachment(file.fileName).type(file.mime).send(file.data);
  });
  return router;
}
