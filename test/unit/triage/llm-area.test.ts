import type OpenAI from 'openai';
import { createLlmTriage } from '../../../src/triage/llm/llm-triage';

/** A client that answers every call with the given JSON, and never touches the network. */
function clientAnswering(answer: Record<string, unknown>): OpenAI {
  const create = (): Promise<unknown> => Promise.resolve({ choices: [{ message: { content: JSON.stringify(answer) } }] });
  return { chat: { completions: { create } } } as unknown as OpenAI;
}

const noCache = { get: (): Promise<string | null> => Promise.resolve(null), set: (): Promise<void> => Promise.resolve() };

const answer = {
  category: 'wage_arrears',
  employer: '岳老板',
  project: null,
  location: '银杏路',
  amount_yuan: 3000,
  worker_count: 1,
  phone: null,
  sector: 'services',
  urgency: 'normal',
};

describe('the area of an LLM-assisted triage', () => {
  it('when the model leaves the area out, then the rules give it from the whole text', async () => {
    const triage = createLlmTriage({ client: clientAnswering(answer), model: 'm', timeoutMs: 1000, maxRetries: 0, cache: noCache });
    const result = await triage({ channel: 'wechat', text: '我在漳江街道打工，店在银杏路，岳老板欠我工资三千' });
    expect(result).toMatchObject({ engine: 'llm', location: '银杏路', area: '漳江街道' });
    expect(result.sources.area).toBe('rules');
  });

  it('when the model names a township in its location, then the area follows it', async () => {
    const triage = createLlmTriage({
      client: clientAnswering({ ...answer, location: '理公港镇银杏路' }),
      model: 'm',
      timeoutMs: 1000,
      maxRetries: 0,
      cache: noCache,
    });
    const result = await triage({ channel: 'wechat', text: '店在银杏路，岳老板欠我工资三千' });
    expect(result).toMatchObject({ area: '理公港镇' });
    expect(result.sources.area).toBe('llm');
  });
});
