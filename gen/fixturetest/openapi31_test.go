package fixturetest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/openapi31"
)

// getPet31 decodes body as the response of getPet of the OpenAPI 3.1
// fixture SDK.
func getPet31(t *testing.T, body string) *openapi31.Pet {
	t.Helper()
	srv := newServer(t, replyJSON(200, body))
	c, err := openapi31.NewClient(openapi31.WithBaseURL(srv.URL), openapi31.WithMaxRetries(0))
	require.NoError(t, err)
	pet, err := c.Default.GetPet(t.Context(), "p1", nil)
	require.NoError(t, err)
	return pet
}

// TestOpenAPI31Values decodes the types of an OpenAPI 3.1 document, with
// values and with null where a type array or an alternative allows it,
// and encodes them again unchanged: type [T, "null"] is Nullable[T],
// a const an enum of one value, anyOf [X, {type: "null"}] Nullable[X], a
// union with a null alternative a Nullable union.
func TestOpenAPI31Values(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		check func(t *testing.T, p *openapi31.Pet)
	}{
		{
			"values",
			`{"kind":"dog","version":2,"name":"Rex","age":3,"weight":2.5,"tags":["good"],"born":"2020-01-02T03:04:05Z","size":"small",` +
				`"owner":{"name":"Ann"},"vet":{"name":"Bo"},"toy":{"type":"ball","color":"red"},"note":"n"}`,
			func(t *testing.T, p *openapi31.Pet) {
				assert.Equal(t, openapi31.PetKindDog, p.Kind)
				assert.Equal(t, 2, *p.Version)
				assert.Equal(t, openapi31.NewNullable("Rex"), p.Name)
				assert.Equal(t, openapi31.NewNullable(3), p.Age)
				assert.Equal(t, 2.5, *p.Weight)
				assert.Equal(t, openapi31.NewNullable([]string{"good"}), p.Tags)
				born, ok := p.Born.Get()
				require.True(t, ok)
				assert.True(t, born.Equal(time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)))
				assert.Equal(t, openapi31.NewNullable(openapi31.PetSizeSmall), p.Size)
				assert.Equal(t, "Ann", p.GetOwner().GetName())
				assert.Equal(t, "Bo", p.GetVet().GetName())
				toy, ok := p.Toy.Get()
				require.True(t, ok)
				ball, ok := toy.(*openapi31.Ball)
				require.True(t, ok, "%T", toy)
				assert.Equal(t, "red", *ball.Color)
			},
		},
		{
			"nulls",
			`{"kind":"dog","name":null,"age":null,"tags":null,"born":null,"size":null,"owner":null,"vet":null,"toy":null}`,
			func(t *testing.T, p *openapi31.Pet) {
				for name, null := range map[string]bool{
					"name": p.Name.IsNull(), "age": p.Age.IsNull(), "tags": p.Tags.IsNull(), "born": p.Born.IsNull(),
					"size": p.Size.IsNull(), "owner": p.Owner.IsNull(), "vet": p.Vet.IsNull(), "toy": p.Toy.IsNull(),
				} {
					assert.True(t, null, name)
				}
				assert.Empty(t, p.Extra, "null is a value of each, none is kept aside")
			},
		},
		{
			"absent",
			`{"kind":"dog"}`,
			func(t *testing.T, p *openapi31.Pet) {
				assert.False(t, p.Name.IsSet())
				assert.False(t, p.Toy.IsSet())
				assert.Nil(t, p.Version)
			},
		},
		{
			"a kind the document does not list, and a toy it does not know",
			`{"kind":"cat","toy":{"type":"bone"}}`,
			func(t *testing.T, p *openapi31.Pet) {
				assert.Equal(t, openapi31.PetKind("cat"), p.Kind)
				toy, _ := p.Toy.Get()
				unknown, ok := toy.(*openapi31.UnknownPetToy)
				require.True(t, ok, "%T", toy)
				assert.Equal(t, "bone", unknown.Type)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := getPet31(t, tt.body)
			tt.check(t, p)
			out, err := json.Marshal(p)
			require.NoError(t, err)
			assert.JSONEq(t, tt.body, string(out))
		})
	}
}

// TestOpenAPI31Encode encodes a Pet built in Go: null is written for a
// Nullable set to null, nothing for one left unset.
func TestOpenAPI31Encode(t *testing.T) {
	p := &openapi31.Pet{
		Kind:  openapi31.PetKindDog,
		Name:  openapi31.Null[string](),
		Owner: openapi31.NewNullable(openapi31.Owner{Name: openapi31.Ptr("Ann")}),
		Toy:   openapi31.NewNullable[openapi31.PetToy](&openapi31.Rope{Length: openapi31.Ptr(1.5)}),
	}
	out, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":"dog","name":null,"owner":{"name":"Ann"},"toy":{"type":"rope","length":1.5}}`, string(out))
}
