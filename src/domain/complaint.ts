import type { Disposition, DispositionEvent, Review } from './disposition';
import type { ComplaintChannel, EngineResult, TriageResult } from './triage-result';

export const COMPLAINT_CHANNELS: readonly ComplaintChannel[] = [
  'wechat',
  'hotline',
  'phone',
  'wechat_oa',
  'wecom',
  'national_platform',
  'onsite',
  'media',
  'petition',
];

/** received → triaged, or triage_failed when every retry failed (kept for manual review, never dropped). */
export type ComplaintState = 'received' | 'triaged' | 'triage_failed';

export interface TranscriptTurn {
  speaker: 'agent' | 'caller';
  text: string;
}

export interface ComplaintSender {
  channelUserId: string | null;
  name: string | null;
  phone: string | null;
}

/** One inbound message or transcript, as received. */
export interface Complaint {
  id: string;
  channel: ComplaintChannel;
  /** Unique per channel: a message id or a call id. */
  dedupKey: string;
  sender: ComplaintSender;
  operator: string | null;
  text: string;
  turns: TranscriptTurn[];
  receivedAt: Date;
  /** Photos and documents sent with the complaint (evidence collection ids). */
  evidenceIds: string[];
  state: ComplaintState;
  triage: (EngineResult & { triagedAt: Date }) | null;
  leadId: string | null;
  /** Fields staff corrected when they entered it (the hotline desk's check step); they override what triage reads. */
  corrections: TriageCorrections | null;
  /** What became of it (null until triage decided). */
  disposition: Disposition | null;
  /** Present when it did not become a case: a person confirms or overturns that. */
  review: Review | null;
  dispositionLog: DispositionEvent[];
  createdAt: Date;
}

export type NewComplaint = Pick<Complaint, 'channel' | 'dedupKey' | 'sender' | 'operator' | 'text' | 'turns' | 'receivedAt'> & {
  evidenceIds?: string[];
  corrections?: TriageCorrections | null;
};

/** The lead fields a person set by hand; a field left out is read by triage. */
export type TriageCorrections = Partial<TriageResult>;

const SPEAKER_TAG: Record<TranscriptTurn['speaker'], string> = { agent: '坐席', caller: '来电人' };

/** The transcript as one text, turns tagged the way shared/triage/LABELS.md describes. */
export function transcriptText(turns: readonly TranscriptTurn[]): string {
  return turns.map((t) => `${SPEAKER_TAG[t.speaker]}：${t.text}`).join('\n');
}

/** MongoDB-compatible stores refuse NUL characters in strings; they carry no meaning in a complaint. */
export function stripNul(s: string): string {
  return s.includes('\u0000') ? s.replaceAll('\u0000', '') : s;
}
