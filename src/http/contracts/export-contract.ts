import { z } from 'zod';
import { EXPORT_FORMATS, EXPORT_MAX_ROWS } from '../../services/privacy/export-cases';
import { failure, unauthenticated, unavailable } from './common';
import type { RouterContract } from './operation';

export const caseExportQuery = z
  .object({
    from: z.iso.date().meta({ description: 'the first day (China time) on which the cases were opened' }),
    to: z.iso.date().meta({ description: 'the last day, inclusive' }),
    format: z.enum(EXPORT_FORMATS).default('csv'),
  })
  .strict();

const attachment = z.object({
  'Content-Disposition': z
    .string()
    .meta({ description: 'an attachment with its file name', example: 'attachment; filename=cases-2026-01-01-2026-03-31.csv' }),
});

/** Case exports for a period (supervisors and admins), scoped and audited. */
export const exportContract: RouterContract = {
  prefix: '/api/exports',
  operations: [
    {
      method: 'get',
      path: '/cases',
      summary: 'the cases opened in a period that the caller may see, one row each, phones masked; recorded in the audit log',
      security: 'staff',
      request: { query: caseExportQuery },
      responses: {
        200: {
          description: 'the file',
          text: {
            'text/csv':
              'UTF-8 with a byte-order mark: a header row, then one row per case (案件编号, 立案时间 … 超期环节, 联系电话（脱敏）)',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'an XLSX workbook with the same rows on one sheet, 案件',
          },
          headers: attachment,
        },
        400: failure(`invalid request, or more than ${EXPORT_MAX_ROWS} cases in the period (export_too_large)`),
        401: unauthenticated,
        403: failure('exports are for supervisors and admins'),
        503: unavailable,
      },
    },
  ],
};
