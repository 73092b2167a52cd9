import type { AppContext } from '../../../src/composition/context';
import type { ApiRequest } from './openapi-walk';
import type { PlantedRegistry } from './planted';
import { AREA_A } from './staff-fixture';
import { employer } from './synthetic';

/** One role's own cases and complaints, so that its actions have something to act on. */
export interface Bench {
  /** Complaint ids: the hotline case's, the role's own entry's, a consultation's and a vague complaint's (both for review). */
  w: string;
  d: string;
  consult: string;
  vague: string;
  /** The cases W and D opened; D's own complaint, split off again after the merge. */
  wLead: string;
  dLead: string;
  dComplaint: string;
  /** The hotline caller's number (W's complainant), as the store keeps it. */
  callerPhone: string;
}

/** The order actions run in for each role: each leaves the bench ready for the next (merge before split). */
export const ACTION_ORDER = [
  'POST /api/leads/{id}/assign',
  'POST /api/leads/{id}/status',
  'POST /api/leads/{id}/recoveries',
  'POST /api/leads/{id}/replies',
  'POST /api/callbacks/{id}/outcome',
  'POST /api/callbacks/{id}/done',
  'POST /api/reviews/{id}/confirm',
  'POST /api/reviews/{id}/overturn',
  'POST /api/leads/{id}/duplicates/{otherId}/dismiss',
  'POST /api/leads/{id}/merge',
  'POST /api/leads/{id}/split',
  'POST /api/leads/{id}/reveal-phone',
];

type Recipe = (actor: { who: string }, bench: Bench) => Promise<ApiRequest[]>;

/** A valid request for each action, every note and text carrying phone and ID numbers in every written form. */
export function actionRecipes(deps: { ctx: AppContext; planted: PlantedRegistry; inspectorId: string }): Record<string, Recipe> {
  const note = (who: string, what: string) => `${what}：${deps.planted.everyForm(`${who}'s ${what}`)}`;
  const openTasks = async (leadId: string) =>
    (await deps.ctx.repos.outbound.listForLead(leadId)).filter((m) => m.state === 'callback_open').map((m) => m.id);
  const today = new Date().toISOString().slice(0, 10);
  let n = 1900;
  return {
    'POST /api/leads/{id}/assign': async (a, b) => [
      { params: { id: b.wLead }, body: { assigneeId: deps.inspectorId, note: note(a.who, '指派说明') } },
    ],
    'POST /api/leads/{id}/status': async (a, b) => [
      { params: { id: b.wLead }, body: { to: 'investigating', note: note(a.who, '核查记录') } },
    ],
    'POST /api/leads/{id}/recoveries': async (a, b) => [
      { params: { id: b.wLead }, body: { amountYuan: 1200, workersPaid: 1, date: today, note: note(a.who, '追回说明') } },
    ],
    'POST /api/leads/{id}/replies': async (a, b) => [{ params: { id: b.wLead }, body: { text: note(a.who, '答复内容') } }],
    'POST /api/callbacks/{id}/outcome': async (a, b) =>
      (await openTasks(b.wLead))
        .slice(0, 1)
        .map((id) => ({ params: { id }, body: { outcome: 'no_answer', note: note(a.who, '回访未接通') } })),
    'POST /api/callbacks/{id}/done': async (a, b) =>
      (await openTasks(b.wLead)).slice(-1).map((id) => ({ params: { id }, body: { note: note(a.who, '回访已接通') } })),
    'POST /api/reviews/{id}/confirm': async (a, b) => [{ params: { id: b.consult }, body: { reason: note(a.who, '确认理由') } }],
    'POST /api/reviews/{id}/overturn': async (a, b) => {
      const p = deps.planted.take(`${a.who}'s overturn fields`, 'plain');
      return [
        {
          params: { id: b.vague },
          body: {
            reason: note(a.who, '改判理由'),
            fields: { employer: employer(n++), area: AREA_A, amount_yuan: 5200, worker_count: 1, phone: p.phone },
          },
        },
      ];
    },
    'POST /api/leads/{id}/duplicates/{otherId}/dismiss': async (_a, b) => [{ params: { id: b.wLead, otherId: b.dLead } }],
    'POST /api/leads/{id}/merge': async (_a, b) => [{ params: { id: b.wLead }, body: { sourceLeadId: b.dLead } }],
    'POST /api/leads/{id}/split': async (_a, b) => [{ params: { id: b.wLead }, body: { complaintId: b.dComplaint } }],
    'POST /api/leads/{id}/reveal-phone': async (_a, b) => [{ params: { id: b.wLead } }],
  };
}

export type IdKind = 'lead' | 'complaint' | 'callback' | 'complainant';

/** What a path's {id} names, by the resource the path is under; undefined for one the probes do not know. */
export function idKindOf(path: string): IdKind | undefined {
  const kinds: [string, IdKind][] = [
    ['/api/leads/', 'lead'],
    ['/api/reviews/', 'complaint'],
    ['/api/callbacks/', 'callback'],
    ['/api/complainants/', 'complainant'],
  ];
  return kinds.find(([prefix]) => path.startsWith(prefix))?.[1];
}

/** Every id of each kind in the store. */
export async function storeIds(ctx: AppContext): Promise<Record<IdKind, string[]>> {
  const ids = async (collection: string, filter: Record<string, unknown> = {}) =>
    (
      await ctx.db
        .collection(collection)
        .find(filter, { projection: { _id: 1 } })
        .toArray()
    ).map((d) => String(d._id));
  return {
    lead: await ids('leads'),
    complaint: await ids('complaints', { review: { $ne: null } }),
    callback: (await ctx.repos.outbound.listOpenCallbacks()).map((m) => m.id),
    complainant: await ids('complainants'),
  };
}
