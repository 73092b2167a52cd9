import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SmsRequest } from '../../src/infra/sms-gateway';

/** How the gateway answers one request: accepts, fails (HTTP 500), refuses (HTTP 400), or answers only after `slowMs`. */
export type SmsAnswer = 'ok' | 'fail' | 'refuse' | 'slow';

export interface FakeSmsGateway {
  url: string;
  /** Requests received, in order. */
  requests: { body: SmsRequest; authorization: string | null; idempotencyKey: string | null; at: number }[];
  /** Answers by phone number, one per request, the last one repeated; 'ok' for numbers not listed. */
  answers: Map<string, SmsAnswer[]>;
  slowMs: number;
  close(): Promise<void>;
}

/** A local stand-in for a bureau's SMS adapter, as docs/workflow.md describes its request. */
export async function startFakeSmsGateway(): Promise<FakeSmsGateway> {
  const fake: FakeSmsGateway = { url: '', requests: [], answers: new Map(), slowMs: 3000, close: async () => undefined };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as SmsRequest;
      fake.requests.push({
        body,
        authorization: req.headers.authorization ?? null,
        idempotencyKey: (req.headers['idempotency-key'] as string | undefined) ?? null,
        at: Date.now(),
      });
      const planned = fake.answers.get(body.phone) ?? [];
      const answer = (planned.length > 1 ? planned.shift() : planned[0]) ?? 'ok';
      const json = (status: number, b: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(b));
      if (answer === 'fail') return json(500, { code: 'isp.SYSTEM_ERROR', message: `发送 ${body.phone} 失败` });
      if (answer === 'refuse') return json(400, { code: 'isv.MOBILE_NUMBER_ILLEGAL', message: `号码 ${body.phone} 无效` });
      const ok = () => json(200, { id: `fake-${fake.requests.length}` });
      if (answer === 'slow') return void setTimeout(ok, fake.slowMs).unref();
      ok();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
