import express from 'express';

/** The HTTP ceiling: an express app that answers 202 and does nothing else. Prints its URL. */
const app = express();
app.disable('x-powered-by');
app.post('/api/hotline/transcripts', (_req, res) => {
  res.status(202).end();
});
const server = app.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  if (addr && typeof addr === 'object') console.log(`http://127.0.0.1:${addr.port}`);
});
server.keepAliveTimeout = 30_000;
process.once('SIGTERM', () => server.close(() => process.exit(0)));
