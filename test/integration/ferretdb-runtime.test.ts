import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { FERRETDB_GO_ENV, startFerretDb, stopProcess } from '../../tools/local-services/local-services';
import { freePort } from '../support/free-port';
import { uniqueName } from '../support/test-app';

/** One variable of a running process's environment, from /proc/<pid>/environ. */
async function envOf(pid: number, name: string): Promise<string | undefined> {
  const vars = (await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0');
  return vars.find((v) => v.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function goEnvOfStartedFerretDb(): Promise<{ GOGC?: string; GOMEMLIMIT?: string }> {
  const dir = path.join(process.env.TEST_TMP_DIR ?? '/tmp', uniqueName('fdb-gogc'));
  const ferret = await startFerretDb({ host: '127.0.0.1', port: await freePort() }, dir);
  try {
    return { GOGC: await envOf(ferret.pid!, 'GOGC'), GOMEMLIMIT: await envOf(ferret.pid!, 'GOMEMLIMIT') };
  } finally {
    await stopProcess(ferret);
    await rm(dir, { recursive: true, force: true });
  }
}

describe('FerretDB runs with a garbage-collection target of its own', () => {
  const saved = { GOGC: process.env.GOGC, GOMEMLIMIT: process.env.GOMEMLIMIT };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('when the environment sets neither GOGC nor GOMEMLIMIT, then FerretDB is started with the launcher’s', async () => {
    delete process.env.GOGC;
    delete process.env.GOMEMLIMIT;
    expect(FERRETDB_GO_ENV).toEqual({ GOGC: '400', GOMEMLIMIT: '1GiB' });
    expect(await goEnvOfStartedFerretDb()).toEqual(FERRETDB_GO_ENV);
  });

  it('when the environment sets them, then those are kept', async () => {
    process.env.GOGC = '250';
    process.env.GOMEMLIMIT = '2GiB';
    expect(await goEnvOfStartedFerretDb()).toEqual({ GOGC: '250', GOMEMLIMIT: '2GiB' });
  });
});
