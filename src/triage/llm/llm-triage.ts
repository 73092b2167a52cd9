import { createHash } from 'node:crypto';
import type OpenAI from 'openai';
import {
  rulesOnly,
  TRIAGE_FIELDS,
  type EngineResult,
  type TriageEngine,
  type TriageField,
  type TriageResult,
} from '../../domain/triage-result';
import { triageByRules } from '../rule-triage';
import { mergeArea, parseLlmOutput, resolvePhone, urgencyConsistent } from './llm-output';
import { SYSTEM_PROMPT, userPrompt } from './llm-prompt';
import { maskPii } from './mask-pii';

export interface LlmTriageDeps {
  client: OpenAI;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  cache: { get(key: string): Promise<string | null>; set(key: string, value: string): Promise<void> };
  onError?: (message: string) => void;
}

function cacheKey(model: string, text: string): string {
  return createHash('sha256').update(model).update('\u0001').update(text).digest('hex');
}

function fromLlm(llm: TriageResult, areaSource: 'rules' | 'llm'): EngineResult {
  const sources = Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, 'llm'])) as Record<TriageField, 'rules' | 'llm'>;
  return { ...llm, engine: 'llm', sources: { ...sources, area: areaSource }, llmError: null };
}

function withArea(result: EngineResult, rulesArea: string | null): EngineResult {
  return result.area === undefined ? { ...result, area: rulesArea, sources: { ...result.sources, area: 'rules' } } : result;
}

/**
 * Rules first, then the LLM with the rule result as a hint. At most 1 + maxRetries calls per new text
 * (the SDK retries 429/5xx/timeouts with backoff), each bounded by timeoutMs; any failure falls back to
 * the rule result. Answers are cached by the text's hash, so a repeated text costs no call.
 */
export function createLlmTriage(deps: LlmTriageDeps): TriageEngine {
  return async (input) => {
    const rules = triageByRules(input);
    const key = cacheKey(deps.model, input.text);
    try {
      const cached = await deps.cache.get(key);
      // An answer cached before results carried an area takes the rules' area.
      if (cached) return withArea(JSON.parse(cached) as EngineResult, rules.area);

      const masked = maskPii(input.text);
      const phoneHint = [...masked.phones].find(([, digits]) => digits === rules.phone)?.[0] ?? null;
      const completion = await deps.client.chat.completions.create(
        {
          model: deps.model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: SYSTEM_PROMPT },
            { role: 'user', content: userPrompt(masked.text, rules, phoneHint) },
          ],
        },
        { timeout: deps.timeoutMs, maxRetries: deps.maxRetries },
      );
      const out = parseLlmOutput(completion.choices[0]?.message?.content);
      const area = mergeArea(out.area, out.location, rules.area);
      const llm = urgencyConsistent({ ...out, area, phone: resolvePhone(out.phone, masked.phones, rules.phone) });
      const result = fromLlm(llm, area === rules.area ? 'rules' : 'llm');
      await deps.cache.set(key, JSON.stringify(result));
      return result;
    } catch (err) {
      const message = (err as Error).message?.slice(0, 200) || 'LLM call failed';
      deps.onError?.(message);
      return rulesOnly(rules, message);
    }
  };
}
