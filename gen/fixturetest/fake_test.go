package fixturetest

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/gen/fixturetest/wire"
	"github.com/sunco-sdk/sunco-go/gen/fixturetest/wire/wiretest"
	"github.com/sunco-sdk/sunco-go/gen/internal/calls"
)

// fakeCalls call every operation of the fixture SDK with the constructs
// the pinned SunCo document has not: header parameters, required and
// optional; lists, booleans, numbers and enums in the query; required keys
// of a deepObject; every style of a list, an object and a path parameter,
// their separators in the values too; cookies; raw bodies, required and
// optional; an optional JSON body; a form body with lists and a nullable
// field, and one that is a map; path parameters named like Go keywords; a
// union as the body and as the result, and a list of unions as the body;
// a list and a map as the result; a redirect.
var fakeCalls = []struct {
	method string
	args   func() []any
}{
	{"Items.UploadAttachment", func() []any {
		return []any{"store 1", wire.UploadAttachmentAccessPrivate, wire.UploadFile{Reader: strings.NewReader("GIF89a"), Name: "a.gif", ContentType: "image/gif"}, nil}
	}},
	{"Items.List", func() []any {
		return []any{"store/1", "tenant-1", wire.ListItemsFilter{Status: wire.ItemStatusArchived, Tags: []string{"a", "b c"}, OwnerEmail: wire.Ptr("o@example.com")}, &wire.ListItemsParams{
			XTraceID: wire.Ptr("trace-1"),
			Page:     &wire.ListItemsPage{After: wire.Ptr("c1"), Size: wire.Ptr(2)},
			IDs:      []int{1, 2, 3},
			Sort:     wire.Ptr(wire.ListItemsSortName2),
			InStock:  wire.Ptr(false),
			MinPrice: wire.Ptr(1.5),
		}}
	}},
	{"Items.Get", func() []any { return []any{"store 1", "item?1", &wire.GetItemParams{XTraceID: wire.Ptr("trace-2")}} }},
	{"Items.Update", func() []any {
		return []any{"store 1", "item 1", wire.ItemUpdate{Name: wire.Ptr("pen"), Note: wire.Null[string](), Price: wire.NewNullable(2.5), Labels: wire.NewNullable([]string{"x"})}, nil}
	}},
	{"Items.Delete", func() []any { return []any{"store 1", "item 1", nil} }},
	{"Items.PutDescription", func() []any {
		return []any{"store 1", "item 1", &wire.PutItemDescriptionParams{Body: strings.NewReader("# A pen")}}
	}},
	{"Items.PutImage", func() []any { return []any{"store 1", "item 1", strings.NewReader("\x89PNG"), nil} }},
	{"Items.PutNote", func() []any {
		return []any{"store 1", "item 1", &wire.PutItemNoteParams{Body: &wire.PutItemNoteBody{Text: wire.Ptr("fragile")}}}
	}},
	{"Items.GetPart", func() []any { return []any{"store 1", "screw", "M3", nil} }},
	{"Items.Count", func() []any { return []any{"store 1", nil} }},
	{"Items.ListTags", func() []any { return []any{"store/1", nil} }},
	{"Sessions.StartLogin", func() []any { return []any{&wire.StartLoginParams{ReturnTo: wire.Ptr("https://example.com/back")}} }},
	{"Sessions.CreateToken", func() []any {
		return []any{wire.TokenRequest{GrantType: wire.TokenRequestGrantTypeRefreshToken, Scope: []string{"read", "write"}, TTL: wire.Ptr(60), Remember: wire.NewNullable(true)}, nil}
	}},
	{"Sessions.GetTokenInfo", func() []any { return []any{nil} }},
	{"Sessions.RevokeToken", func() []any { return []any{nil} }},
	{"Sessions.ExchangeToken", func() []any { return []any{map[string]string{"token": "t 1", "audience": "a&b"}, nil} }},
	{"Shapes.Create", func() []any { return []any{&wire.Circle{Radius: 2, Label: wire.NewNullable("wheel")}, nil} }},
	{"Shapes.Replace", func() []any {
		return []any{[]wire.Shape{&wire.Square{Kind: "square", Side: wire.Ptr(1)}, &wire.Polygon{Kind: "quad", Sides: 4}}, nil}
	}},
	{"Styles.Query", func() []any {
		return []any{[]string{"red", "a,b"}, &wire.QueryStylesParams{
			Sizes:  []wire.ItemStatus{wire.ItemStatusActive, "a|b"},
			Words:  []string{"two words", "x"},
			Point:  &wire.Point{X: 1, Y: wire.Ptr(2)},
			Range:  &wire.QueryStylesRange{Min: wire.Ptr(1), At: []int{3, 4}},
			Corner: &wire.Point{X: -1},
			Box:    &wire.Point{X: 5, Y: wire.Ptr(6)},
			Limit:  wire.Ptr(10),
		}}
	}},
	{"Styles.Header", func() []any {
		return []any{[]string{"t1", "t2"}, "s 1;=", &wire.HeaderStylesParams{
			XPoint: &wire.Point{X: 1, Y: wire.Ptr(2)},
			XRange: &wire.Point{X: 3},
			XCount: wire.Ptr(4),
			Theme:  wire.Ptr(wire.HeaderStylesThemeDark),
			Visits: wire.Ptr(5),
		}}
	}},
	{"Styles.Path", func() []any { return []any{"a.b", "c;d=e", "7", nil} }},
}

// TestFakeHandlersReceiveTheArguments: through the fake of the fixture
// SDK, every handler receives the arguments the client was called with
// (see calls.Difference), and without handlers every call succeeds.
func TestFakeHandlersReceiveTheArguments(t *testing.T) {
	srv := wiretest.NewServer(t)
	c := srv.Client()
	methods := map[string]bool{}
	for _, fc := range fakeCalls {
		methods[fc.method] = true
		t.Run(fc.method, func(t *testing.T) {
			_, err := calls.Call(t.Context(), c, fc.method, fc.args())
			require.NoError(t, err, "no handler")

			params, err := calls.Params(c, fc.method)
			require.NoError(t, err)
			var got []any
			require.NoError(t, calls.SetHandler(srv, fc.method, func(args []reflect.Value) {
				for _, a := range args[1:] {
					got = append(got, a.Interface())
				}
			}))
			_, err = calls.Call(t.Context(), c, fc.method, fc.args())
			require.NoError(t, err)
			want := fc.args()
			require.Len(t, got, len(want))
			for i := range want {
				assert.Empty(t, calls.Difference(params[i], want[i], got[i]), "argument %d (%s)", i+1, params[i])
			}
		})
	}
	for _, r := range srv.Requests() {
		assert.Empty(t, r.Refusal, "%s", r.Operation)
	}
	ct := reflect.TypeFor[wire.Client]()
	for i := range ct.NumField() {
		svc := ct.Field(i)
		for j := range svc.Type.NumMethod() {
			if m := svc.Type.Method(j).Name; !strings.HasSuffix(m, "Iter") {
				assert.True(t, methods[svc.Name+"."+m], "%s.%s is not called", svc.Name, m)
			}
		}
	}
}
