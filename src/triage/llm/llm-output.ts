import { z } from 'zod';
import { townshipOf } from '../../domain/routing';
import { CATEGORIES, SECTORS, URGENCIES, type TriageResult } from '../../domain/triage-result';
import { TAOYUAN_TOWNSHIPS } from '../lexicon/taoyuan-gazetteer';

const nullableText = z
  .string()
  .trim()
  .max(200)
  .nullable()
  .transform((s) => (s ? s : null));

/** What the model must answer; anything else is a failed call and the rule result stands. */
export const llmOutputSchema = z.object({
  category: z.enum(CATEGORIES),
  employer: nullableText,
  project: nullableText,
  location: nullableText,
  // Left to the rules' gazetteer unless the model names one.
  area: nullableText.optional(),
  amount_yuan: z.number().nonnegative().max(1e10).nullable(),
  worker_count: z.number().int().min(1).max(100_000).nullable(),
  phone: z.string().max(40).nullable(),
  sector: z.enum(SECTORS).nullable(),
  urgency: z.enum(URGENCIES),
});

export type LlmOutput = z.infer<typeof llmOutputSchema>;

/** Parses the model's message: a JSON object, possibly inside a ```json fence. */
export function parseLlmOutput(content: string | null | undefined): LlmOutput {
  if (!content) throw new Error('empty answer');
  const body = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/```$/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new Error('answer is not JSON');
  }
  const r = llmOutputSchema.safeParse(json);
  if (!r.success) throw new Error(`answer does not fit the schema: ${r.error.issues[0]?.path.join('.')} ${r.error.issues[0]?.message}`);
  return r.data;
}

/** The callback phone: the model names a placeholder; its digits come from the masked map, or the rules. */
export function resolvePhone(answer: string | null, phones: Map<string, string>, rulesPhone: string | null): string | null {
  if (!answer) return null;
  const digits = phones.get(answer.trim());
  if (digits) return digits;
  // A model that copied the rule hint's value back, or gave no usable placeholder.
  return rulesPhone;
}

/**
 * The routing area of a model's answer: a township of the gazetteer the model named, else the one in
 * the model's location, else the rules' area read from the whole text.
 */
export function mergeArea(answer: string | null | undefined, location: string | null, rulesArea: string | null): string | null {
  const named = answer ? TAOYUAN_TOWNSHIPS.find((t) => t.name === answer.trim())?.name : undefined;
  return named ?? townshipOf(location, TAOYUAN_TOWNSHIPS) ?? rulesArea;
}

export function urgencyConsistent(r: TriageResult): TriageResult {
  return r.category === 'wage_arrears' ? r : { ...r, urgency: 'normal' };
}
