import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import IORedis, { type Redis } from 'ioredis';
import { answers, stopProcess } from '../../tools/local-services/local-services';
import { freePort } from './free-port';

const SLOTS = 16_384;
/** Redis Cluster's nodes talk to each other on their port + 10000. */
const BUS_OFFSET = 10_000;

export interface LocalRedisCluster {
  nodes: { host: string; port: number }[];
  /** The nodes as REDIS_CLUSTER_NODES takes them. */
  nodesEnv: string;
  /** A plain connection to each master, to look at what it holds. */
  masters: Redis[];
  stop(): Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A free port whose cluster bus port is free too. */
async function clusterPort(taken: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = await freePort();
    if (port + BUS_OFFSET > 65_535 || taken.has(port) || taken.has(port + BUS_OFFSET)) continue;
    if (await portIsFree(port + BUS_OFFSET)) {
      taken.add(port).add(port + BUS_OFFSET);
      return port;
    }
  }
  throw new Error('no free port pair for a Redis Cluster node');
}

async function until(probe: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 25; ; wait = Math.min(wait * 2, 250)) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(wait);
  }
}

/**
 * A Redis Cluster of `masters` redis-server processes in cluster mode (no replicas, nothing saved), on
 * free loopback ports in a temporary directory: the slots split evenly, the nodes introduced to each
 * other (CLUSTER ADDSLOTS, SET-CONFIG-EPOCH and MEET, as `redis-cli --cluster create` does), and ready
 * when every node reports `cluster_state:ok`. redis-server is found on the PATH, as tools/local-services
 * finds it.
 */
export async function startRedisCluster(masters = 3): Promise<LocalRedisCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), 'wa-cluster-'));
  const procs: ChildProcess[] = [];
  const conns: Redis[] = [];
  const stop = async () => {
    await Promise.all(conns.map((c) => c.quit().catch(() => c.disconnect())));
    await Promise.all(procs.map((p) => stopProcess(p, 3000)));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const taken = new Set<number>();
    const nodes: { host: string; port: number }[] = [];
    for (let i = 0; i < masters; i++) nodes.push({ host: '127.0.0.1', port: await clusterPort(taken) });
    for (const { host, port } of nodes) {
      const nodeDir = path.join(dir, String(port));
      await mkdir(nodeDir);
      const child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          host,
          '--dir',
          nodeDir,
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          'nodes.conf',
          '--cluster-node-timeout',
          '5000',
          '--save',
          '',
          '--appendonly',
          'no',
          '--logfile',
          path.join(nodeDir, 'redis.log'),
        ],
        { stdio: 'ignore' },
      );
      procs.push(child);
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      });
    }
    await Promise.all(nodes.map((n) => until(() => answers(n, 250), 10_000, `redis-server at ${n.port}`)));
    for (const n of nodes) {
      const c = new IORedis({ ...n, maxRetriesPerRequest: 1, lazyConnect: true });
      c.on('error', () => undefined);
      await c.connect();
      conns.push(c);
    }
    const per = Math.ceil(SLOTS / masters);
    for (const [i, c] of conns.entries()) {
      const slots = Array.from({ length: Math.min(per, SLOTS - i * per) }, (_, k) => i * per + k);
      await c.call('CLUSTER', 'ADDSLOTS', ...slots);
      await c.call('CLUSTER', 'SET-CONFIG-EPOCH', i + 1);
    }
    for (const n of nodes.slice(1)) await conns[0]!.call('CLUSTER', 'MEET', n.host, n.port);
    await until(
      async () => {
        const infos = await Promise.all(conns.map((c) => c.call('CLUSTER', 'INFO') as Promise<string>));
        return infos.every((s) => s.includes('cluster_state:ok') && s.includes(`cluster_known_nodes:${masters}`));
      },
      20_000,
      'cluster_state:ok on every node',
    );
    return { nodes, nodesEnv: nodes.map((n) => `${n.host}:${n.port}`).join(','), masters: conns, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
