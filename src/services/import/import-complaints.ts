import { setTimeout as delay } from 'node:timers/promises';
import type { Complaint, NewComplaint } from '../../domain/complaint';
import type { DispositionCode } from '../../domain/disposition';
import type { Lead } from '../../domain/lead';
import { rowToComplaint, type RawRow, type RowProblemCode } from '../import-rows';

export interface ImportComplaintsDeps {
  /** The same intake as any other: idempotent on the channel and the row's id. */
  acceptComplaint(input: NewComplaint): Promise<{ complaintId: string; created: boolean }>;
  complaints: { get(id: string): Promise<Pick<Complaint, 'state' | 'leadId' | 'disposition'> | null> };
  leads: { get(id: string): Promise<Pick<Lead, 'originComplaintId'> | null> };
}

export interface ImportInput {
  rows: RawRow[];
  /** The channel of rows that do not name one. */
  channel: NewComplaint['channel'];
  /** Recorded as the complaints' operator, e.g. `import:orders.csv`. */
  importedBy: string;
  /** How long to wait for triage of what was accepted before summing up. */
  waitMs: number;
}

export interface ImportRejection {
  /** The row's number in the file, the header being row 1. */
  row: number;
  /** In English, as the command prints it. */
  reason: string;
  /** `not_accepted` when intake refused the row (store or queue down). */
  code: RowProblemCode | 'not_accepted';
  value?: string;
}

export interface ImportSummary {
  rows: number;
  accepted: number;
  newCases: number;
  mergedIntoCases: number;
  /** Accepted but no case: consultations, other matters, spam, too little detail… (see `dispositions`). */
  notWageArrears: number;
  /** Not triaged within the wait; the workers finish them later. */
  stillProcessing: number;
  /** Already imported (or delivered by another channel feed) before: nothing new stored. */
  duplicates: number;
  rejected: number;
  rejections: ImportRejection[];
  /** The accepted complaints that did not become a case, by disposition. */
  dispositions: Partial<Record<DispositionCode, number>>;
}

export type ImportProgress = { phase: 'accepting' | 'triage'; done: number; total: number };

const LOOK_EVERY_MS = 100;

/**
 * Imports rows already read from an export: each is accepted like any other intake (idempotent on
 * its id), then triage gets a bounded time to decide, and the import is summed up.
 */
export async function importComplaints(
  deps: ImportComplaintsDeps,
  input: ImportInput,
  onProgress: (p: ImportProgress) => void | Promise<void> = () => undefined,
): Promise<ImportSummary> {
  const accepted: string[] = [];
  const rejections: ImportRejection[] = [];
  let duplicates = 0;
  const total = input.rows.length;
  for (const [i, raw] of input.rows.entries()) {
    const r = rowToComplaint(raw, input.channel, input.importedBy);
    if ('error' in r) rejections.push({ row: i + 2, reason: r.error, code: r.code, ...(r.value ? { value: r.value } : {}) });
    else {
      try {
        const a = await deps.acceptComplaint(r.complaint);
        if (a.created) accepted.push(a.complaintId);
        else duplicates++;
      } catch (err) {
        rejections.push({ row: i + 2, reason: (err as Error).message, code: 'not_accepted' });
      }
    }
    await onProgress({ phase: 'accepting', done: i + 1, total });
  }
  const outcome = await awaitTriage(deps, accepted, Date.now() + input.waitMs, onProgress);
  return {
    rows: total,
    accepted: accepted.length,
    ...outcome,
    duplicates,
    rejected: rejections.length,
    rejections,
  };
}

/** Lets triage finish for what was accepted, so the summary can say how many opened or joined cases. */
async function awaitTriage(
  deps: ImportComplaintsDeps,
  accepted: string[],
  deadline: number,
  onProgress: (p: ImportProgress) => void | Promise<void>,
) {
  const outcome = { newCases: 0, mergedIntoCases: 0, notWageArrears: 0, stillProcessing: 0 };
  const dispositions: Partial<Record<DispositionCode, number>> = {};
  await onProgress({ phase: 'triage', done: 0, total: accepted.length });
  for (const [i, id] of accepted.entries()) {
    let c = await deps.complaints.get(id);
    while (c?.state === 'received' && Date.now() < deadline) {
      await delay(LOOK_EVERY_MS);
      c = await deps.complaints.get(id);
    }
    if (!c || c.state === 'received') outcome.stillProcessing++;
    else if (!c.leadId) {
      outcome.notWageArrears++;
      if (c.disposition) dispositions[c.disposition.code] = (dispositions[c.disposition.code] ?? 0) + 1;
    } else if ((await deps.leads.get(c.leadId))?.originComplaintId === id) outcome.newCases++;
    else outcome.mergedIntoCases++;
    await onProgress({ phase: 'triage', done: i + 1, total: accepted.length });
  }
  return { ...outcome, dispositions };
}
