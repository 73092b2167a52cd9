import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeMode = 'good' | 'fenced' | 'malformed' | 'wrong-schema' | 'hang' | '429' | '500' | '500-then-good';

export interface FakeOpenAi {
  baseURL: string;
  mode: FakeMode;
  /** The answer the model gives in 'good' mode. */
  answer: Record<string, unknown>;
  /** Request bodies as received, in order. */
  requests: { model: string; messages: { role: string; content: string }[] }[];
  close(): Promise<void>;
}

/** A local OpenAI-compatible chat-completions server that can answer well or fail in each way a real one does. */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const hanging = new Set<http.ServerResponse>();
  const fake: FakeOpenAi = {
    baseURL: '',
    mode: 'good',
    answer: {},
    requests: [],
    close: async () => undefined,
  };
  const completion = (content: string) => ({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'fake-model',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
  });
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404).end();
        return;
      }
      fake.requests.push(JSON.parse(body) as FakeOpenAi['requests'][number]);
      const n = fake.requests.length;
      const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
      };
      switch (fake.mode) {
        case 'good':
          return json(200, completion(JSON.stringify(fake.answer)));
        case 'fenced':
          return json(200, completion('```json\n' + JSON.stringify(fake.answer) + '\n```'));
        case 'malformed':
          return json(200, completion('{"category": "wage_arrears", "employer": '));
        case 'wrong-schema':
          return json(200, completion(JSON.stringify({ ...fake.answer, category: 'salary', amount_yuan: '三万' })));
        case 'hang':
          hanging.add(res);
          return;
        case '429':
          return json(429, { error: { message: 'rate limited', type: 'rate_limit' } }, { 'retry-after-ms': '10' });
        case '500':
          return json(500, { error: { message: 'boom' } }, { 'retry-after-ms': '10' });
        case '500-then-good':
          return n === 1
            ? json(500, { error: { message: 'boom' } }, { 'retry-after-ms': '10' })
            : json(200, completion(JSON.stringify(fake.answer)));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
