/**
 * The OpenAPI 3.1 description of the HTTP API, served at /api/docs. A test checks that it names
 * exactly the routes the app serves.
 */
const json = (schema: Record<string, unknown>) => ({ content: { 'application/json': { schema } } });
const ok = (description: string) => ({ description, ...json({ type: 'object' }) });
const intakeTiming = {
  description: 'milliseconds inside the server: `note` (Redis), `store` (the write), `queue` (the enqueue; 0 when nothing was queued)',
  schema: { type: 'string', example: 'note;dur=0.21, store;dur=1.84, queue;dur=0.33' },
};
const errors = {
  '400': { description: 'invalid request', ...json({ $ref: '#/components/schemas/Error' }) },
  '401': { description: 'missing or invalid credentials', ...json({ $ref: '#/components/schemas/Error' }) },
};
const staffErrors = {
  ...errors,
  '403': { description: 'not allowed for this role', ...json({ $ref: '#/components/schemas/Error' }) },
  '404': { description: 'no such case (or not in your area)', ...json({ $ref: '#/components/schemas/Error' }) },
  '409': { description: 'invalid transition or a concurrent change', ...json({ $ref: '#/components/schemas/Error' }) },
};
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{24}$' } };
const staffOp = (summary: string, extra: Record<string, unknown> = {}) => ({
  summary,
  security: [{ bearer: [] }],
  responses: { '200': ok(summary), ...staffErrors },
  ...extra,
});
const body = (properties: Record<string, unknown>, required: string[]) => ({
  requestBody: { required: true, ...json({ type: 'object', properties, required, additionalProperties: false }) },
});

/** The platform callbacks: query parameters exactly as the platforms send them; 404 when the channel is not configured. */
function platformCallback(name: string) {
  const q = (n: string, required = false) => ({ name: n, in: 'query', required, schema: { type: 'string' } });
  const parameters = [q('signature'), q('msg_signature'), q('timestamp', true), q('nonce', true), q('encrypt_type'), q('openid')];
  return {
    get: {
      summary: `URL verification of the ${name} callback: answers the (decrypted) echostr`,
      parameters: [...parameters, q('echostr', true)],
      responses: {
        '200': { description: 'echostr' },
        '403': { description: 'bad signature or stale timestamp' },
        '404': { description: 'not configured' },
      },
    },
    post: {
      summary: `A message from the ${name} platform (XML, plain or AES-encrypted): stored, queued, answered passively within 5 s or with "success"`,
      parameters,
      responses: {
        '200': { description: 'a passive reply (XML) or success' },
        '400': { description: 'malformed XML, ciphertext or message' },
        '403': { description: 'bad signature, wrong receiver id or stale timestamp' },
        '404': { description: 'not configured' },
        '503': { description: 'store or queue unavailable: the platform retries' },
      },
    },
  };
}

export const OPENAPI = {
  openapi: '3.1.0',
  info: { title: 'Wage-arrears complaint gateway (欠薪投诉线索网关)', version: '1.0.0' },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'a staff API token (npm run staff -- create …)' },
      hotlineSignature: {
        type: 'apiKey',
        in: 'header',
        name: 'X-Signature',
        description: 'sha256=<hex HMAC-SHA256 of "<X-Timestamp>.<raw body>">',
      },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } },
      },
    },
  },
  paths: {
    '/healthz': { get: { summary: 'the process is alive', responses: { '200': ok('alive') } } },
    '/readyz': {
      get: { summary: 'MongoDB and Redis reachable, WeChat bot state', responses: { '200': ok('ready'), '503': ok('not ready') } },
    },
    '/api/docs': { get: { summary: 'this document', responses: { '200': ok('OpenAPI document') } } },
    '/api/hotline/transcripts': {
      post: {
        summary: 'a 12345/12333 call transcript from the hotline feed',
        security: [{ hotlineSignature: [] }],
        parameters: [
          { name: 'X-Timestamp', in: 'header', required: true, schema: { type: 'string', description: 'unix seconds, ±300 s' } },
        ],
        ...body(
          {
            callId: { type: 'string' },
            receivedAt: { type: 'string', format: 'date-time' },
            callerPhone: { type: 'string' },
            operator: { type: 'string' },
            transcript: {
              oneOf: [
                { type: 'string' },
                {
                  type: 'array',
                  items: { type: 'object', properties: { speaker: { enum: ['agent', 'caller'] }, text: { type: 'string' } } },
                },
              ],
            },
          },
          ['callId', 'receivedAt', 'transcript'],
        ),
        responses: {
          '202': { ...ok('stored and queued'), headers: { 'Server-Timing': intakeTiming } },
          '200': { ...ok('the same callId was received before'), headers: { 'Server-Timing': intakeTiming } },
          ...errors,
          '409': ok('this exact signed request was received before (a replay): sign each delivery afresh'),
          '503': ok('MongoDB or Redis down: not stored'),
        },
      },
    },
    '/api/auth/login': {
      post: {
        summary: 'sign in: a new API token for username and password',
        ...body({ username: { type: 'string' }, password: { type: 'string' } }, ['username', 'password']),
        responses: { '200': ok('token and user'), ...errors, '429': ok('too many failed sign-ins for this username from this client') },
      },
    },
    '/api/auth/logout': {
      post: { summary: 'revoke the bearer token', security: [{ bearer: [] }], responses: { '204': { description: 'revoked' } } },
    },
    '/api/complaints': {
      post: staffOp('a complaint from an on-site visit, the national platform, media, a petition or a hotline work order', {
        ...body(
          {
            channel: { enum: ['onsite', 'national_platform', 'media', 'petition', 'hotline'] },
            externalId: { type: 'string' },
            receivedAt: { type: 'string', format: 'date-time' },
            complainant: { type: 'object', properties: { name: { type: 'string' }, phone: { type: 'string' } } },
            text: { type: 'string' },
          },
          ['channel', 'externalId', 'receivedAt', 'text'],
        ),
      }),
    },
    '/api/leads': {
      get: staffOp('cases the caller may see, newest first', {
        parameters: ['status', 'category', 'q', 'overdue', 'page', 'pageSize'].map((name) => ({
          name,
          in: 'query',
          schema: { type: 'string' },
        })),
      }),
    },
    '/api/leads/{id}': { get: staffOp('one case', { parameters: [id] }) },
    '/api/leads/{id}/assign': {
      post: staffOp('assign to an inspector', {
        parameters: [id],
        ...body({ assigneeId: { type: 'string' }, note: { type: 'string' } }, ['assigneeId']),
      }),
    },
    '/api/leads/{id}/status': {
      post: staffOp('move along the status machine', {
        parameters: [id],
        ...body(
          {
            to: { type: 'string' },
            note: { type: 'string' },
            outcomeCode: { type: 'string' },
            transferTarget: { type: 'string' },
            rejectReason: { type: 'string' },
          },
          ['to'],
        ),
      }),
    },
    '/api/leads/{id}/recoveries': {
      post: staffOp('record money recovered', {
        parameters: [id],
        ...body(
          {
            amountYuan: { type: 'number' },
            workersPaid: { type: 'integer' },
            date: { type: 'string', format: 'date' },
            note: { type: 'string' },
          },
          ['amountYuan', 'workersPaid', 'date'],
        ),
      }),
    },
    '/api/leads/{id}/replies': {
      post: staffOp('write to one or all complainants', {
        parameters: [id],
        ...body({ text: { type: 'string' }, complainantIds: { type: 'array', items: { type: 'string' } } }, ['text']),
      }),
    },
    '/api/leads/{id}/messages': { get: staffOp('replies and notices with their delivery state', { parameters: [id] }) },
    '/api/leads/{id}/reveal-phone': {
      post: staffOp('the complainants’ full phone numbers (the viewing is recorded)', { parameters: [id] }),
    },
    '/api/leads/{id}/merge': {
      post: staffOp('merge a duplicate case into this one', {
        parameters: [id],
        ...body({ sourceLeadId: { type: 'string' } }, ['sourceLeadId']),
      }),
    },
    '/api/leads/{id}/split': {
      post: staffOp('split a complaint off into a case of its own', {
        parameters: [id],
        ...body({ complaintId: { type: 'string' } }, ['complaintId']),
      }),
    },
    '/api/callbacks': { get: staffOp('open call-back tasks') },
    '/api/callbacks/{id}/done': { post: staffOp('mark a call-back task done', { parameters: [id] }) },
    '/api/stats': {
      get: staffOp('statistics for a period', {
        parameters: ['from', 'to'].map((name) => ({ name, in: 'query', required: true, schema: { type: 'string', format: 'date' } })),
      }),
    },
    '/api/wechat/login': { get: staffOp('the WeChat account’s login state and QR code (admins only)') },
    '/wechat/oa': platformCallback('Official Account (公众号)'),
    '/wechat/wecom': platformCallback('WeCom app (企业微信)'),
    '/api/stats/report': {
      get: staffOp('the annual-report paragraph', {
        parameters: [{ name: 'year', in: 'query', required: true, schema: { type: 'integer' } }],
      }),
    },
  },
} as const;
