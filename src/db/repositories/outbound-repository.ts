import { Types, type Connection } from 'mongoose';
import type { CallbackAttempt, CallbackOutcome, CallbackRecord } from '../../domain/callback';
import type { OutboundMessage, OutboundState } from '../../domain/outbound';
import type { ComplaintChannel } from '../../domain/triage-result';
import { outboundModel, type OutboundDoc } from '../models/outbound-model';
import { isDuplicateKeyError } from '../store-errors';
import { createGroupInsert } from '../group-insert';
import { erasedContactId } from '../../domain/privacy';

function toMessage(d: OutboundDoc): OutboundMessage {
  return {
    id: d._id.toHexString(),
    leadId: d.leadId.toHexString(),
    complainantId: d.complainantId.toHexString(),
    channel: d.channel as ComplaintChannel,
    channelUserId: d.channelUserId,
    phone: d.phone ?? null,
    kind: d.kind as OutboundMessage['kind'],
    text: d.text,
    state: d.state as OutboundState,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    deliveredAt: d.deliveredAt ?? null,
    error: d.error ?? null,
  };
}

function toCallback(d: OutboundDoc): CallbackRecord {
  return {
    ...toMessage(d),
    dueBy: d.dueBy ?? null,
    attempts: d.attempts ?? 0,
    outcomes: (d.callbackOutcomes ?? []).map((o) => ({
      outcome: o.outcome as CallbackOutcome,
      note: o.note ?? null,
      actor: o.actor,
      at: o.at,
    })),
    doneAt: d.doneAt ?? null,
  };
}

/** A new message; a call-back task also gets the time its first call is due. */
export type NewOutbound = Omit<OutboundMessage, 'id' | 'createdAt' | 'deliveredAt' | 'error'> & { dueBy?: Date | null };

export function createOutboundRepository(db: Connection) {
  const Outbound = outboundModel(db);
  const group = createGroupInsert(Outbound);
  return {
    async create(m: NewOutbound): Promise<OutboundMessage> {
      const doc = await Outbound.create({ ...m, leadId: new Types.ObjectId(m.leadId), complainantId: new Types.ObjectId(m.complainantId) });
      return toMessage(doc.toObject());
    },
    /**
     * A message with a fixed id (e.g. the notice that tells a complainant their complaint's case number
     * takes the complaint's id): written once, however often it is asked for. Many written at once go
     * out in one insert.
     */
    async createOnce(m: NewOutbound, id: string): Promise<{ message: OutboundMessage; created: boolean }> {
      try {
        const raw = await group.insert({
          ...m,
          _id: new Types.ObjectId(id),
          leadId: new Types.ObjectId(m.leadId),
          complainantId: new Types.ObjectId(m.complainantId),
        });
        return { message: toMessage(raw as unknown as OutboundDoc), created: true };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const existing = await this.get(id);
        if (!existing) throw err;
        return { message: existing, created: false };
      }
    },
    async get(id: string): Promise<OutboundMessage | null> {
      if (!/^[0-9a-f]{24}$/i.test(id)) return null;
      const d = await Outbound.findById(id).lean<OutboundDoc>();
      return d ? toMessage(d) : null;
    },
    async setState(
      id: string,
      from: OutboundState,
      to: OutboundState,
      extra: { error?: string | null; deliveredAt?: Date } = {},
    ): Promise<boolean> {
      const r = await Outbound.updateOne(
        { _id: new Types.ObjectId(id), state: { $eq: from } },
        { $set: { state: to, ...extra }, $inc: { attempts: 1 } },
      );
      return r.modifiedCount === 1;
    },
    /** A queued text message that could not be sent becomes a call-back task, with no calls made yet. */
    async turnIntoCallback(id: string, t: { error: string; dueBy: Date }): Promise<boolean> {
      const r = await Outbound.updateOne(
        { _id: new Types.ObjectId(id), state: { $eq: 'queued' } },
        { $set: { state: 'callback_open', error: t.error, dueBy: t.dueBy, attempts: 0 } },
      );
      return r.modifiedCount === 1;
    },
    async listForLead(leadId: string): Promise<OutboundMessage[]> {
      const docs = await Outbound.find({ leadId: new Types.ObjectId(leadId) })
        .sort({ createdAt: 1 })
        .lean<OutboundDoc[]>();
      return docs.map(toMessage);
    },
    /** Every message to one complainant, oldest first. */
    async listForComplainant(complainantId: string): Promise<OutboundMessage[]> {
      const docs = await Outbound.find({ complainantId: new Types.ObjectId(complainantId) })
        .sort({ createdAt: 1 })
        .lean<OutboundDoc[]>();
      return docs.map(toMessage);
    },
    /**
     * A message with its personal data gone: the text as the caller masked it, no number, a channel id
     * that points at no one, and the complainant it now refers to (an erased record).
     */
    async anonymise(id: string, a: { text: string; complainantId: string; outcomes: CallbackAttempt[] }): Promise<void> {
      await Outbound.updateOne(
        { _id: new Types.ObjectId(id) },
        {
          $set: {
            text: a.text,
            phone: null,
            channelUserId: erasedContactId(id),
            complainantId: new Types.ObjectId(a.complainantId),
            callbackOutcomes: a.outcomes,
          },
        },
      );
    },
    async getCallback(id: string): Promise<CallbackRecord | null> {
      if (!/^[0-9a-f]{24}$/i.test(id)) return null;
      const d = await Outbound.findOne({
        _id: new Types.ObjectId(id),
        state: { $in: ['callback_open', 'callback_done'] },
      }).lean<OutboundDoc>();
      return d ? toCallback(d) : null;
    },
    /** Open call-back tasks, oldest first. */
    async listOpenCallbacks(limit = 500): Promise<CallbackRecord[]> {
      const docs = await Outbound.find({ state: { $eq: 'callback_open' } })
        .sort({ createdAt: 1 })
        .limit(limit)
        .lean<OutboundDoc[]>();
      return docs.map(toCallback);
    },
    /** Call-back tasks closed since `since`, latest first. */
    async listDoneCallbacks(since: Date, limit = 200): Promise<CallbackRecord[]> {
      const docs = await Outbound.find({ state: { $eq: 'callback_done' }, doneAt: { $gte: since } })
        .sort({ doneAt: -1 })
        .limit(limit)
        .lean<OutboundDoc[]>();
      return docs.map(toCallback);
    },
    /**
     * Records one call on an open task, only if nobody recorded one since it was read (`attempts` as
     * read): false when another operator came first.
     */
    async recordCallOutcome(
      id: string,
      seenAttempts: number,
      attempt: CallbackAttempt,
      next: { state: 'callback_open' | 'callback_done'; dueBy: Date | null; doneAt: Date | null },
    ): Promise<boolean> {
      const r = await Outbound.updateOne(
        { _id: new Types.ObjectId(id), state: { $eq: 'callback_open' }, attempts: { $eq: seenAttempts } },
        {
          $set: { state: next.state, doneAt: next.doneAt, ...(next.dueBy ? { dueBy: next.dueBy } : {}) },
          $inc: { attempts: 1 },
          $push: { callbackOutcomes: attempt },
        },
      );
      return r.modifiedCount === 1;
    },
    /** The latest staff reply of each case to each complainant, by `${leadId}:${complainantId}`. */
    async lastStaffReplies(leadIds: string[]): Promise<Map<string, OutboundMessage>> {
      const docs = leadIds.length
        ? await Outbound.find({ leadId: { $in: leadIds.map((id) => new Types.ObjectId(id)) }, kind: { $eq: 'staff_reply' } })
            .sort({ createdAt: 1 })
            .lean<OutboundDoc[]>()
        : [];
      return new Map(docs.map((d) => [`${d.leadId.toHexString()}:${d.complainantId.toHexString()}`, toMessage(d)]));
    },
    async listByState(state: OutboundState, limit = 100): Promise<OutboundMessage[]> {
      const docs = await Outbound.find({ state: { $eq: state } })
        .sort({ createdAt: 1 })
        .limit(limit)
        .lean<OutboundDoc[]>();
      return docs.map(toMessage);
    },
  };
}

export type OutboundRepository = ReturnType<typeof createOutboundRepository>;
