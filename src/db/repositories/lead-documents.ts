import { Types } from 'mongoose';
import type { Lead, LeadStatus, TimelineEvent } from '../../domain/lead';
import type { Category, ComplaintChannel, Sector, Urgency } from '../../domain/triage-result';
import { overdueSteps } from '../../domain/working-days';
import type { LeadDoc } from '../models/lead-model';

/** A stored case as the rest of the product sees it: plain values, string ids, overdue steps as of now. */
export function toLead(d: LeadDoc): Lead {
  return {
    id: d._id.toHexString(),
    caseNumber: d.caseNumber,
    category: d.category as Category,
    employer: d.employer ?? null,
    project: d.project ?? null,
    location: d.location ?? null,
    amountYuan: d.amountYuan ?? null,
    workerCount: d.workerCount ?? null,
    phone: d.phone ?? null,
    sector: (d.sector ?? null) as Sector | null,
    urgency: d.urgency as Urgency,
    status: d.status as LeadStatus,
    area: d.area ?? null,
    department: d.department ?? null,
    priority: d.priority === 'urgent' ? 'urgent' : 'normal',
    assigneeId: d.assigneeId ? d.assigneeId.toHexString() : null,
    outcomeCode: d.outcomeCode ?? null,
    transferTarget: d.transferTarget ?? null,
    rejectReason: d.rejectReason ?? null,
    recoveries: (d.recoveries ?? []).map((r) => ({ ...r, note: r.note ?? null })),
    recoveredYuan: d.recoveredYuan ?? 0,
    deadlines: d.deadlines?.acceptBy
      ? { acceptBy: d.deadlines.acceptBy, contactBy: d.deadlines.contactBy, closeBy: d.deadlines.closeBy }
      : null,
    acceptedAt: d.acceptedAt ?? null,
    contactedAt: d.contactedAt ?? null,
    closedAt: d.closedAt ?? null,
    overdue: overdueSteps(
      {
        deadlines: d.deadlines ?? null,
        acceptedAt: d.acceptedAt ?? null,
        contactedAt: d.contactedAt ?? null,
        closedAt: d.closedAt ?? null,
      },
      new Date(),
    ),
    workersPaid: d.workersPaid ?? 0,
    channel: d.channel as ComplaintChannel,
    originComplaintId: d.originComplaintId.toHexString(),
    employerKey: d.employerKey ?? null,
    projectKey: d.projectKey ?? null,
    reports: (d.reports ?? []).map((r) => ({
      complaintId: r.complaintId.toHexString(),
      complainantId: r.complainantId.toHexString(),
      workerCount: r.workerCount ?? null,
      amountYuan: r.amountYuan ?? null,
    })),
    complaintIds: (d.complaintIds ?? []).map((x) => x.toHexString()),
    complainantIds: (d.complainantIds ?? []).map((x) => x.toHexString()),
    possibleDuplicates: (d.possibleDuplicates ?? []).map((p) => ({
      leadId: p.leadId,
      caseNumber: p.caseNumber,
      score: p.score,
      reasons: [...(p.reasons ?? [])],
      at: p.at,
    })),
    dismissedDuplicates: [...(d.dismissedDuplicates ?? [])],
    paymentChecks: (d.paymentChecks ?? []).map((c) => ({
      complainantId: c.complainantId,
      askedAt: c.askedAt,
      via: c.via,
      answer: c.answer ?? null,
      answeredAt: c.answeredAt ?? null,
      words: c.words ?? null,
      satisfaction: c.satisfaction ? { score: c.satisfaction.score, comment: c.satisfaction.comment ?? null, at: c.satisfaction.at } : null,
    })),
    timeline: (d.timeline ?? []).map((e): TimelineEvent => ({
      at: e.at,
      type: e.type,
      actor: e.actor,
      note: e.note ?? null,
      changes: (e.changes ?? []).map((c) => ({ field: c.field, before: c.before ?? null, after: c.after ?? null })),
    })),
    revision: d.rev ?? 0,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

/** The filter of a write that applies only while the case's membership is as it was read. */
export const atRevision = (id: string, revision: number) => ({
  _id: new Types.ObjectId(id),
  rev: revision === 0 ? { $in: [0, null] } : { $eq: revision },
});
