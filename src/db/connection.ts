import mongoose, { type Connection } from 'mongoose';

export type Db = Connection;

/**
 * One connection per process. Commands are not buffered: when the server is down an operation
 * fails after the server-selection timeout instead of hanging, so intake can answer 503.
 */
export async function connectDb(uri: string, serverSelectionTimeoutMS: number): Promise<Db> {
  const conn = mongoose.createConnection(uri, {
    bufferCommands: false,
    autoIndex: false,
    serverSelectionTimeoutMS,
    maxPoolSize: 20,
    // A few connections open from the start: the first burst does not wait for handshakes.
    minPoolSize: 4,
  });
  await conn.asPromise();
  return conn;
}

export async function pingDb(db: Db, timeoutMs = 1000): Promise<boolean> {
  if (db.readyState !== mongoose.ConnectionStates.connected || !db.db) return false;
  const ping = db.db
    .admin()
    .command({ ping: 1 })
    .then(
      () => true,
      () => false,
    );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return Promise.race([ping, timeout]);
}
