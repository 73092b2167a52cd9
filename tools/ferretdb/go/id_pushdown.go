package sqlite

import (
	"fmt"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// maxPushdownIDs bounds the placeholders of one IN list (added by the wage-arrears gateway's installer).
const maxPushdownIDs = 500

// idWhereClause narrows a query to the rows of the filter's _id condition, through the _id index.
// The handler filters the returned documents again, so any other conditions still apply.
func idWhereClause(filter *types.Document) (string, []any) {
	n := 0
	for _, k := range filter.Keys() {
		if k == "_id" {
			n++
		}
	}
	if n != 1 {
		return "", nil
	}
	v := must.NotFail(filter.Get("_id"))
	switch v := v.(type) {
	case string, types.ObjectID:
		return fmt.Sprintf(` WHERE %s = ?`, metadata.IDColumn), []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
	case *types.Document:
		if v.Len() != 1 || v.Keys()[0] != "$in" {
			return "", nil
		}
		in, ok := must.NotFail(v.Get("$in")).(*types.Array)
		if !ok || in.Len() == 0 || in.Len() > maxPushdownIDs {
			return "", nil
		}
		args := make([]any, 0, in.Len())
		for i := 0; i < in.Len(); i++ {
			switch e := must.NotFail(in.Get(i)).(type) {
			case string, types.ObjectID:
				args = append(args, string(must.NotFail(sjson.MarshalSingleValue(e))))
			default:
				return "", nil
			}
		}
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ")
		return fmt.Sprintf(` WHERE %s IN (%s)`, metadata.IDColumn, marks), args
	}
	return "", nil
}
