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
  amount_yuan: number | null;
  worker_count: number | null;
  /** Digits only: mobile 13812345678, landline with area code 07367221234. */
  phone: string | null;
  sector: Sector | null;
  urgency: Urgency;
}

export type ComplaintChannel = 'wechat' | 'hotline' | 'wechat_oa' | 'wecom' | 'national_platform' | 'onsite' | 'media' | 'petition';

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

export function rulesOnly(result: TriageResult, llmError: string | null = null): EngineResult {
  const sources = Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, 'rules'])) as Record<TriageField, 'rules'>;
  return { ...result, engine: 'rules', sources, llmError };
}
