package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPropertyOrder(t *testing.T) {
	res, err := LoadData("spec.yaml", fixture(`
paths:
  /notes:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties: {zeta: {type: string}, alpha: {type: string}}
      responses: {'204': {description: ok}}
x-shared-properties: &base {id: {type: string}, name: {type: string}}
x-webhooks:
  Note Event:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {when: {type: string}, app: {type: string}}}
      responses: {'200': {description: ok}}
components:
  schemas:
    message:
      type: object
      properties:
        id: {type: string}
        received: {type: string}
        author:
          type: object
          properties: {type: {type: string}, avatarUrl: {type: string}}
        content: {type: string}
    merged:
      type: object
      properties:
        <<: *base
        extra: {type: string}
        name: {type: integer}
    listed:
      type: array
      items: {allOf: [{type: object, properties: {b: {type: string}, a: {type: string}}}]}
`), Options{})
	require.NoError(t, err)
	assert.Equal(t, map[string][]string{
		"/paths/~1notes/post/requestBody/content/application~1json/schema/properties":         {"zeta", "alpha"},
		"/x-webhooks/Note Event/post/requestBody/content/application~1json/schema/properties": {"when", "app"},
		"/components/schemas/message/properties":                                              {"id", "received", "author", "content"},
		"/components/schemas/message/properties/author/properties":                            {"type", "avatarUrl"},
		"/components/schemas/merged/properties":                                               {"extra", "name", "id"},
		"/components/schemas/listed/items/allOf/0/properties":                                 {"b", "a"},
	}, res.PropertyOrder)
}
