import { z } from 'zod';
import { freeText } from '../json-body';
import type { ResponseSpec } from './operation';

/** An id as the store mints it, in an answer. */
export const storeId = z.string().regex(/^[0-9a-f]{24}$/);

/** A date as JSON.stringify writes it. */
export const isoDateTime = z.iso.datetime().meta({ id: 'DateTime', description: 'ISO 8601 in UTC', example: '2026-11-28T02:15:00.000Z' });

/** Free text from outside (see freeText); the description says the bound, which the document cannot show through the transform. */
export const text = (max: number) => freeText(max).meta({ description: `text: NUL removed, trimmed, 1 to ${max} characters` });

/** 13900004821 → 139****4821 (see maskPhone in src/domain/masking.ts). */
export const maskedPhone = z
  .string()
  .regex(/^(?:\d{3}\*{4}\d{4}|\*{4})$/)
  .meta({ description: 'masked: the first three and last four digits', example: '139****4821' });

/** `{ error: { code, message, details? } }`, from src/http/middleware/error-handler.ts. */
export const errorBody = z
  .strictObject({
    error: z.strictObject({
      code: z.string().meta({ description: 'stable, for machines', example: 'invalid_request' }),
      message: z.string().meta({ description: 'for people' }),
      details: z
        .union([
          z.array(z.strictObject({ path: z.string(), message: z.string() })).meta({ description: 'the fields that are wrong' }),
          z.record(z.string(), z.unknown()).meta({ description: 'e.g. retryAfterSeconds' }),
        ])
        .optional(),
    }),
  })
  .meta({ id: 'Error' });

export const failure = (description: string): ResponseSpec => ({ description, json: errorBody });

export const invalid = failure('invalid request: a parameter, the query or the body (`details` names the fields)');
export const unauthenticated = failure('no valid staff token: Authorization: Bearer <token>');
export const tooLarge = failure('the body is larger than this endpoint accepts');
export const unavailable = failure('MongoDB or Redis unavailable, or the case busy: nothing was changed, retry later');

/** What JSON.stringify makes of a value: dates become ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: Json<T[K]> }
      : T;

/** true when a response schema describes exactly the type the service returns, once serialized. */
export type Describes<S extends z.ZodType, T> = [z.output<S>] extends [Json<T>] ? ([Json<T>] extends [z.output<S>] ? true : false) : false;
