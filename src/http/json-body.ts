import { isUtf8 } from 'node:buffer';
import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../domain/app-error';
import { stripNul } from '../domain/complaint';

export const invalidUtf8 = () => new AppError('invalid_utf8', 'the body is not valid UTF-8', { status: 400 });

/** express.json that refuses bytes which are not UTF-8 (instead of storing U+FFFD in their place). */
export function jsonBody(limit: string): RequestHandler {
  return express.json({
    limit,
    verify: (_req, _res, buf) => {
      if (!isUtf8(buf)) throw invalidUtf8();
    },
  });
}

/** Free text from outside: NUL removed (the store refuses it), lone surrogates refused, trimmed, bounded. */
export const freeText = (max: number) =>
  z
    .string()
    .transform(stripNul)
    .pipe(
      z
        .string()
        .trim()
        .min(1)
        .max(max)
        .refine((s) => !/\p{Cs}/u.test(s), 'not valid Unicode text (a lone surrogate)'),
    );
