/** The lead fields of shared/triage/LABELS.md, as the rule engine or the LLM produce them. */
export const CATEGORIES = ['wage_arrears', 'labor_other', 'consultation', 'progress_query', 'invalid'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SECTORS = [
  'construction',
  'manufacturing',
  'education',
  'ride_hailing',
  'delivery',
  'individual_business',
  'services',
  'agriculture',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const URGENCIES = ['high', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface TriageResult {
  category: Category;
  employer: string | null;
  project: string | null;
  location: string | null;
  /**
   * The township or street (乡镇/街道) of the county the work was in, read from the whole text with the
   * gazetteer, for routing to its inspectors; null when the work was elsewhere or no township is named.
   */
  area: string | null;
  amount_yuan: number | null;
  worker_count: number | null;
  /** Digits only: mobile 13812345678, landline with area code 07367221234. */
  phone: string | null;
  sector: Sector | null;
  urgency: Urgency;
}

/** `hotline` is the 12345/12333 transcript feed; `phone` is calls to the bureau's own complaint line (电话投诉), entered or imported by staff. */
export type ComplaintChannel =
  'wechat' | 'hotline' | 'phone' | 'wechat_oa' | 'wecom' | 'national_platform' | 'onsite' | 'media' | 'petition';

/** What triage reads: the text as received, and where it came from (hotline transcripts have speaker turns). */
export interface TriageInput {
  channel: ComplaintChannel;
  text: string;
}

export const TRIAGE_FIELDS = [
  'category',
  'employer',
  'project',
  'location',
  'area',
  'amount_yuan',
  'worker_count',
  'phone',
  'sector',
  'urgency',
] as const;
export type TriageField = (typeof TRIAGE_FIELDS)[number];

/** A triage result with the engine behind each field, as stored on the complaint. */
export interface EngineResult extends TriageResult {
  /** 'llm' when the LLM answered and its answer was used; 'rules' otherwise. */
  engine: 'rules' | 'llm';
  sources: Record<TriageField, 'rules' | 'llm'>;
  /** Why the LLM was not used, when it was configured but failed. */
  llmError: string | null;
}

export type TriageEngine = (input: TriageInput) => Promise<EngineResult>;

/** A result without an area (as stored before the field existed) routes by its location. */
export function rulesOnly(result: Omit<TriageResult, 'area'> & { area?: string | null }, llmError: string | null = null): EngineResult {
  const sources = Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, 'rules'])) as Record<TriageField, 'rules'>;
  return { ...result, area: result.area ?? null, engine: 'rules', sources, llmError };
}
