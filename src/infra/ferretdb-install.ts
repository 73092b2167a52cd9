import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from './project-root';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';
/** Go release that FerretDB v1.24.2 was built and tested with; fetched through the module proxy when the local Go is too new. */
const FALLBACK_TOOLCHAIN = 'go1.24.3';

/** The name changes with the patches below, so that a binary built without them is not used. */
export const DEFAULT_FERRETDB_BIN = path.join(PROJECT_ROOT, '.tools', 'bin', 'ferretdb-v1.24.2-p4');

/**
 * FerretDB v1.24.2's SQLite backend declares the `_id` index on `_ferretdb_sjson->"_id"` but looks
 * `_id` up as `_ferretdb_sjson->'$._id'`, an expression SQLite does not match to that index: every
 * find, update and delete by `_id` scans the whole table. `->'_id'` means the same and uses the index.
 */
const ID_COLUMN_FILE = path.join('internal', 'backends', 'sqlite', 'metadata', 'metadata.go');
const ID_COLUMN_FROM = `IDColumn = DefaultColumn + "->'$._id'"`;
const ID_COLUMN_TO = `IDColumn = DefaultColumn + "->'_id'"`;

/**
 * FerretDB v1.24.2's SQLite backend runs every insert and every updated document in a transaction of
 * its own, each with its own commit and fsync of the write-ahead log, and lets every connection begin
 * one and poll SQLite's lock with sleeps (busy_timeout: 1, 2, 5, 10 … 100 ms) until it gets it. With
 * a worker writing from many connections, an unlucky writer kept losing the race (intake inserts were
 * seen waiting 200 ms and more), and the commits' fsyncs were half of a write's cost (insertOne from
 * 32 callers: 1,450/s with synchronous=FULL, 2,500–3,100/s without the fsync).
 *
 * The patch gives each database one committer: writers hand it their transaction and wait for the
 * outcome. A writer that finds it idle is run at once, alone, exactly as before. Writers that arrive
 * while a transaction is being written are run together, one after the other, in the next transaction,
 * with one commit and one fsync for all of them (group commit). Nothing is acknowledged before its
 * commit, so durability is unchanged. If any of them fails, or the commit does, the group is rolled
 * back and every writer in it is run again alone, as without the patch, and gets its own outcome:
 * one writer's duplicate key never fails another's write. Writers' functions only write through the
 * transaction, so running one again is safe (UpdateAll's count is reset at its start for that).
 */
const GROUP_COMMIT_FILE = path.join('internal', 'backends', 'sqlite', 'collection.go');
const WRITE_TX_FROM = '\terr := db.InTransaction(ctx, func(tx *fsql.Tx) error {';
const WRITE_TX_TO = '\terr := groupTransaction(ctx, db, func(tx *fsql.Tx) error {';
const UPDATE_COUNT_FROM = '\t\tfor _, doc := range params.Docs {\n\t\t\tb, err := sjson.Marshal(doc)';
const UPDATE_COUNT_TO = '\t\tres.Updated = 0\n\n' + UPDATE_COUNT_FROM;
const GROUP_COMMIT_SOURCE = `package sqlite

import (
\t"context"
\t"errors"
\t"fmt"
\t"sync"

\t"github.com/FerretDB/FerretDB/internal/util/fsql"
)

// Group commit of write transactions (added by the wage-arrears gateway's installer).

// maxGroup bounds the writers committed together.
const maxGroup = 64

var errGroupFailed = errors.New("a write of the group failed")

type groupWriter struct {
\tctx  context.Context
\tfn   func(*fsql.Tx) error
\tdone chan error
}

type committer struct {
\tmu      sync.Mutex
\tqueue   []*groupWriter
\trunning bool
}

// committers holds one committer per database.
var committers sync.Map

// groupTransaction runs fn in a write transaction of db, alone or with the writers that queued
// while the previous transaction was being written, and returns once it is committed or has failed.
func groupTransaction(ctx context.Context, db *fsql.DB, fn func(*fsql.Tx) error) error {
\tv, _ := committers.LoadOrStore(db, new(committer))
\tc := v.(*committer)
\tw := &groupWriter{ctx: ctx, fn: fn, done: make(chan error, 1)}

\tc.mu.Lock()
\tc.queue = append(c.queue, w)
\tif !c.running {
\t\tc.running = true
\t\tgo c.loop(db)
\t}
\tc.mu.Unlock()

\treturn <-w.done
}

func (c *committer) loop(db *fsql.DB) {
\tfor {
\t\tc.mu.Lock()
\t\tn := min(len(c.queue), maxGroup)
\t\tif n == 0 {
\t\t\tc.running = false
\t\t\tc.queue = nil
\t\t\tc.mu.Unlock()
\t\t\treturn
\t\t}
\t\tgroup := make([]*groupWriter, n)
\t\tcopy(group, c.queue)
\t\tc.queue = c.queue[n:]
\t\tc.mu.Unlock()

\t\trunGroup(db, group)
\t}
}

// inTransaction is db.InTransaction on the committer's goroutine: a panic in a writer becomes that
// transaction's error (rolled back) instead of ending the process.
func inTransaction(ctx context.Context, db *fsql.DB, fn func(*fsql.Tx) error) (err error) {
\tdefer func() {
\t\tif p := recover(); p != nil {
\t\t\terr = fmt.Errorf("write transaction panicked: %v", p)
\t\t}
\t}()
\treturn db.InTransaction(ctx, fn)
}

func runGroup(db *fsql.DB, group []*groupWriter) {
\tif len(group) == 1 {
\t\tw := group[0]
\t\tw.done <- inTransaction(w.ctx, db, w.fn)
\t\treturn
\t}

\terr := inTransaction(context.Background(), db, func(tx *fsql.Tx) error {
\t\tfor _, w := range group {
\t\t\t// No statement runs after a failed one: the transaction may be gone with it.
\t\t\tif w.ctx.Err() != nil {
\t\t\t\treturn errGroupFailed
\t\t\t}
\t\t\tif err := w.fn(tx); err != nil {
\t\t\t\treturn errGroupFailed
\t\t\t}
\t\t}
\t\treturn nil
\t})
\tif err == nil {
\t\tfor _, w := range group {
\t\t\tw.done <- nil
\t\t}
\t\treturn
\t}

\t// Nothing of the group was written: each writer runs again alone and gets its own outcome.
\tfor _, w := range group {
\t\tw.done <- inTransaction(w.ctx, db, w.fn)
\t}
}
`;

/**
 * FerretDB v1.24.2's SQLite backend hands `_id` to SQLite only when the filter is `{_id: value}` and
 * nothing else: `{_id, state: 'queued'}` (a guarded state change) or `{_id: {$in: [...]}}` read and
 * decoded every document of the collection, so they slowed down as the store grew. The handler applies
 * the whole filter again to what the backend returns, so narrowing the rows by `_id` is always safe:
 * the patch does it whenever the filter has one `_id` condition that is a value or an `$in` of values.
 */
const ID_PUSHDOWN_FILE = GROUP_COMMIT_FILE;
const ID_PUSHDOWN_FROM = `\tif params.Filter.Len() == 1 {
\t\tv, _ := params.Filter.Get("_id")
\t\tswitch v.(type) {
\t\tcase string, types.ObjectID:
\t\t\twhereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
\t\t\targs = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
\t\t}
\t}
`;
const ID_PUSHDOWN_TO = '\twhereClause, args = idWhereClause(params.Filter)\n';
const ID_PUSHDOWN_SOURCE = `package sqlite

import (
\t"fmt"
\t"strings"

\t"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
\t"github.com/FerretDB/FerretDB/internal/handler/sjson"
\t"github.com/FerretDB/FerretDB/internal/types"
\t"github.com/FerretDB/FerretDB/internal/util/must"
)

// maxPushdownIDs bounds the placeholders of one IN list (added by the wage-arrears gateway's installer).
const maxPushdownIDs = 500

// idWhereClause narrows a query to the rows of the filter's _id condition, through the _id index.
// The handler filters the returned documents again, so any other conditions still apply.
func idWhereClause(filter *types.Document) (string, []any) {
\tn := 0
\tfor _, k := range filter.Keys() {
\t\tif k == "_id" {
\t\t\tn++
\t\t}
\t}
\tif n != 1 {
\t\treturn "", nil
\t}
\tv := must.NotFail(filter.Get("_id"))
\tswitch v := v.(type) {
\tcase string, types.ObjectID:
\t\treturn fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn), []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
\tcase *types.Document:
\t\tif v.Len() != 1 || v.Keys()[0] != "$in" {
\t\t\treturn "", nil
\t\t}
\t\tin, ok := must.NotFail(v.Get("$in")).(*types.Array)
\t\tif !ok || in.Len() == 0 || in.Len() > maxPushdownIDs {
\t\t\treturn "", nil
\t\t}
\t\targs := make([]any, 0, in.Len())
\t\tfor i := 0; i < in.Len(); i++ {
\t\t\tswitch e := must.NotFail(in.Get(i)).(type) {
\t\t\tcase string, types.ObjectID:
\t\t\t\targs = append(args, string(must.NotFail(sjson.MarshalSingleValue(e))))
\t\t\tdefault:
\t\t\t\treturn "", nil
\t\t\t}
\t\t}
\t\tmarks := strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ")
\t\treturn fmt.Sprintf(\` WHERE %s IN (%s)\`, metadata.IDColumn, marks), args
\t}
\treturn "", nil
}
`;

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/**
 * Builds FerretDB from the Go module proxy into `.tools/bin`.
 *
 * A plain `go install …@v1.24.2` compiles, but the binary panics at start: the module zip lacks
 * build/version/version.txt, which FerretDB's own build generates. So the module is downloaded
 * (`go mod download`, the same source `go install` uses), that one file is written, the `_id`
 * lookup is patched to use its index (see ID_COLUMN_FILE), concurrent writes are committed together (see GROUP_COMMIT_FILE),
 * any `_id` condition is handed to SQLite (see ID_PUSHDOWN_FILE), and the command is built from it.
 */
export async function installFerretDb(bin = DEFAULT_FERRETDB_BIN, say: (line: string) => void = console.error): Promise<string> {
  if (await exists(bin)) return bin;
  say(
    `FerretDB ${FERRETDB_VERSION} is not installed: compiling it from the Go module proxy into ${path.dirname(bin)} (first time only, takes a few minutes)…`,
  );
  const attempt = async (toolchain?: string): Promise<void> => {
    const env = { ...process.env, GOFLAGS: '-mod=mod', ...(toolchain ? { GOTOOLCHAIN: toolchain } : {}) };
    const { stdout } = await run('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
      env,
      cwd: tmpdir(),
      maxBuffer: 16 * 1024 * 1024,
    });
    const dir = (JSON.parse(stdout) as { Dir?: string }).Dir;
    if (!dir) throw new Error('go mod download did not report a module directory');
    const work = await mkdtemp(path.join(tmpdir(), 'ferretdb-src-'));
    try {
      await cp(dir, work, { recursive: true });
      await run('chmod', ['-R', 'u+w', work]);
      await writeFile(path.join(work, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
      const idColumn = await readFile(path.join(work, ID_COLUMN_FILE), 'utf8');
      if (!idColumn.includes(ID_COLUMN_FROM)) throw new Error(`${ID_COLUMN_FILE} has changed: the _id index patch does not apply`);
      await writeFile(path.join(work, ID_COLUMN_FILE), idColumn.replace(ID_COLUMN_FROM, ID_COLUMN_TO));
      const collection = await readFile(path.join(work, GROUP_COMMIT_FILE), 'utf8');
      if (collection.split(WRITE_TX_FROM).length !== 3)
        throw new Error(`${GROUP_COMMIT_FILE} has changed: the group-commit patch does not apply`);
      if (collection.split(UPDATE_COUNT_FROM).length !== 2)
        throw new Error(`${GROUP_COMMIT_FILE} has changed: the group-commit patch (UpdateAll) does not apply`);
      const grouped = collection.split(WRITE_TX_FROM).join(WRITE_TX_TO).replace(UPDATE_COUNT_FROM, UPDATE_COUNT_TO);
      await writeFile(path.join(work, GROUP_COMMIT_FILE), grouped);
      await writeFile(path.join(work, 'internal', 'backends', 'sqlite', 'group_commit.go'), GROUP_COMMIT_SOURCE);
      const query = await readFile(path.join(work, ID_PUSHDOWN_FILE), 'utf8');
      if (query.split(ID_PUSHDOWN_FROM).length !== 2)
        throw new Error(`${ID_PUSHDOWN_FILE} has changed: the _id pushdown patch does not apply`);
      await writeFile(path.join(work, ID_PUSHDOWN_FILE), query.replace(ID_PUSHDOWN_FROM, ID_PUSHDOWN_TO));
      await writeFile(path.join(work, 'internal', 'backends', 'sqlite', 'id_pushdown.go'), ID_PUSHDOWN_SOURCE);
      await mkdir(path.dirname(bin), { recursive: true });
      const tmpBin = `${bin}.tmp-${process.pid}`;
      await run('go', ['build', '-trimpath', '-o', tmpBin, './cmd/ferretdb'], { env, cwd: work, maxBuffer: 16 * 1024 * 1024 });
      await chmod(tmpBin, 0o755);
      await run('mv', ['-f', tmpBin, bin]);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  };
  try {
    await attempt();
  } catch (err) {
    say(
      `Building with the machine's Go failed (${(err as Error).message.split('\n')[0]}); retrying with GOTOOLCHAIN=${FALLBACK_TOOLCHAIN}…`,
    );
    await attempt(FALLBACK_TOOLCHAIN);
  }
  say(`FerretDB installed at ${bin}`);
  return bin;
}
