import type { z } from 'zod';

/** Who may call: a staff API token, the hotline feed's HMAC signature, or anyone. */
export type Security = 'staff' | 'hotline' | 'none';

/** One answer of an operation; the JSON body is the schema the route's answers are checked against. */
export interface ResponseSpec {
  description: string;
  json?: z.ZodType;
  /** A body that is not JSON (a platform callback's echostr or XML), by media type, described in words. */
  text?: Record<string, string>;
  headers?: z.ZodObject;
}

export interface ApiOperation {
  method: 'get' | 'post';
  /** Relative to the contract's prefix, with `{param}` as OpenAPI writes it ('' is the prefix itself). */
  path: string;
  summary: string;
  security: Security;
  /** The schemas the router validates with: the document is generated from these same objects. */
  request?: {
    params?: z.ZodObject;
    query?: z.ZodObject;
    headers?: z.ZodObject;
    json?: z.ZodType;
    /** The JSON body may be left out. */
    bodyOptional?: boolean;
    text?: Record<string, string>;
  };
  /** Every status the operation answers with, by design (500 aside). */
  responses: Record<number, ResponseSpec>;
}

/** A router's operations and where app.ts mounts it. */
export interface RouterContract {
  prefix: string;
  operations: ApiOperation[];
}
