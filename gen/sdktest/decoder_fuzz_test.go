package sdktest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sunco-sdk/sunco-go/gen/bench"
	"github.com/sunco-sdk/sunco-go/gen/sunco"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// decodeTarget is a generated type the differential fuzz target decodes
// into.
type decodeTarget struct {
	name   string
	object bool // a struct, which takes only an object (or null)
	decode func([]byte) (any, error)
}

var decodeTargets = []decodeTarget{
	{name: "MessageListResponse", object: true, decode: func(data []byte) (any, error) {
		var v sunco.MessageListResponse
		err := v.UnmarshalJSON(data)
		return &v, err
	}},
	{name: "WebhookPayload", object: true, decode: func(data []byte) (any, error) {
		var v sunco.WebhookPayload
		err := v.UnmarshalJSON(data)
		return &v, err
	}},
	{name: "Content", decode: func(data []byte) (any, error) {
		v, err := sunco.UnmarshalContent(data)
		return &v, err
	}},
	{name: "Integration", decode: func(data []byte) (any, error) {
		v, err := sunco.UnmarshalIntegration(data)
		return &v, err
	}},
	{name: "IntegrationUpdate", decode: func(data []byte) (any, error) {
		v, err := sunco.UnmarshalIntegrationUpdate(data)
		return &v, err
	}},
}

// FuzzDecoders compares the generated decoders with encoding/json. For
// any input, decoding fails exactly when encoding/json finds the input
// malformed (or, for a struct, not an object), never panics, and encoding
// the result gives the same JSON value as the input. When the input has
// no duplicate keys, every field must also hold what the JSON says, or
// be zero with the value in Extra when it does not fit, as checked by an
// oracle that walks encoding/json's tree with reflection and the IR.
// The first byte picks the type to decode into.
//
//	go test ./gen/sdktest -run '^$' -fuzz FuzzDecoders -fuzztime 20s
func FuzzDecoders(f *testing.F) {
	spec := loadSpecWebhook(f)
	seed := func(target string, data []byte) {
		for i, t := range decodeTargets {
			if t.name == target {
				f.Add(append([]byte{byte(i)}, data...))
			}
		}
	}
	// Small seeds keep the fuzzer fast: a page of each kind of message of
	// the benchmark fixture, and a delivery of each kind of event.
	var list struct{ Messages []json.RawMessage }
	var delivery struct{ Events []json.RawMessage }
	if err := json.Unmarshal(bench.MessageList(), &list); err != nil {
		f.Fatal(err)
	}
	if err := json.Unmarshal(bench.WebhookPayload(), &delivery); err != nil {
		f.Fatal(err)
	}
	for i := range 6 {
		seed("MessageListResponse", []byte(`{"messages":[`+string(list.Messages[i])+`],"meta":{"hasMore":false}}`))
		seed("WebhookPayload", []byte(`{"app":{"id":"a"},"events":[`+string(delivery.Events[i])+`]}`))
	}
	for _, ex := range spec.API.Examples {
		if n, ok := ex.Type.(*ir.Named); ok {
			seed(n.Decl.DeclName(), ex.JSON)
		}
	}
	for _, s := range []string{`{}`, `null`, `[]`, `"x"`, `{"events":[{"type":"conversation:typing","id":"e1"},null,5]}`, `{"messages":[{"content":null},{"content":{"type":"text","text":"a","type":"image"}}]}`, `{"messages":[{"content":{"type":"text","text":5}}]}`, `{"type":"carousel","items":[{"title":"t","actions":[]}]}`, `{"type":"whatsapp","id":1}`, `{"displayName":"x","deploymentId":"d"}`} {
		for i := range decodeTargets {
			f.Add(append([]byte{byte(i)}, s...))
		}
	}
	o := newOracle(spec.API)
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) == 0 {
			return
		}
		target, data := decodeTargets[int(in[0])%len(decodeTargets)], in[1:]
		got, err := target.decode(data)
		if !json.Valid(data) {
			if err == nil {
				t.Fatalf("%s accepted malformed %q", target.name, data)
			}
			return
		}
		x, xerr := decodeUseNumber(data)
		if xerr != nil {
			t.Fatalf("encoding/json: %v", xerr)
		}
		_, isObject := x.(map[string]any)
		if wantErr := target.object && !isObject && x != nil; (err != nil) != wantErr {
			t.Fatalf("%s on %q: error %v, want an error: %v", target.name, data, err, wantErr)
		}
		if err != nil || x == nil {
			return
		}
		out, err := json.Marshal(got)
		if err != nil {
			t.Fatalf("%s decoded %q but does not encode: %v", target.name, data, err)
		}
		again, err := decodeUseNumber(out)
		if err != nil {
			t.Fatalf("%s encodes %q as malformed %q: %v", target.name, data, out, err)
		}
		if where := jsonDiff(x, again, ""); where != "" {
			t.Fatalf("%s: %q re-encodes as %q: %s", target.name, data, out, where)
		}
		if !hasDuplicateKeys(data) {
			if err := o.check(reflect.ValueOf(got).Elem(), x, ""); err != nil {
				t.Fatalf("%s: decoding %q: %v", target.name, data, err)
			}
		}
	})
}

// oracle says what a decoded value must hold, from encoding/json's tree
// of the input and the IR of the unions; it shares no code with the
// generated decoders.
type oracle struct {
	unions map[string]*ir.Union // by Go name
}

func newOracle(api *ir.API) *oracle {
	o := &oracle{unions: map[string]*ir.Union{}}
	for _, d := range api.Decls {
		if u, ok := d.(*ir.Union); ok {
			o.unions[u.Name] = u
		}
	}
	return o
}

var (
	rawMessageType = reflect.TypeFor[json.RawMessage]()
	timeType       = reflect.TypeFor[time.Time]()
)

// check returns where got differs from what the JSON value x says.
func (o *oracle) check(got reflect.Value, x any, path string) error {
	t := got.Type()
	switch {
	case isNullable(t):
		if x == nil {
			if !got.MethodByName("IsNull").Call(nil)[0].Bool() {
				return fmt.Errorf("%s: want null", path)
			}
			return nil
		}
		r := got.MethodByName("Get").Call(nil)
		if !r[1].Bool() {
			return fmt.Errorf("%s: want a value", path)
		}
		return o.check(r[0], x, path)
	case t.Kind() == reflect.Interface && t.NumMethod() == 0:
		if !reflect.DeepEqual(got.Interface(), x) {
			return fmt.Errorf("%s: free-form value %#v, want %#v", path, got.Interface(), x)
		}
		return nil
	case t.Kind() == reflect.Interface:
		return o.checkUnion(got, x, path)
	case t == timeType:
		want, _ := time.Parse(time.RFC3339Nano, x.(string))
		if at := got.Interface().(time.Time); !at.Equal(want) {
			return fmt.Errorf("%s: %v, want %v", path, at, want)
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		if got.IsNil() {
			return fmt.Errorf("%s: nil", path)
		}
		return o.check(got.Elem(), x, path)
	case reflect.Struct:
		return o.checkStruct(got, x.(map[string]any), path)
	case reflect.Slice:
		xs := x.([]any)
		if got.Len() != len(xs) {
			return fmt.Errorf("%s: %d elements, want %d", path, got.Len(), len(xs))
		}
		for i, e := range xs {
			if err := o.check(got.Index(i), e, path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	case reflect.Map:
		xm := x.(map[string]any)
		if got.Len() != len(xm) {
			return fmt.Errorf("%s: %d entries, want %d", path, got.Len(), len(xm))
		}
		for k, e := range xm {
			v := got.MapIndex(reflect.ValueOf(k))
			if !v.IsValid() {
				return fmt.Errorf("%s: no key %q", path, k)
			}
			if err := o.check(v, e, path+"."+k); err != nil {
				return err
			}
		}
	case reflect.String:
		if got.String() != x.(string) {
			return fmt.Errorf("%s: %q, want %q", path, got.String(), x)
		}
	case reflect.Int, reflect.Int64:
		n, _ := strconv.ParseInt(string(x.(json.Number)), 10, 64)
		if got.Int() != n {
			return fmt.Errorf("%s: %d, want %d", path, got.Int(), n)
		}
	case reflect.Float64:
		f, _ := strconv.ParseFloat(string(x.(json.Number)), 64)
		if math.Float64bits(got.Float()) != math.Float64bits(f) {
			return fmt.Errorf("%s: %v, want %v", path, got.Float(), f)
		}
	case reflect.Bool:
		if got.Bool() != x.(bool) {
			return fmt.Errorf("%s: %v, want %v", path, got.Bool(), x)
		}
	default:
		return fmt.Errorf("%s: oracle has no case for %s", path, t)
	}
	return nil
}

// checkStruct checks each declared field against its property, and Extra
// against the properties that are undeclared or do not fit.
func (o *oracle) checkStruct(got reflect.Value, x map[string]any, path string) error {
	t := got.Type()
	wantExtra := map[string]any{}
	for k, v := range x {
		wantExtra[k] = v
	}
	var extra reflect.Value
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if key == "-" {
			if f.Type.Kind() == reflect.Map && f.Type.Elem() == rawMessageType {
				extra = got.Field(i)
			}
			continue
		}
		v, present := x[key]
		switch {
		case !present:
			if !got.Field(i).IsZero() {
				return fmt.Errorf("%s.%s: set, but absent from the JSON", path, key)
			}
		case fits(f.Type, v, true):
			delete(wantExtra, key)
			if err := o.check(got.Field(i), v, path+"."+key); err != nil {
				return err
			}
		default:
			if !got.Field(i).IsZero() {
				return fmt.Errorf("%s.%s: %v does not fit %s, but the field is set", path, key, v, f.Type)
			}
		}
	}
	if !extra.IsValid() {
		return fmt.Errorf("%s: %s has no Extra", path, t)
	}
	if extra.Len() != len(wantExtra) {
		return fmt.Errorf("%s: Extra has %v, want the keys of %v", path, extra.MapKeys(), wantExtra)
	}
	for k, v := range wantExtra {
		r := extra.MapIndex(reflect.ValueOf(k))
		if !r.IsValid() {
			return fmt.Errorf("%s: Extra lacks %q", path, k)
		}
		kept, err := decodeUseNumber(r.Bytes())
		if err != nil || !reflect.DeepEqual(kept, v) {
			return fmt.Errorf("%s: Extra[%q] is %s, want %v", path, k, r.Bytes(), v)
		}
	}
	return nil
}

// checkUnion checks that a union holds the variant the IR picks for x:
// by discriminator, or by the properties present (see the generated
// decoders' doc), and else the Unknown variant with x raw.
func (o *oracle) checkUnion(got reflect.Value, x any, path string) error {
	u := o.unions[got.Type().Name()]
	if u == nil {
		return fmt.Errorf("%s: %s is no union of the IR", path, got.Type())
	}
	if got.IsNil() {
		return fmt.Errorf("%s: nil union", path)
	}
	want := u.Unknown
	obj, isObject := x.(map[string]any)
	if v := pickIRVariant(u, obj); isObject && v != nil {
		want = v.Struct.Name
	}
	elem := got.Elem().Elem()
	if elem.Type().Name() != want {
		return fmt.Errorf("%s: %s, want %s", path, elem.Type().Name(), want)
	}
	if want != u.Unknown {
		return o.check(elem, obj, path)
	}
	kept, err := decodeUseNumber(elem.FieldByName("Raw").Bytes())
	if err != nil || !reflect.DeepEqual(kept, x) {
		return fmt.Errorf("%s: Raw is %s, want %v", path, elem.FieldByName("Raw").Bytes(), x)
	}
	if u.Discriminator != "" {
		value, _ := obj[u.Discriminator].(string)
		if elem.FieldByName("Type").String() != value {
			return fmt.Errorf("%s: Type %q, want %q", path, elem.FieldByName("Type").String(), value)
		}
	}
	return nil
}

// pickIRVariant is the variant of u for the object obj, or nil.
func pickIRVariant(u *ir.Union, obj map[string]any) *ir.Variant {
	if u.Discriminator != "" {
		value, ok := obj[u.Discriminator].(string)
		for _, v := range u.Variants {
			if ok && slices.Contains(v.Values, value) {
				return v
			}
		}
		return nil
	}
	var best *ir.Variant
	bestScore := 0
	for _, v := range u.Variants {
		score := 0
		for _, p := range v.Properties {
			if _, ok := obj[p]; ok {
				score++
			}
		}
		complete := true
		for _, r := range v.Required {
			if _, ok := obj[r]; !ok {
				complete = false
			}
		}
		if complete && score > bestScore {
			best, bestScore = v, score
		}
	}
	return best
}

// fits reports whether the JSON value x fits type t; null fits only a
// Nullable field, or a free-form value or a union (as its Unknown
// variant) inside an array or object.
func fits(t reflect.Type, x any, field bool) bool {
	if x == nil {
		return (field && isNullable(t)) || (!field && t.Kind() == reflect.Interface)
	}
	switch {
	case isNullable(t):
		get, _ := reflect.PointerTo(t).MethodByName("Get")
		return fits(get.Type.Out(0), x, false)
	case t.Kind() == reflect.Interface:
		return true
	case t == timeType:
		s, ok := x.(string)
		_, err := time.Parse(time.RFC3339Nano, s)
		return ok && err == nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		return fits(t.Elem(), x, false)
	case reflect.Struct:
		_, ok := x.(map[string]any)
		return ok
	case reflect.Slice:
		xs, ok := x.([]any)
		for _, e := range xs {
			ok = ok && fits(t.Elem(), e, false)
		}
		return ok
	case reflect.Map:
		xm, ok := x.(map[string]any)
		for _, e := range xm {
			ok = ok && fits(t.Elem(), e, false)
		}
		return ok
	case reflect.String:
		_, ok := x.(string)
		return ok
	case reflect.Int, reflect.Int64:
		n, ok := x.(json.Number)
		_, err := strconv.ParseInt(string(n), 10, t.Bits())
		return ok && err == nil
	case reflect.Float64:
		n, ok := x.(json.Number)
		_, err := strconv.ParseFloat(string(n), 64)
		return ok && err == nil
	case reflect.Bool:
		_, ok := x.(bool)
		return ok
	}
	return false
}

func isNullable(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && strings.HasPrefix(t.Name(), "Nullable[")
}

// jsonDiff says where two JSON values from decodeUseNumber differ, or
// returns "". Numbers are the same when their literals are, or when they
// are the same float64: a typed float field keeps the value, not the
// literal (free-form values keep literals, which check compares).
func jsonDiff(a, b any, path string) string {
	switch a := a.(type) {
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok || len(a) != len(bm) {
			return fmt.Sprintf("%s: %v became %v", path, a, b)
		}
		for k, v := range a {
			w, ok := bm[k]
			if !ok {
				return fmt.Sprintf("%s: %q dropped", path, k)
			}
			if d := jsonDiff(v, w, path+"."+k); d != "" {
				return d
			}
		}
		return ""
	case []any:
		bs, ok := b.([]any)
		if !ok || len(a) != len(bs) {
			return fmt.Sprintf("%s: %v became %v", path, a, b)
		}
		for i := range a {
			if d := jsonDiff(a[i], bs[i], path+"["+strconv.Itoa(i)+"]"); d != "" {
				return d
			}
		}
		return ""
	case json.Number:
		bn, ok := b.(json.Number)
		if ok && a == bn {
			return ""
		}
		x, errA := strconv.ParseFloat(string(a), 64)
		y, errB := strconv.ParseFloat(string(bn), 64)
		if ok && errA == nil && errB == nil && x == y {
			return ""
		}
		return fmt.Sprintf("%s: %v became %v", path, a, b)
	}
	if a != b {
		return fmt.Sprintf("%s: %#v became %#v", path, a, b)
	}
	return ""
}

// hasDuplicateKeys reports an object in data, valid JSON, with a key
// twice; which of them a union's discriminator takes is the decoders'
// choice, so the oracle does not judge such input.
func hasDuplicateKeys(data []byte) bool {
	d := json.NewDecoder(bytes.NewReader(data))
	type level struct {
		object    bool
		keys      map[string]bool
		expectKey bool
	}
	var stack []*level
	for {
		tok, err := d.Token()
		if err != nil { // io.EOF included: the value ended early
			return false
		}
		var top *level
		if n := len(stack); n > 0 {
			top = stack[n-1]
		}
		if top != nil && top.object && top.expectKey {
			if key, ok := tok.(string); ok {
				if top.keys[key] {
					return true
				}
				top.keys[key] = true
				top.expectKey = false
				continue
			}
		}
		switch tok {
		case json.Delim('{'):
			if top != nil && top.object {
				top.expectKey = true
			}
			stack = append(stack, &level{object: true, keys: map[string]bool{}, expectKey: true})
			continue
		case json.Delim('['):
			if top != nil && top.object {
				top.expectKey = true
			}
			stack = append(stack, &level{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			continue
		}
		if top != nil && top.object {
			top.expectKey = true
		}
	}
}
