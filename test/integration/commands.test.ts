import { createStaffUser } from '../../src/services/staff-accounts';
import { startTestApp } from '../support/test-app';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { connectDb } from '../../src/db/connection';
import { createRepositories } from '../../src/db/repositories';
import { authenticateToken } from '../../src/services/staff-accounts';
import { uniqueName } from '../support/test-app';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function command(script: string, args: string[], env: Record<string, string>): Promise<RunResult> {
  try {
    const { stdout, stderr } = await run(tsx, [path.join(root, script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('project commands', () => {
  const mongoUri = `${process.env.TEST_MONGODB_URL}/${uniqueName('wa_cli')}`;
  const env = { MONGODB_URI: mongoUri, REDIS_URL: process.env.TEST_REDIS_URL ?? '', AUTO_START_SERVICES: 'false', LOG_LEVEL: 'silent' };

  afterAll(async () => {
    const db = await connectDb(mongoUri, 2000);
    await db.dropDatabase();
    await db.close();
  });

  it('when staff create is run, then it prints one JSON line whose token authenticates that user', async () => {
    const r = await command(
      'src/cli/staff.ts',
      ['create', '--username', 'li.supervisor', '--password', 'correct-horse-battery', '--role', 'supervisor', '--area', '漳江街道'],
      env,
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!) as { username: string; role: string; area: string; token: string };
    expect(out).toMatchObject({ username: 'li.supervisor', role: 'supervisor', area: '漳江街道' });

    const db = await connectDb(mongoUri, 2000);
    try {
      const staff = createRepositories(db).staff;
      expect(await authenticateToken({ staff }, out.token)).toMatchObject({ username: 'li.supervisor', role: 'supervisor' });
      const stored = await db.collection('api_tokens').findOne({});
      expect(JSON.stringify(stored)).not.toContain(out.token); // only the hash is kept
      expect((await db.collection('staff').findOne({}))?.passwordHash).toMatch(/^\$argon2/);
    } finally {
      await db.close();
    }
  });

  it('when the username exists or the role is wrong, then it fails with a clear line', async () => {
    const dup = await command(
      'src/cli/staff.ts',
      ['create', '--username', 'li.supervisor', '--password', 'another-long-pass', '--role', 'admin'],
      env,
    );
    expect(dup.code).not.toBe(0);
    expect(dup.stderr).toContain('already exists');
    const bad = await command(
      'src/cli/staff.ts',
      ['create', '--username', 'wang', '--password', 'another-long-pass', '--role', 'boss'],
      env,
    );
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('role');
  });

  it('when the service starts with a wrong value, then it exits with one line naming the variable', async () => {
    const r = await command('src/main.ts', [], { ...env, PORT: 'eighty' });
    expect(r.code).toBe(78);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: PORT: /)]);
  });
});

describe('staff sign-in', () => {
  it('when the password is right, then a token works until logout; wrong passwords and unknown users get the same 401', async () => {
    const app = await startTestApp({ worker: false });
    try {
      await createStaffUser(
        { staff: app.ctx.repos.staff },
        { username: 'tan.op', password: 'a-long-test-password', role: 'operator', area: null },
      );
      const login = (username: string, password: string) =>
        fetch(`${app.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        });
      const wrong = await login('tan.op', 'not-the-password');
      const nobody = await login('no.such.user', 'not-the-password');
      expect([wrong.status, nobody.status]).toEqual([401, 401]);
      expect(await wrong.json()).toEqual(await nobody.json());
      expect((await login('tan.op', { $ne: 1 } as unknown as string)).status).toBe(400);

      const ok = await login('tan.op', 'a-long-test-password');
      expect(ok.status).toBe(200);
      const { token } = (await ok.json()) as { token: string };
      const auth = { authorization: `Bearer ${token}` };
      expect((await fetch(`${app.url}/api/leads`, { headers: auth })).status).toBe(200);
      expect((await fetch(`${app.url}/api/auth/logout`, { method: 'POST', headers: auth })).status).toBe(204);
      expect((await fetch(`${app.url}/api/leads`, { headers: auth })).status).toBe(401);
    } finally {
      await app.stop();
    }
  });
});
