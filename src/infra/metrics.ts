import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { COMPLAINT_CHANNELS } from '../domain/complaint';
import { DISPOSITION_CODES } from '../domain/disposition';

/**
 * What the process counts for Prometheus (docs/operations.md#metrics). The one module that knows
 * prom-client: the rest of the code calls these methods, wired in src/composition and src/roles.
 *
 * Labels take only values the code chose (a route template, a channel, a disposition code, a queue
 * name), never a phone number, name, text or id; a value outside the known set is counted as `other`.
 */
export interface Metrics {
  /** One HTTP request answered: the express route template (`/api/leads/:id`), never the raw URL. */
  httpRequest(route: string, method: string, status: number, seconds: number): void;
  /** A new complaint stored at intake (a repeated delivery is not counted). */
  complaintAccepted(channel: string): void;
  /** Triage gave a complaint its disposition (lead, merged, needs_details…, triage_failed). */
  complaintTriaged(disposition: string): void;
  /** A triage attempt failed; `final` when no attempt is left (the complaint goes to review as triage_failed). */
  triageFailed(final: boolean): void;
  /** Which engine's reading a triage run used. */
  triageEngine(engine: 'rules' | 'llm'): void;
  /** The LLM was asked and failed; the rules' reading was used. */
  llmFailure(): void;
  /** A job completed or failed for good: seconds from when it was due (created, plus its delay) to then. */
  jobFinished(queue: string, outcome: 'completed' | 'failed', seconds: number): void;
  /** A message to a complainant reached its end: delivered, failed, or turned into a call-back task. */
  outboundMessage(channel: string, state: OutboundEnd): void;
  /** A repository call failed with an error of the store (not one of the app's own refusals). */
  storeError(repository: string, kind: StoreErrorKind): void;
  /** A Redis connection reported an error (refused, reset, timed out…); ioredis reconnects by itself. */
  redisError(connection: string): void;
  /** Where queue depths are read at each scrape. */
  readQueuesWith(read: () => Promise<readonly QueueCounts[]>): void;
  /** The exposition, in Prometheus's text format. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

export type OutboundEnd = 'delivered' | 'failed' | 'callback';
export type StoreErrorKind = 'unavailable' | 'duplicate' | 'other';
export interface QueueCounts {
  name: string;
  counts: Record<string, number>;
}

export interface MetricsOptions {
  /** ROLE: a label on every series, so that the processes of one machine stay apart. */
  role: string;
  /** Node's process metrics (CPU, memory, event-loop lag, GC), only when the endpoint is on. */
  processMetrics: boolean;
  /** How long a scrape waits for the queue depths before leaving them out. */
  queueReadTimeoutMs?: number;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const CHANNELS = new Set<string>([...COMPLAINT_CHANNELS, 'sms']);
const DISPOSITIONS = new Set<string>(DISPOSITION_CODES);
/** A name the code gave: a queue, a repository, a connection. */
const CODE_NAME = /^[a-z][a-z0-9_-]{0,39}$/;
/** A route template from the code: letters, digits and / : _ - . only. */
const ROUTE = /^\/[A-Za-z0-9/:_.-]{0,119}$/;
/** What only a URL has, never a template: a number of five digits or more, an object id. */
const RAW = /\d{5}|[0-9a-f]{24}/i;
/** More route templates than the app has would mean something other than the code chose them. */
const MAX_ROUTES = 200;
const DEPTH_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

const oneOf = (value: string, known: Set<string>) => (known.has(value) ? value : 'other');
const codeName = (value: string) => (CODE_NAME.test(value) ? value : 'other');
const statusClass = (status: number) => (status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other');

export function createMetrics(opts: MetricsOptions): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ role: opts.role });
  if (opts.processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const http = new Histogram({
    name: 'wa_http_request_duration_seconds',
    help: 'HTTP requests answered by the API, by route template, method and status class',
    labelNames: ['route', 'method', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const accepted = new Counter({
    name: 'wa_complaints_accepted_total',
    help: 'New complaints stored at intake, by channel',
    labelNames: ['channel'] as const,
    registers,
  });
  const triaged = new Counter({
    name: 'wa_complaints_triaged_total',
    help: 'Complaints given their disposition by triage, by disposition',
    labelNames: ['disposition'] as const,
    registers,
  });
  const triageFailures = new Counter({
    name: 'wa_triage_failures_total',
    help: 'Failed triage attempts; final="true" when no attempt was left',
    labelNames: ['final'] as const,
    registers,
  });
  const engines = new Counter({
    name: 'wa_triage_engine_total',
    help: 'Triage runs by the engine whose reading was used (rules or llm)',
    labelNames: ['engine'] as const,
    registers,
  });
  const llmFailures = new Counter({
    name: 'wa_llm_failures_total',
    help: 'LLM triage calls that failed; the rules were used instead',
    registers,
  });
  const jobs = new Histogram({
    name: 'wa_job_latency_seconds',
    help: 'Jobs from when they were due (created, plus their delay) to completion or final failure, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
    registers,
  });
  const outbound = new Counter({
    name: 'wa_outbound_messages_total',
    help: 'Messages to complainants at their end state (delivered, failed, callback), by channel',
    labelNames: ['channel', 'state'] as const,
    registers,
  });
  const storeErrors = new Counter({
    name: 'wa_store_errors_total',
    help: 'Errors of the store in repository calls, by repository and kind (unavailable, duplicate, other)',
    labelNames: ['repository', 'kind'] as const,
    registers,
  });
  const redisErrors = new Counter({
    name: 'wa_redis_errors_total',
    help: 'Error events of the Redis connections, by connection',
    labelNames: ['connection'] as const,
    registers,
  });

  // Both gauges below are collected in parallel at a scrape: they share one read of the depths.
  let readQueues: (() => Promise<readonly QueueCounts[]>) | null = null;
  const queueReadTimeoutMs = opts.queueReadTimeoutMs ?? 2000;
  let reading: { at: number; depths: Promise<readonly QueueCounts[] | null> } | null = null;
  const readDepths = () => {
    if (!reading || Date.now() - reading.at > 1000) {
      const depths = readQueues ? withTimeout(readQueues(), queueReadTimeoutMs).catch(() => null) : Promise.resolve([]);
      reading = { at: Date.now(), depths };
    }
    return reading.depths;
  };
  new Gauge({
    name: 'wa_queue_depth',
    help: 'Jobs in each BullMQ queue by state, read at scrape time (waiting includes prioritized)',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      const queues = await readDepths();
      this.reset();
      for (const q of queues ?? []) {
        const counts: Record<string, number> = { ...q.counts, waiting: (q.counts.waiting ?? 0) + (q.counts.prioritized ?? 0) };
        for (const state of DEPTH_STATES) this.set({ queue: codeName(q.name), state }, counts[state] ?? 0);
      }
    },
  });
  new Gauge({
    name: 'wa_queue_depth_up',
    help: '1 when this scrape read the queue depths, 0 when Redis did not answer in time',
    registers,
    async collect() {
      this.set((await readDepths()) ? 1 : 0);
    },
  });

  const routes = new Set<string>();
  const routeLabel = (route: string) => {
    if (!ROUTE.test(route) || RAW.test(route)) return route === 'unmatched' ? route : 'other';
    if (routes.has(route)) return route;
    if (routes.size >= MAX_ROUTES) return 'other';
    routes.add(route);
    return route;
  };

  return {
    httpRequest: (route, method, status, seconds) =>
      http.observe(
        { route: routeLabel(route), method: METHODS.has(method) ? method : 'other', status_class: statusClass(status) },
        seconds,
      ),
    complaintAccepted: (channel) => accepted.inc({ channel: oneOf(channel, CHANNELS) }),
    complaintTriaged: (disposition) => triaged.inc({ disposition: oneOf(disposition, DISPOSITIONS) }),
    triageFailed: (final) => triageFailures.inc({ final: String(final) }),
    triageEngine: (engine) => engines.inc({ engine: engine === 'llm' ? 'llm' : 'rules' }),
    llmFailure: () => llmFailures.inc(),
    jobFinished: (queue, outcome, seconds) => jobs.observe({ queue: codeName(queue), outcome }, Math.max(0, seconds)),
    outboundMessage: (channel, state) => outbound.inc({ channel: oneOf(channel, CHANNELS), state }),
    storeError: (repository, kind) => storeErrors.inc({ repository: codeName(repository), kind }),
    redisError: (connection) => redisErrors.inc({ connection: codeName(connection) }),
    readQueuesWith: (read) => {
      readQueues = read;
    },
    scrape: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
