import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { connectDb } from '../../src/db/connection';
import { uniqueName } from '../support/test-app';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

describe('npm run simulate', () => {
  const mongoUri = `${process.env.TEST_MONGODB_URL}/${uniqueName('wa_sim')}`;
  afterAll(async () => {
    const db = await connectDb(mongoUri, 2000);
    await db.dropDatabase();
    await db.close();
  });

  it('when a script of worker messages is played, then it prints every bot message, up to the case number', async () => {
    const script = [
      { from: 'wxid_sim_peng', name: '彭师傅', text: '老板欠我工资不给' },
      { from: 'wxid_sim_peng', name: '彭师傅', text: '宏达砖厂' },
      { from: 'wxid_sim_peng', name: '彭师傅', text: '在观音寺镇' },
      { from: 'wxid_sim_peng', name: '彭师傅', text: '六千五' },
      { from: 'wxid_sim_peng', name: '彭师傅', text: '13900004455' },
      { from: 'wxid_sim_peng', name: '彭师傅', text: '确认' },
      { bad: 'line' },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n');
    const child = run(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'src/cli/simulate.ts')], {
      cwd: root,
      timeout: 90_000,
      env: {
        ...process.env,
        MONGODB_URI: mongoUri,
        REDIS_URL: process.env.TEST_REDIS_URL ?? '',
        QUEUE_PREFIX: uniqueName('wasim'),
        AUTO_START_SERVICES: 'false',
      },
    });
    child.child.stdin?.end(script);
    const { stdout } = await child;
    const out = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { to?: string; text?: string; error?: string });
    const texts = out.map((o) => o.text ?? o.error ?? '');
    expect(out.every((o) => o.error || o.to === 'wxid_sim_peng')).toBe(true);
    expect(texts[0]).toContain('哪个单位');
    expect(texts.some((t) => t.includes('请核对') && t.includes('6500元'))).toBe(true);
    expect(texts.some((t) => /案件编号 WA\d{8}-\d{4}/.test(t))).toBe(true);
    expect(out.at(-1)?.error).toContain('each line');
  }, 120_000);
});
