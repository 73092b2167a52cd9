import type { StatsRepository } from '../db/repositories/stats-repository';
import type { Period } from '../domain/period';

export async function statistics(deps: { stats: StatsRepository }, p: Period) {
  const [byChannel, byCategory, validByChannel, byArea, bySector, byStatus, recovered, overdueNow] = await Promise.all([
    deps.stats.complaintsBy('channel', p),
    deps.stats.complaintsBy('triage.category', p),
    deps.stats.validLeadsByChannel(p),
    deps.stats.casesBy('area', p),
    deps.stats.casesBy('sector', p),
    deps.stats.casesBy('status', p),
    deps.stats.recovered(p),
    deps.stats.overdueNow(),
  ]);
  const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
  return {
    from: p.from.toISOString(),
    to: p.to.toISOString(),
    complaints: { total: sum(byChannel), byChannel, byCategory },
    validLeads: { total: sum(validByChannel), byChannel: validByChannel },
    cases: {
      total: sum(byStatus),
      byTownship: byArea,
      bySector,
      byStatus,
      resolved: (byStatus.resolved ?? 0) + (byStatus.closed ?? 0),
      /** Open cases past a deadline right now (not limited to the period). */
      overdueNow,
    },
    recovered: { yuan: recovered.yuan, workers: recovered.workers, entries: recovered.entries },
  };
}

export type Statistics = Awaited<ReturnType<typeof statistics>>;

/** A calendar year's figures and its report paragraph (years are counted in China's time zone). */
export async function annualReport(deps: { stats: StatsRepository }, year: number) {
  const s = await statistics(deps, { from: new Date(`${year}-01-01T00:00:00+08:00`), to: new Date(`${year + 1}-01-01T00:00:00+08:00`) });
  return { year, paragraph: annualReportParagraph(s), statistics: s };
}

/** 万元 with two decimals, as the bureau's reports write money (3529.04万元). */
function wan(yuan: number): string {
  return (Math.round(yuan / 100) / 100).toFixed(2);
}

/**
 * The annual-report paragraph, in the style of section 三(一)3(1) of the bureau's 2022 report:
 * complaints by channel, valid leads, yuan recovered and workers helped.
 */
export function annualReportParagraph(s: Statistics): string {
  const ch = s.complaints.byChannel;
  const n = (k: string[]) => k.reduce((a, c) => a + (ch[c] ?? 0), 0);
  return (
    `欠薪线索处理迅速。处理全国欠薪平台投诉${n(['national_platform'])}条，受理劳动者现场投诉${n(['onsite'])}条、` +
    `政务热线投诉${n(['hotline'])}条、网络平台及媒体投诉${n(['media', 'wechat', 'wechat_oa', 'wecom'])}条、信访投诉${n(['petition'])}条。` +
    `以上投诉共${s.complaints.total}条，其中有效欠薪线索${s.validLeads.total}条。` +
    `累计帮助农民工讨回工资约${wan(s.recovered.yuan)}万元，涉及人数约${s.recovered.workers}人。`
  );
}
