import type { Sector, Urgency } from './triage-result';

export type Priority = 'urgent' | 'normal';

/** Sector → the industry department (行业主管部门) a case is routed to; configurable. */
export const DEFAULT_DEPARTMENTS: Record<Sector, string> = {
  construction: '县住房和城乡建设局',
  manufacturing: '县工业和信息化局',
  education: '县教育局',
  ride_hailing: '县交通运输局',
  delivery: '县邮政管理局',
  individual_business: '县市场监督管理局',
  services: '县商务局',
  agriculture: '县农业农村局',
  other: '县人力资源和社会保障局',
};

/** Construction work the industry departments split further by what is built (交通工程 → 交通运输局). */
export const WORKS_DEPARTMENTS: readonly { pattern: RegExp; department: string }[] = [
  { pattern: /公路|道路|路桥|桥梁|隧道|高速|国道|省道|县道|乡道|通村路|修路/, department: '县交通运输局' },
  { pattern: /水利|水库|堤防|河道|渠道|泵站|灌区|水电站/, department: '县水利局' },
];

export interface Township {
  name: string;
  short: string;
}

export interface Route {
  /** The township or street (乡镇/街道) responsible, or null when the place is not in the gazetteer. */
  area: string | null;
  department: string | null;
  priority: Priority;
}

/**
 * The township named in the place of work: the first one written, since an address runs from coarse
 * to fine (漳江街道桃花源路 lies in 漳江街道); at one spot the longer name (桃花源镇 beats 桃源).
 */
export function townshipOf(location: string | null, townships: readonly Township[]): string | null {
  if (!location) return null;
  let best: { name: string; at: number; length: number } | null = null;
  for (const t of townships) {
    // A bare short name followed by 市/区/县 is another place (西安市 is not 西安镇).
    const match = new RegExp(`${t.name}|${t.short}(?![市区县省])`).exec(location);
    if (!match) continue;
    const at = match.index;
    if (!best || at < best.at || (at === best.at && match[0].length > best.length)) best = { name: t.name, at, length: match[0].length };
  }
  return best?.name ?? null;
}

/** The gazetteer's name for an area given by triage, or null when it is not one of the townships. */
function knownTownship(area: string | null | undefined, townships: readonly Township[]): string | null {
  if (!area) return null;
  return townships.find((t) => t.name === area)?.name ?? townshipOf(area, townships);
}

/**
 * Where a case goes. The area triage read from the whole text comes first (香樟路 in 漳江街道 reaches
 * 漳江街道); without one, the township named in the place of work.
 */
export function routeLead(
  lead: {
    location: string | null;
    area?: string | null;
    sector: Sector | null;
    urgency: Urgency;
    project?: string | null;
    employer?: string | null;
  },
  townships: readonly Township[],
  departments: Record<string, string> = DEFAULT_DEPARTMENTS,
): Route {
  const works = lead.sector === 'construction' ? `${lead.project ?? ''} ${lead.employer ?? ''}` : '';
  const special = WORKS_DEPARTMENTS.find((w) => w.pattern.test(works))?.department;
  return {
    area: knownTownship(lead.area, townships) ?? townshipOf(lead.location, townships),
    department: special ?? (lead.sector ? (departments[lead.sector] ?? null) : null),
    priority: lead.urgency === 'high' ? 'urgent' : 'normal',
  };
}
