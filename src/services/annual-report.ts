import type { StatsRepository } from '../db/repositories/stats-repository';
import { campaignDays, campaignPeriod, type ReportCampaign } from '../domain/report-campaign';
import type { StaffUser } from '../domain/staff';
import { statistics, statsAreaFor, type Statistics } from './statistics';

export interface AnnualReportDeps {
  stats: StatsRepository;
  campaign: ReportCampaign;
}

/** A calendar year's figures and its report paragraph (years are counted in China's time zone). */
export async function annualReport(deps: AnnualReportDeps, q: { year: number; area: string | null }) {
  const days = campaignDays(q.year, deps.campaign);
  const [s, inCampaign] = await Promise.all([
    statistics(deps, {
      from: new Date(`${q.year}-01-01T00:00:00+08:00`),
      to: new Date(`${q.year + 1}-01-01T00:00:00+08:00`),
      area: q.area,
    }),
    deps.stats.recovered({ ...campaignPeriod(days), area: q.area }),
  ]);
  const campaign = { name: deps.campaign.name, ...days, yuan: inCampaign.yuan, workers: inCampaign.workers };
  return { year: q.year, area: q.area, paragraph: annualReportParagraph(s, campaign), campaign, statistics: s };
}

export type AnnualReport = Awaited<ReturnType<typeof annualReport>>;

/** The report a staff user asked for, for the area they may see. */
export function annualReportFor(deps: AnnualReportDeps, staff: StaffUser, q: { year: number; area: string | null }): Promise<AnnualReport> {
  return annualReport(deps, { ...q, area: statsAreaFor(staff, q.area) });
}

/** 万元 with two decimals, as the bureau's reports write money (3529.04万元). */
function wan(yuan: number): string {
  return (Math.round(yuan / 100) / 100).toFixed(2);
}

/** A large count as the report writes it: 1,342 → 1300余; exact below a hundred and on a round hundred. */
export function aboutCount(n: number): string {
  return n < 100 || n % 100 === 0 ? String(n) : `${Math.floor(n / 100) * 100}余`;
}

/** 网络平台及媒体: the bureau's online channels and the press. */
const ONLINE_AND_MEDIA = ['wechat', 'wechat_oa', 'wecom', 'media'];

/**
 * The annual-report paragraph in the shape of section 三(一)3(1) of the bureau's 2022 report: complaints
 * by channel; calls to the complaint line and the valid leads among them; money recovered and workers
 * helped, and within that the campaign's. A sentence about calls or the campaign is left out when
 * there is nothing to state (a year before the phone channel existed).
 */
export function annualReportParagraph(s: Statistics, campaign: { name: string; yuan: number; workers: number }): string {
  const ch = s.complaints.byChannel;
  const n = (k: string[]) => k.reduce((a, c) => a + (ch[c] ?? 0), 0);
  const calls = ch.phone ?? 0;
  return [
    `欠薪线索处理迅速。处理全国欠薪平台投诉${n(['national_platform'])}条，受理劳动者现场投诉${n(['onsite'])}条、`,
    `政务热线投诉${n(['hotline'])}条、网络平台及媒体投诉${n(ONLINE_AND_MEDIA)}条、信访投诉${n(['petition'])}条。`,
    calls ? `接到劳动者电话投诉${aboutCount(calls)}条，其中，受理电话投诉有效线索${s.validLeads.byChannel.phone ?? 0}条。` : '',
    `累计帮助农民工讨回工资约${wan(s.recovered.yuan)}万元，涉及人数约${s.recovered.workers}人`,
    campaign.yuan || campaign.workers ? `，其中，${campaign.name}帮助${campaign.workers}名农民工讨回工资${wan(campaign.yuan)}万元` : '',
    '。',
  ].join('');
}
