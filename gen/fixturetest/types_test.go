package fixturetest

import (
	"errors"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/wire"
)

// TestErrorDetailIsTheRuntimeError: the document's error schema (code and
// title) is the runtime's Error, which an *APIError holds too: a field of
// that schema decodes into it, keeping other properties and empty values
// as they came.
func TestErrorDetailIsTheRuntimeError(t *testing.T) {
	body := `{"id":"i1","status":"active","problems":[{"code":"low_stock","title":"Few left","count":2},{"code":""},{}]}`
	item := getItem(t, body)
	require.Len(t, item.Problems, 3)
	assert.Equal(t, "low_stock", item.Problems[0].GetCode())
	assert.Equal(t, "Few left", item.Problems[0].GetTitle())
	assert.JSONEq(t, `2`, string(item.Problems[0].Extra["count"]))
	assert.Empty(t, item.Problems[1].Code)
	assert.JSONEq(t, body, reencoded(t, item), "nothing lost, no member added")

	srv := newServer(t, replyJSON(409, `{"errors":[{"code":"conflict","title":"Taken"}]}`))
	_, err := srv.client(t).Items.Get(t.Context(), "s1", "i1", nil)
	var apiErr *wire.APIError
	require.True(t, errors.As(err, &apiErr), "got %v", err)
	assert.Equal(t, reflect.TypeOf(item.Problems), reflect.TypeOf(apiErr.Errors), "one error detail type")
	assert.Equal(t, "conflict", apiErr.Errors[0].GetCode())
}

// TestParameterTypesArePlain: the types of query and header parameters
// (the page and filter of a list, a point) and of form bodies never travel as JSON, so they have
// no Extra and no JSON methods; every type that does travel as JSON has
// both.
func TestParameterTypesArePlain(t *testing.T) {
	plain := map[reflect.Type]bool{
		reflect.TypeFor[wire.ListItemsFilter]():  true,
		reflect.TypeFor[wire.ListItemsPage]():    true,
		reflect.TypeFor[wire.TokenRequest]():     true,
		reflect.TypeFor[wire.Point]():            true,
		reflect.TypeFor[wire.QueryStylesRange](): true,
	}
	for _, typ := range dataStructs() {
		if isUnknown(typ) {
			continue
		}
		t.Run(typ.Name(), func(t *testing.T) {
			_, extra := typ.FieldByName("Extra")
			_, unmarshal := reflect.PointerTo(typ).MethodByName("UnmarshalJSON")
			_, marshal := typ.MethodByName("MarshalJSON")
			for _, has := range []bool{extra, unmarshal, marshal} {
				assert.Equal(t, !plain[typ], has, "Extra %v, UnmarshalJSON %v, MarshalJSON %v", extra, unmarshal, marshal)
			}
		})
	}
}
