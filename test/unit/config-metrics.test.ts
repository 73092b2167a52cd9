import { ConfigError, loadConfig } from '../../src/config';

const TOKEN = 'f3c1e0a9b7d5c3e1f3c1e0a9b7d5c3e1';

/** METRICS_*: off unless a port is set; loopback unless a token is set; never on the API's port. */
describe('configuration of the metrics endpoint', () => {
  const failure = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (err) {
      if (err instanceof ConfigError) return { variable: err.variable, message: err.message };
      throw err;
    }
    throw new Error('the configuration was accepted');
  };

  it('when no port is set, then there is no endpoint', () => {
    expect(loadConfig({}).metrics).toBeNull();
    expect(loadConfig({ METRICS_HOST: '127.0.0.1' }).metrics).toBeNull();
  });

  it('when only a port is set, then it listens on the loopback address without a token', () => {
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ host: '127.0.0.1', port: 9464, token: null });
    expect(loadConfig({ METRICS_PORT: '0' }).metrics).toEqual({ host: '127.0.0.1', port: 0, token: null });
  });

  it.each(['127.0.0.1', '127.0.0.53', '::1', 'localhost'])('when the host is the loopback address %s, then no token is needed', (host) => {
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: host }).metrics).toEqual({ host, port: 9464, token: null });
  });

  it.each(['0.0.0.0', '::', '10.0.0.5', 'metrics.internal'])('when the host %s is not loopback, then a token is required', (host) => {
    expect(failure({ METRICS_PORT: '9464', METRICS_HOST: host })).toEqual({
      variable: 'METRICS_TOKEN',
      message: expect.stringMatching(/^Invalid configuration: METRICS_TOKEN: required when METRICS_HOST/),
    });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: host, METRICS_TOKEN: TOKEN }).metrics).toEqual({
      host,
      port: 9464,
      token: TOKEN,
    });
  });

  it.each([
    ['METRICS_PORT', { METRICS_PORT: 'ninety' }],
    ['METRICS_PORT', { METRICS_PORT: '70000' }],
    ['METRICS_PORT', { METRICS_TOKEN: TOKEN }],
    ['METRICS_PORT', { METRICS_PORT: '3000' }],
    ['METRICS_PORT', { PORT: '8080', METRICS_PORT: '8080' }],
    ['METRICS_TOKEN', { METRICS_PORT: '9464', METRICS_TOKEN: 'short' }],
    ['METRICS_TOKEN', { METRICS_PORT: '9464', METRICS_TOKEN: `${TOKEN} with spaces` }],
  ])('when %s is wrong or missing, then the error names it', (variable, env) => {
    expect(failure(env)).toEqual({ variable, message: expect.stringMatching(new RegExp(`^Invalid configuration: ${variable}: .+`)) });
  });
});
