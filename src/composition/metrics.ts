import type { ComplaintRepository } from '../db/repositories/complaint-repository';
import type { OutboundRepository } from '../db/repositories/outbound-repository';
import type { TriageEngine } from '../domain/triage-result';
import type { Metrics } from '../infra/metrics';

/**
 * The counting of docs/operations.md#metrics, put around the ports the features already have: the
 * services do not know they are counted. Each wrapper counts only after the call it wraps succeeded.
 */

/** Intake: a complaint newly stored (a repeated delivery finds the stored one and is not counted). */
export function countAccepted(complaints: ComplaintRepository, metrics: Metrics): Pick<ComplaintRepository, 'insertOnce' | 'newId'> {
  return {
    newId: () => complaints.newId(),
    insertOnce: async (input, id) => {
      const stored = await complaints.insertOnce(input, id);
      if (stored.created) metrics.complaintAccepted(input.channel);
      return stored;
    },
  };
}

/** Triage: each complaint's disposition as it is written, and the attempts that failed. */
export function countTriage(complaints: ComplaintRepository, metrics: Metrics): ComplaintRepository {
  return {
    ...complaints,
    markTriaged: async (id, triage, leadId, decided) => {
      await complaints.markTriaged(id, triage, leadId, decided);
      metrics.complaintTriaged(decided.disposition.code);
    },
    recordAttemptFailure: async (id, message, failed) => {
      await complaints.recordAttemptFailure(id, message, failed);
      if (failed) metrics.complaintTriaged(failed.disposition.code);
    },
  };
}

/** Which engine's reading each triage run used, and the LLM calls that failed (the rules answered instead). */
export function countEngine(engine: TriageEngine, metrics: Metrics): TriageEngine {
  return async (input) => {
    const result = await engine(input);
    metrics.triageEngine(result.engine);
    if (result.llmError !== null) metrics.llmFailure();
    return result;
  };
}

/**
 * Delivery of one message: its end state as the store records it, by the channel it goes out on
 * (`sms` for text messages, else the chat channel). A repository of its own per delivery, since the
 * message's channel is known only once it is read.
 */
export function countDelivery(outbound: OutboundRepository, metrics: Metrics, channel: 'sms' | 'chat'): OutboundRepository {
  let via: string = channel;
  return {
    ...outbound,
    get: async (id) => {
      const m = await outbound.get(id);
      if (m && channel === 'chat') via = m.channel;
      return m;
    },
    setState: async (...args: Parameters<OutboundRepository['setState']>) => {
      const changed = await outbound.setState(...args);
      const to = args[2];
      if (changed && (to === 'delivered' || to === 'failed')) metrics.outboundMessage(via, to);
      return changed;
    },
    turnIntoCallback: async (id, t) => {
      const turned = await outbound.turnIntoCallback(id, t);
      if (turned) metrics.outboundMessage(via, 'callback');
      return turned;
    },
  };
}
