package build

import (
	"encoding/json"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIsErrorDetail: a schema is the runtime's error detail only when it
// is exactly an object of the plain strings code and title; anything
// more, less or different makes it a type of its own.
func TestIsErrorDetail(t *testing.T) {
	const plain = `"code": {"type": "string"}, "title": {"type": "string"}`
	tests := []struct {
		name, schema string
		want         bool
	}{
		{"code and title", `{"type": "object", "properties": {` + plain + `}}`, true},
		{"required too", `{"type": "object", "required": ["code"], "properties": {` + plain + `}}`, true},
		{"code alone", `{"type": "object", "properties": {"code": {"type": "string"}}}`, false},
		{"a third property", `{"type": "object", "properties": {` + plain + `, "detail": {"type": "string"}}}`, false},
		{"a code that is a number", `{"type": "object", "properties": {"code": {"type": "number"}, "title": {"type": "string"}}}`, false},
		{"a title that is an enum", `{"type": "object", "properties": {"code": {"type": "string"}, "title": {"type": "string", "enum": ["a"]}}}`, false},
		{"a code with a format", `{"type": "object", "properties": {"code": {"type": "string", "format": "uuid"}, "title": {"type": "string"}}}`, false},
		{"a nullable title", `{"type": "object", "properties": {"code": {"type": "string"}, "title": {"type": "string", "nullable": true}}}`, false},
		{"nullable", `{"type": "object", "nullable": true, "properties": {` + plain + `}}`, false},
		{"more properties allowed", `{"type": "object", "additionalProperties": {"type": "string"}, "properties": {` + plain + `}}`, false},
		{"allOf", `{"type": "object", "allOf": [{"type": "object"}], "properties": {` + plain + `}}`, false},
		{"oneOf", `{"type": "object", "oneOf": [{"type": "object"}], "properties": {` + plain + `}}`, false},
		{"anyOf", `{"type": "object", "anyOf": [{"type": "object"}], "properties": {` + plain + `}}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s openapi3.Schema
			require.NoError(t, json.Unmarshal([]byte(tt.schema), &s))
			assert.Equal(t, tt.want, isErrorDetail(&s))
		})
	}
}
