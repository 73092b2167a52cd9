import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig, loadDotEnv } from '../config';
import { connectDb } from '../db/connection';
import { createRepositories, ensureIndexes } from '../db/repositories';
import { isAppError } from '../domain/app-error';
import { STAFF_ROLES } from '../domain/staff';
import { ensureLocalServices, localServicesOptions } from '../../tools/local-services/local-services';
import { createStaffUser } from '../services/staff-accounts';

const USAGE = 'usage: npm run --silent staff -- create --username U --password P --role admin|supervisor|inspector|operator [--area A]';

const createArgs = z.object({
  username: z.string().regex(/^[A-Za-z0-9_.-]{3,40}$/, 'username: 3 to 40 letters, digits, _ . or -'),
  password: z.string().min(10, 'password: at least 10 characters').max(200),
  role: z.enum(STAFF_ROLES, { message: `role: one of ${STAFF_ROLES.join(', ')}` }),
  area: z.string().trim().min(1).max(40).optional(),
});

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { username: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, area: { type: 'string' } },
  });
  if (positionals[0] !== 'create') {
    console.error(USAGE);
    return 64;
  }
  const parsed = createArgs.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues[0]?.message ?? USAGE);
    console.error(USAGE);
    return 64;
  }
  loadDotEnv();
  const config = loadConfig();
  const services = await ensureLocalServices(localServicesOptions(config));
  const db = await connectDb(config.MONGODB_URI, config.MONGODB_SERVER_SELECTION_TIMEOUT_MS);
  try {
    await ensureIndexes(db);
    const repos = createRepositories(db);
    const { user, token } = await createStaffUser(
      { staff: repos.staff, tokenTtlHours: config.STAFF_TOKEN_TTL_HOURS },
      { ...parsed.data, area: parsed.data.area ?? null },
    );
    // Accounts made on the server's command line are recorded too, under the operating-system user.
    await repos.audit.record({
      at: new Date(),
      actor: `cli:${userInfo().username}`,
      action: 'staff_created',
      subject: `staff:${user.username}`,
      detail: { userId: user.id, role: user.role, area: user.area },
    });
    console.log(JSON.stringify({ id: user.id, username: user.username, role: user.role, area: user.area, token }));
    return 0;
  } finally {
    await db.close();
    await services.stop();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError || isAppError(err)) console.error(err.message);
    else console.error(`staff: ${(err as Error).message}`);
    process.exit(1);
  },
);
