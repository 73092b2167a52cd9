import { ConfigError, DEFAULT_MONGODB_URI, loadConfig } from '../../src/config';
import { localServicesOptions } from '../../tools/local-services/local-services';

describe('configuration', () => {
  it('when nothing is set, then development defaults point at the fixed local addresses', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      ROLE: 'all',
      PORT: 3000,
      MONGODB_URI: DEFAULT_MONGODB_URI,
      REDIS_URL: 'redis://127.0.0.1:6379',
      AUTO_START_SERVICES: true,
    });
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['ROLE', { ROLE: 'janitor' }],
    ['MONGODB_URI', { MONGODB_URI: 'postgres://x/y' }],
    ['REDIS_URL', { REDIS_URL: '127.0.0.1:6379' }],
    ['HOTLINE_SECRET', { HOTLINE_SECRET: 'short' }],
    ['HOTLINE_SECRET', { NODE_ENV: 'production' }],
    ['DEPARTMENTS_JSON', { DEPARTMENTS_JSON: '{"construction": 3}' }],
    ['OUTCOME_CODES_JSON', { OUTCOME_CODES_JSON: 'not json' }],
    ['DEADLINE_DAYS_NORMAL', { DEADLINE_DAYS_NORMAL: '1,3' }],
    ['REDIS_SENTINELS', { REDIS_SENTINELS: '10.0.0.11' }],
    ['REDIS_SENTINELS', { REDIS_SENTINELS: '10.0.0.11:26379;10.0.0.12:26379' }],
    ['REDIS_SENTINEL_NAME', { REDIS_SENTINELS: '10.0.0.11:26379', REDIS_SENTINEL_NAME: 'my master' }],
    ['REDIS_CLUSTER_NODES', { REDIS_CLUSTER_NODES: '10.0.0.21' }],
    ['REDIS_CLUSTER_NODES', { REDIS_CLUSTER_NODES: '10.0.0.21:6379', REDIS_SENTINELS: '10.0.0.11:26379' }],
    ['REDIS_HASH_TAGS', { REDIS_CLUSTER_NODES: '10.0.0.21:6379', REDIS_HASH_TAGS: 'false' }],
    ['REDIS_HASH_TAGS', { REDIS_HASH_TAGS: 'yes' }],
    ['REDIS_URL', { REDIS_CLUSTER_NODES: '10.0.0.21:6379', REDIS_URL: 'redis://any:6379/2' }],
  ])('when %s is wrong or missing, then the error names it', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as ConfigError).variable).toBe(variable);
      expect((err as ConfigError).message).toMatch(new RegExp(`^Invalid configuration: ${variable}: .+`));
    }
  });

  it('when the Official Account or WeCom variables are incomplete, then the missing one is named', () => {
    expect(() => loadConfig({ WECOM_TOKEN: 'abc123', WECOM_CORP_ID: 'ww0123456789' })).toThrow(/WECOM_TOKEN/);
    expect(() => loadConfig({ WECHAT_OA_TOKEN: 'abc123', WECHAT_OA_AES_KEY: 'a'.repeat(43) })).toThrow(/WECHAT_OA_APPID/);
    expect(() => loadConfig({ WECHAT_OA_TOKEN: 'abc123', WECHAT_OA_AES_KEY: 'short' })).toThrow(/WECHAT_OA_AES_KEY/);
    expect(loadConfig({}).officialAccount).toBeNull();
    expect(loadConfig({ WECHAT_OA_TOKEN: 'abc123' }).officialAccount).toMatchObject({ token: 'abc123', aesKey: null, secret: null });
  });

  it('when production is configured, then no local server is ever started', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      HOTLINE_SECRET: 'x'.repeat(40),
      MONGODB_URI: 'mongodb://db.internal:27017/wa',
      REDIS_URL: 'redis://cache.internal:6379',
    });
    expect(c.AUTO_START_SERVICES).toBe(false);
  });

  it('when Sentinels are named, then every connection asks them for the master, and none is started here', () => {
    const c = loadConfig({ REDIS_SENTINELS: '10.0.0.11:26379, 10.0.0.12:26380', REDIS_URL: 'redis://:s3cret@any:6379/2' });
    expect(c.redis).toEqual({
      url: 'redis://:s3cret@any:6379/2',
      sentinels: [
        { host: '10.0.0.11', port: 26379 },
        { host: '10.0.0.12', port: 26380 },
      ],
      sentinelName: 'mymaster',
    });
    expect(localServicesOptions(c).redisBehindSentinels).toBe(true);
    expect(loadConfig({}).redis).toEqual({ url: 'redis://127.0.0.1:6379' });
  });

  it('when cluster nodes are named, then every connection goes to the cluster, keys carry hash tags, and none is started here', () => {
    const c = loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.21:6379, 10.0.0.22:6380', REDIS_URL: 'rediss://app:s3cret@any:6379/0' });
    expect(c.redis).toEqual({
      url: 'rediss://app:s3cret@any:6379/0',
      cluster: [
        { host: '10.0.0.21', port: 6379 },
        { host: '10.0.0.22', port: 6380 },
      ],
    });
    expect(c.redisHashTags).toBe(true);
    expect(c.redisIsDefault).toBe(false);
    expect(localServicesOptions(c).redisCluster).toBe(true);
    expect(loadConfig({}).redisHashTags).toBe(false);
    expect(loadConfig({ REDIS_HASH_TAGS: 'true' }).redisHashTags).toBe(true);
  });
});
