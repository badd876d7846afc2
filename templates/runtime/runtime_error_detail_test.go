package sunco

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestErrorDetailCodec: an Error decodes and encodes as a generated
// struct does: lenient, keeping what it does not declare, and writing
// back the members it was decoded from.
func TestErrorDetailCodec(t *testing.T) {
	tests := []struct {
		name, in string
		want     Error
	}{
		{"code and title", `{"code":"not_found","title":"Not found"}`, Error{Code: "not_found", Title: "Not found"}},
		{"code alone", `{"code":"bad_request"}`, Error{Code: "bad_request"}},
		{"nothing", `{}`, Error{}},
		{"more", `{"code":"x","detail":{"field":"name"}}`, Error{Code: "x", Extra: map[string]json.RawMessage{"detail": json.RawMessage(`{"field":"name"}`)}}},
		{"an empty title", `{"code":"x","title":""}`, Error{Code: "x", Extra: map[string]json.RawMessage{"title": json.RawMessage(`""`)}}},
		{"a number for a code", `{"code":404}`, Error{Extra: map[string]json.RawMessage{"code": json.RawMessage(`404`)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got Error
			require.NoError(t, json.Unmarshal([]byte(tt.in), &got))
			assert.Equal(t, tt.want, got)
			out, err := json.Marshal(got)
			require.NoError(t, err)
			assert.JSONEq(t, tt.in, string(out))
		})
	}
	for _, in := range []string{`"not_found"`, `[]`, `404`, `true`} {
		t.Run("refuses "+in, func(t *testing.T) {
			var got Error
			err := json.Unmarshal([]byte(in), &got)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "Error")
		})
	}
	out, err := json.Marshal(Error{Title: "built"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"title":"built"}`, string(out), "no empty member is added")

	var nilError *Error
	assert.Empty(t, nilError.GetCode())
	assert.Empty(t, nilError.GetTitle())
	assert.Equal(t, "x", (&Error{Code: "x"}).GetCode())
}
