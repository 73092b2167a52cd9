import { isUtf8 } from 'node:buffer';
import express, { Router } from 'express';
import type { z } from 'zod';
import { AppError } from '../../domain/app-error';
import { transcriptText, type NewComplaint } from '../../domain/complaint';
import { invalidUtf8 } from '../json-body';
import type { AcceptedComplaint } from '../../services/accept-complaint';
import { verifyHotlineSignature } from '../hotline-signature';
import { parseOr400 } from '../validation';
import { formatServerTiming } from '../server-timing';
import { transcriptBody } from '../contracts/hotline-contract';

export type HotlineTranscript = z.infer<typeof transcriptBody>;

export function toNewComplaint(body: HotlineTranscript): NewComplaint {
  const turns = typeof body.transcript === 'string' ? [] : body.transcript;
  return {
    channel: 'hotline',
    dedupKey: body.callId,
    sender: { channelUserId: null, name: null, phone: body.callerPhone ?? null },
    operator: body.operator ?? null,
    text: typeof body.transcript === 'string' ? body.transcript : transcriptText(turns),
    turns,
    receivedAt: new Date(body.receivedAt),
  };
}

export interface HotlineRouteDeps {
  secret: string;
  maxSkewSeconds: number;
  /** Stores and queues the transcript; a signature seen before is refused (409 replayed_request). */
  acceptTranscript(input: NewComplaint, signature: string): Promise<AcceptedComplaint>;
}

/** The 12345/12333 transcription feed: signed JSON in, 202 {complaintId} once stored and queued. */
export function hotlineRoutes(deps: HotlineRouteDeps): Router {
  const router = Router();
  router.post('/transcripts', express.raw({ type: () => true, limit: '512kb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const signature = req.get('x-signature');
    verifyHotlineSignature({
      secret: deps.secret,
      timestamp: req.get('x-timestamp'),
      signature,
      rawBody: raw,
      maxSkewSeconds: deps.maxSkewSeconds,
    });
    const body = parseOr400(transcriptBody, parseJson(raw));
    const accepted = await deps.acceptTranscript(toNewComplaint(body), signature ?? '');
    // Where the time went inside the server, for the caller and for the request log (src/http/request-log.ts).
    res.locals.timing = accepted.timing;
    res.set('Server-Timing', formatServerTiming(accepted.timing));
    res.status(accepted.created ? 202 : 200).json({ complaintId: accepted.complaintId, duplicate: !accepted.created });
  });
  return router;
}

function parseJson(raw: Buffer): unknown {
  if (!isUtf8(raw)) throw invalidUtf8();
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('invalid_json', 'the body is not valid JSON', { status: 400 });
  }
}
