import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { FERRETDB_GOGC, startFerretDb, stopProcess } from '../../src/infra/local-services';
import { freePort } from '../support/free-port';
import { uniqueName } from '../support/test-app';

/** One variable of a running process's environment, from /proc/<pid>/environ. */
async function envOf(pid: number, name: string): Promise<string | undefined> {
  const vars = (await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0');
  return vars.find((v) => v.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function gogcOfStartedFerretDb(): Promise<string | undefined> {
  const dir = path.join(process.env.TEST_TMP_DIR ?? '/tmp', uniqueName('fdb-gogc'));
  const ferret = await startFerretDb({ host: '127.0.0.1', port: await freePort() }, dir);
  try {
    return await envOf(ferret.pid!, 'GOGC');
  } finally {
    await stopProcess(ferret);
    await rm(dir, { recursive: true, force: true });
  }
}

describe('FerretDB runs with a garbage-collection target of its own', () => {
  const saved = process.env.GOGC;
  afterEach(() => {
    if (saved === undefined) delete process.env.GOGC;
    else process.env.GOGC = saved;
  });

  it('when the environment sets no GOGC, then FerretDB is started with the launcher’s', async () => {
    delete process.env.GOGC;
    expect(FERRETDB_GOGC).toBe('400');
    expect(await gogcOfStartedFerretDb()).toBe(FERRETDB_GOGC);
  });

  it('when the environment sets GOGC, then that one is kept', async () => {
    process.env.GOGC = '250';
    expect(await gogcOfStartedFerretDb()).toBe('250');
  });
});
