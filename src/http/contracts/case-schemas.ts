import { z } from 'zod';
import { CALLBACK_OUTCOMES, type CallbackTask } from '../../domain/callback';
import { COMPLAINT_CHANNELS } from '../../domain/complaint';
import { LEAD_STATUSES, type Lead } from '../../domain/lead';
import { OUTBOUND_KINDS, type OutboundMessage } from '../../domain/outbound';
import { CATEGORIES, SECTORS, URGENCIES } from '../../domain/triage-result';
import { isoDateTime, maskedPhone, storeId, type Describes } from './common';

const timelineEvent = z
  .strictObject({
    at: isoDateTime,
    type: z.string().meta({ example: 'status_changed' }),
    actor: z.string().meta({ description: 'a staff id, or system' }),
    note: z.string().nullable(),
    changes: z.array(z.strictObject({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  })
  .meta({ id: 'TimelineEvent', description: 'one entry of the append-only case record (执法全过程记录)' });

const recovery = z.strictObject({
  amountYuan: z.number(),
  workersPaid: z.number().int(),
  date: isoDateTime,
  note: z.string().nullable(),
  actor: z.string(),
  recordedAt: isoDateTime,
});

const possibleDuplicate = z
  .strictObject({
    leadId: storeId,
    caseNumber: z.string().meta({ example: 'WA20261128-0002' }),
    score: z.number().meta({ description: 'evidence points; a complaint joins a case by itself at 3' }),
    reasons: z.array(z.string()).meta({ description: 'what the two cases share, in Chinese', example: ['同一老板', '同一工地'] }),
    at: isoDateTime,
  })
  .meta({ id: 'PossibleDuplicate', description: 'another open case that may be this one: merge it or dismiss it' });

const leadFields = {
  id: storeId,
  caseNumber: z.string().meta({ example: 'WA20261128-0001' }),
  category: z.enum(CATEGORIES),
  employer: z.string().nullable(),
  project: z.string().nullable(),
  location: z.string().nullable(),
  amountYuan: z.number().nullable(),
  workerCount: z.number().int().nullable(),
  phone: z.string().nullable(),
  sector: z.enum(SECTORS).nullable(),
  urgency: z.enum(URGENCIES),
  status: z.enum(LEAD_STATUSES),
  area: z.string().nullable().meta({ description: 'the township or street responsible' }),
  department: z.string().nullable(),
  priority: z.enum(['urgent', 'normal']),
  assigneeId: storeId.nullable(),
  outcomeCode: z.string().nullable(),
  transferTarget: z.string().nullable(),
  rejectReason: z.string().nullable(),
  recoveries: z.array(recovery),
  deadlines: z.strictObject({ acceptBy: isoDateTime, contactBy: isoDateTime, closeBy: isoDateTime }).nullable(),
  acceptedAt: isoDateTime.nullable(),
  contactedAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  overdue: z.array(z.enum(['accept', 'contact', 'close'])).meta({ description: 'steps whose working-day deadline passed undone' }),
  recoveredYuan: z.number(),
  workersPaid: z.number().int(),
  channel: z.enum(COMPLAINT_CHANNELS),
  originComplaintId: storeId,
  employerKey: z.string().nullable(),
  projectKey: z.string().nullable(),
  reports: z.array(
    z.strictObject({
      complaintId: storeId,
      complainantId: storeId,
      workerCount: z.number().int().nullable(),
      amountYuan: z.number().nullable(),
    }),
  ),
  complaintIds: z.array(storeId),
  complainantIds: z.array(storeId),
  possibleDuplicates: z.array(possibleDuplicate),
  dismissedDuplicates: z.array(storeId).meta({ description: 'cases staff said are not duplicates of this one' }),
  paymentChecks: z
    .array(
      z.strictObject({
        complainantId: storeId,
        askedAt: isoDateTime,
        via: z.enum(['chat', 'callback']),
        answer: z.enum(['paid', 'part', 'not_paid']).nullable(),
        answeredAt: isoDateTime.nullable(),
        words: z.string().nullable().meta({ description: 'the worker’s own words (numbers masked)' }),
        satisfaction: z.strictObject({ score: z.number().int().min(1).max(5), comment: z.string().nullable(), at: isoDateTime }).nullable(),
      }),
    )
    .meta({ description: 'whether the wages arrived, as each complainant answered; satisfaction only after they did' }),
  timeline: z.array(timelineEvent),
  revision: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
};

/** A case as an action returns it (the phone in full: the actor is working the case). */
export const lead = z.strictObject(leadFields).meta({ id: 'Lead', description: 'a case, as an action leaves it' });

/** A case as the list and the detail show it: the phone masked. */
export const maskedLead = z
  .strictObject({ ...leadFields, phone: maskedPhone.nullable() })
  .meta({ id: 'MaskedLead', description: 'a case, the phone masked (the full number comes from reveal-phone)' });

const messageFields = {
  id: storeId,
  leadId: storeId,
  complainantId: storeId,
  channel: z.enum(COMPLAINT_CHANNELS),
  channelUserId: z.string(),
  phone: z.string().nullable(),
  kind: z.enum(OUTBOUND_KINDS),
  text: z.string(),
  state: z.enum(['queued', 'delivered', 'failed', 'callback_open', 'callback_done']),
  createdBy: z.string(),
  createdAt: isoDateTime,
  deliveredAt: isoDateTime.nullable(),
  error: z.string().nullable(),
};

/** A reply or notice to a complainant and its delivery state. */
export const outboundMessage = z.strictObject(messageFields).meta({ id: 'OutboundMessage' });

/** A message as staff read it: the number, a phone-based contact id and numbers in the text masked. */
export const maskedMessage = z
  .strictObject({
    ...messageFields,
    phone: maskedPhone.nullable(),
    channelUserId: z
      .string()
      .meta({ description: 'the WeChat contact, or phone:<masked number> for a caller', example: 'phone:139****4821' }),
  })
  .meta({ id: 'MaskedOutboundMessage' });

/** A call-back task: the number masked everywhere, the channel identity (phone:…) included. */
export const callbackTask = z
  .strictObject({
    ...messageFields,
    phone: maskedPhone.nullable(),
    channelUserId: z.string().meta({ description: 'phone:<masked number> for a hotline caller', example: 'phone:139****4821' }),
    dueBy: isoDateTime.meta({
      description:
        'when the next call is due: 17:30 China time on the next working day after the task was made, two working hours after an unanswered call',
    }),
    attempts: z.number().int().meta({ description: 'calls made' }),
    outcomes: z.array(
      z.strictObject({
        outcome: z.enum(CALLBACK_OUTCOMES),
        note: z.string().nullable(),
        actor: z.string().meta({ description: 'a staff id' }),
        at: isoDateTime,
      }),
    ),
    lastOutcome: z.enum(CALLBACK_OUTCOMES).nullable(),
    unreachable: z.boolean().meta({ description: 'open after 3 unanswered calls (多次未接通): for a supervisor' }),
    doneAt: isoDateTime.nullable(),
  })
  .meta({ id: 'CallbackTask' });

true satisfies Describes<typeof lead, Lead>;
true satisfies Describes<typeof maskedLead, Lead>;
true satisfies Describes<typeof outboundMessage, OutboundMessage>;
true satisfies Describes<typeof callbackTask, CallbackTask>;
