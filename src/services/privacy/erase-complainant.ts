import type { AuditRepository } from '../../db/repositories/audit-repository';
import type { ComplainantRepository } from '../../db/repositories/complainant-repository';
import type { ComplaintRepository } from '../../db/repositories/complaint-repository';
import type { EvidenceRepository } from '../../db/repositories/evidence-repository';
import type { InboundRepository } from '../../db/repositories/inbound-repository';
import { AppError } from '../../domain/app-error';
import type { Complaint } from '../../domain/complaint';
import { maskName, maskNumbersInText, maskPhone } from '../../domain/masking';
import { isErasedContact } from '../../domain/privacy';
import type { StaffUser } from '../../domain/staff';
import { complaintPersonalData } from '../create-case';
import { anonymisedComplaint } from './anonymise';
import { replaceComplainantRecord, type ComplainantRecordDeps } from './complainant-record';

export interface ErasureDeps extends ComplainantRecordDeps {
  complainants: ComplainantRecordDeps['complainants'] & Pick<ComplainantRepository, 'getMany'>;
  complaints: Pick<ComplaintRepository, 'get' | 'listBySender' | 'anonymise'>;
  evidence: Pick<EvidenceRepository, 'remove' | 'removeBySender'>;
  inbound: Pick<InboundRepository, 'removeFromContact'>;
  audit: Pick<AuditRepository, 'record'>;
}

/** What one erasure touched: counts, and the erased record that now stands in the cases for the person. */
export interface ErasureResult {
  complainantId: string;
  cases: number;
  complaints: number;
  evidenceFiles: number;
  messages: number;
}

/**
 * Erases one complainant on their request (PIPL art. 47), by an admin: their name, number and channel
 * id everywhere, their complaints' texts masked, their files deleted, their messages masked. Each of
 * their cases keeps its figures and says on its timeline that a complainant's data was erased; the
 * audit log says who did it, when and why, with the person masked.
 */
export async function eraseComplainant(deps: ErasureDeps, staff: StaffUser, id: string, reason: string): Promise<ErasureResult> {
  if (staff.role !== 'admin') throw new AppError('forbidden', 'only admins erase a complainant’s personal data', { status: 403 });
  const [who] = await deps.complainants.getMany([id]);
  if (!who) throw new AppError('complainant_not_found', `complainant ${id} does not exist`, { status: 404 });
  if (isErasedContact(who.channelUserId)) throw new AppError('complainant_erased', 'this complainant was erased already', { status: 409 });
  const at = new Date();
  const phone = who.phone ?? (who.channelUserId.startsWith('phone:') ? who.channelUserId.slice(6) : null);

  // Their complaints: those their cases hold for them, and the messages they sent that never became one.
  const cases = await deps.leads.listByComplainant(id, 1000);
  const inCases = cases.flatMap((l) => l.reports.filter((r) => r.complainantId === id).map((r) => r.complaintId));
  const sent = await deps.complaints.listBySender(who.channel, { channelUserId: who.channelUserId, ...(phone ? { phone } : {}) });
  const found = await Promise.all([...new Set([...inCases, ...sent.map((c) => c.id)])].map((c) => deps.complaints.get(c)));
  const complaints = found.filter((c): c is Complaint => c !== null);
  // With the numbers and names matching read from their texts (我叫…, 另一个号码…): their fingerprints go from the cases too.
  const read = complaints.map(complaintPersonalData);
  const names = [who.name, ...complaints.map((c) => c.sender.name), ...read.flatMap((r) => r.names)];
  const phones = new Set(
    [phone, ...complaints.flatMap((c) => [c.sender.phone, c.triage?.phone ?? null]), ...read.flatMap((r) => r.phones)].filter(
      (p) => p !== null,
    ),
  );

  let evidenceFiles = 0;
  for (const c of complaints) {
    evidenceFiles += await deps.evidence.remove(c.evidenceIds);
    await deps.complaints.anonymise(c.id, anonymisedComplaint(c, names), at);
  }
  evidenceFiles += await deps.evidence.removeBySender(who.channel, who.channelUserId);
  if (who.channel === 'wechat_oa' || who.channel === 'wecom') await deps.inbound.removeFromContact(who.channel, who.channelUserId);

  const replaced = await replaceComplainantRecord(deps, who, at, {
    names,
    phones,
    event: {
      at,
      type: 'complainant_erased',
      actor: staff.id,
      note: '应投诉人请求，已删除一位投诉人的个人信息（姓名、电话、微信标识，投诉原文中的姓名和号码，证据材料），案件数据保留',
      changes: [],
    },
  });
  if (!replaced) throw new AppError('complainant_not_found', `complainant ${id} does not exist`, { status: 404 });
  const result = {
    complainantId: replaced.erasedId,
    cases: replaced.cases,
    complaints: complaints.length,
    evidenceFiles,
    messages: replaced.messages,
  };
  await deps.audit.record({
    at,
    actor: staff.id,
    action: 'complainant_erased',
    subject: `complainant:${maskName(who.name) ?? '未留姓名'}/${maskPhone(phone) ?? '无电话'}`,
    detail: { ...result, channel: who.channel, reason: maskNumbersInText(reason) },
  });
  return result;
}
