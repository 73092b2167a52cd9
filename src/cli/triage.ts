import { createInterface } from 'node:readline';
import { triageByRules } from '../triage/rule-triage';
import type { ComplaintChannel } from '../domain/triage-result';
import { COMPLAINT_CHANNELS } from '../domain/complaint';

/**
 * `npm run --silent triage < in.jsonl > out.jsonl`: one output line per input line, in order
 * (shared/triage/LABELS.md). A bad line gets an error line and the run goes on.
 */
const CHANNELS: readonly ComplaintChannel[] = COMPLAINT_CHANNELS;

type Output = Record<string, unknown>;

function idOf(value: unknown): string | number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const id = value.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

export function triageLine(line: string): Output {
  if (!line.trim()) return { id: null, error: 'empty line' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { id: null, error: 'line is not valid JSON' };
  }
  const id = idOf(parsed);
  const record = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { text?: unknown; channel?: unknown };
  if (typeof record.text !== 'string') return { id, error: 'text must be a string' };
  if (typeof record.channel !== 'string' || !CHANNELS.includes(record.channel as ComplaintChannel)) {
    return { id, error: `channel must be one of ${CHANNELS.join(', ')}` };
  }
  try {
    return { id, ...triageByRules({ channel: record.channel as ComplaintChannel, text: record.text }) };
  } catch (error) {
    return { id, error: `triage failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) process.stdout.write(`${JSON.stringify(triageLine(line))}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`triage: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
