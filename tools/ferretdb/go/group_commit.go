package sqlite

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/FerretDB/FerretDB/internal/util/fsql"
)

// Group commit of write transactions (added by the wage-arrears gateway's installer).

// maxGroup bounds the writers committed together.
const maxGroup = 64

var errGroupFailed = errors.New("a write of the group failed")

type groupWriter struct {
	ctx  context.Context
	fn   func(*fsql.Tx) error
	done chan error
}

type committer struct {
	mu      sync.Mutex
	queue   []*groupWriter
	running bool
}

// committers holds one committer per database.
var committers sync.Map

// groupTransaction runs fn in a write transaction of db, alone or with the writers that queued
// while the previous transaction was being written, and returns once it is committed or has failed.
func groupTransaction(ctx context.Context, db *fsql.DB, fn func(*fsql.Tx) error) error {
	v, _ := committers.LoadOrStore(db, new(committer))
	c := v.(*committer)
	w := &groupWriter{ctx: ctx, fn: fn, done: make(chan error, 1)}

	c.mu.Lock()
	c.queue = append(c.queue, w)
	if !c.running {
		c.running = true
		go c.loop(db)
	}
	c.mu.Unlock()

	return <-w.done
}

func (c *committer) loop(db *fsql.DB) {
	for {
		c.mu.Lock()
		n := min(len(c.queue), maxGroup)
		if n == 0 {
			c.running = false
			c.queue = nil
			c.mu.Unlock()
			return
		}
		group := make([]*groupWriter, n)
		copy(group, c.queue)
		c.queue = c.queue[n:]
		c.mu.Unlock()

		runGroup(db, group)
	}
}

// inTransaction is db.InTransaction on the committer's goroutine: a panic in a writer becomes that
// transaction's error (rolled back) instead of ending the process.
func inTransaction(ctx context.Context, db *fsql.DB, fn func(*fsql.Tx) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("write transaction panicked: %v", p)
		}
	}()
	return db.InTransaction(ctx, fn)
}

func runGroup(db *fsql.DB, group []*groupWriter) {
	if len(group) == 1 {
		w := group[0]
		w.done <- inTransaction(w.ctx, db, w.fn)
		return
	}

	err := inTransaction(context.Background(), db, func(tx *fsql.Tx) error {
		for _, w := range group {
			// No statement runs after a failed one: the transaction may be gone with it.
			if w.ctx.Err() != nil {
				return errGroupFailed
			}
			if err := w.fn(tx); err != nil {
				return errGroupFailed
			}
		}
		return nil
	})
	if err == nil {
		for _, w := range group {
			w.done <- nil
		}
		return
	}

	// Nothing of the group was written: each writer runs again alone and gets its own outcome.
	for _, w := range group {
		w.done <- inTransaction(w.ctx, db, w.fn)
	}
}
