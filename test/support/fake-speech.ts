import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeSpeechMode = 'good' | 'hang' | '500' | 'empty';

export interface FakeSpeech {
  baseURL: string;
  mode: FakeSpeechMode;
  /** What the model hears in 'good' mode. */
  transcript: string;
  /** The multipart requests as received: model, language, file name and size. */
  requests: { model: string; language: string | null; fileName: string; fileType: string; bytes: number }[];
  close(): Promise<void>;
}

/** A local OpenAI-compatible `/audio/transcriptions` server that answers, hangs, fails or hears nothing. */
export async function startFakeSpeech(): Promise<FakeSpeech> {
  const hanging = new Set<http.ServerResponse>();
  const fake: FakeSpeech = { baseURL: '', mode: 'good', transcript: '', requests: [], close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.method !== 'POST' || !req.url?.endsWith('/audio/transcriptions')) return void res.writeHead(404).end();
        // The SDK sends multipart/form-data: read it as a browser would.
        const form = await new Response(Buffer.concat(chunks), {
          headers: { 'content-type': req.headers['content-type'] ?? '' },
        }).formData();
        const file = form.get('file') as File;
        fake.requests.push({
          model: form.get('model') as string,
          language: form.get('language') as string | null,
          fileName: file.name,
          fileType: file.type,
          bytes: file.size,
        });
        const json = (status: number, payload: unknown) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
        switch (fake.mode) {
          case 'good':
            return json(200, { text: fake.transcript });
          case 'empty':
            return json(200, { text: '' });
          case '500':
            return json(500, { error: { message: 'model crashed' } });
          case 'hang':
            hanging.add(res);
            return;
        }
      })();
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
