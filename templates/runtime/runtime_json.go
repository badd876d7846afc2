package sunco

import (
	"bytes"
	"encoding/json"
	"errors"
	"iter"
	"math/bits"
	"slices"
	"strconv"
	"sync"
)

// The generated types decode and encode themselves with the helpers of
// this file, in one pass over the bytes and without reflection:
//
//   - a decoder has the shape func(v *T, l *jsonLexer) bool: it decodes the
//     next value into *v, or reports false when the value does not fit T
//     (having consumed nothing, or anything: decodeField rewinds);
//   - an encoder has the shape func(v *T, e *jsonEncoder).
//
// A struct's decodeJSON and encodeJSON methods, as method expressions, are
// such functions, and so is each union's decode function.

// unmarshalJSON decodes data, one JSON document, into *v with dec. JSON
// null leaves *v as it is, as encoding/json does; a value that does not
// fit is an error naming typeName. The only other errors are syntax
// errors, which say where they are.
func unmarshalJSON[T any](data []byte, v *T, dec func(*T, *jsonLexer) bool, typeName string) error {
	l := &jsonLexer{data: data}
	c := l.next()
	start := l.pos
	switch {
	case c == 'n':
		l.readLiteral("null")
	case !dec(v, l) && l.err == nil:
		kind := jsonKind(c)
		l.pos, l.depth = start, 0
		l.skip()
		l.end()
		if err := l.error(); err != nil {
			return err
		}
		return errors.New(sdkName + ": cannot decode a JSON " + kind + " into " + typeName)
	}
	l.end()
	return l.error()
}

// jsonKind names the kind of value that starts with c.
func jsonKind(c byte) string {
	switch c {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	}
	return "number"
}

// encoders keeps the buffers of marshalJSON for reuse.
var encoders = sync.Pool{New: func() any { return new(jsonEncoder) }}

// maxPooledBuffer bounds the buffers kept for reuse.
const maxPooledBuffer = 1 << 20

// marshalJSON encodes *v with enc.
func marshalJSON[T any](v *T, enc func(*T, *jsonEncoder)) ([]byte, error) {
	e := encoders.Get().(*jsonEncoder)
	enc(v, e)
	out, err := bytes.Clone(e.buf), e.err
	e.buf, e.err = e.buf[:0], nil
	if cap(e.buf) <= maxPooledBuffer {
		encoders.Put(e)
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// jsonTarget is a json.Unmarshaler decoding into a value that has no
// UnmarshalJSON of its own, such as a union or a slice.
type jsonTarget[T any] struct {
	v        *T
	dec      func(*T, *jsonLexer) bool
	typeName string
}

// decodeInto returns a json.Unmarshaler that decodes into *v with dec.
func decodeInto[T any](v *T, dec func(*T, *jsonLexer) bool, typeName string) json.Unmarshaler {
	return jsonTarget[T]{v: v, dec: dec, typeName: typeName}
}

func (t jsonTarget[T]) UnmarshalJSON(data []byte) error {
	return unmarshalJSON(data, t.v, t.dec, t.typeName)
}

// marshalRequestBody encodes a request body: the generated types encode
// themselves, and what they write needs no second check.
func marshalRequestBody(body any) ([]byte, error) {
	switch b := body.(type) {
	case selfEncoder: // a pointer to a struct, possibly nil, or a union value
		return marshalJSON(&b, encodeUnion)
	case json.Marshaler:
		return b.MarshalJSON()
	}
	return json.Marshal(body)
}

// unmarshalResponse decodes a response body into out, with its
// UnmarshalJSON when it has one.
func unmarshalResponse(data []byte, out any) error {
	if u, ok := out.(json.Unmarshaler); ok {
		return u.UnmarshalJSON(data)
	}
	return json.Unmarshal(data, out)
}

// Decoders of single values.

func decodeString[S ~string](v *S, l *jsonLexer) bool {
	if l.next() != '"' {
		return false
	}
	s, ok := l.readString(&l.strBuf)
	*v = S(l.text(s))
	return ok
}

// decodeDiscriminator decodes the discriminator of a union variant, or
// another string that must not be empty (an error's code and title). An
// empty string does not fit: it stays in Extra, as received, since the
// encoder writes the variant's own value for an empty field.
func decodeDiscriminator[S ~string](v *S, l *jsonLexer) bool {
	return decodeString(v, l) && *v != ""
}

func decodeBool(v *bool, l *jsonLexer) bool {
	switch l.next() {
	case 't':
		*v = true
		return l.readLiteral("true")
	case 'f':
		*v = false
		return l.readLiteral("false")
	}
	return false
}

// decodeInt takes an integer that fits I, as encoding/json does: 1.0 and
// 1e3 do not.
func decodeInt[I ~int | ~int64](v *I, l *jsonLexer) bool {
	if c := l.next(); c != '-' && !isDigit(c) {
		return false
	}
	lit := l.readNumber()
	n, ok := parseInt(lit)
	if !ok || int64(I(n)) != n {
		return false
	}
	*v = I(n)
	return true
}

// parseInt parses the literal of an integer of int64's range.
func parseInt(lit []byte) (int64, bool) {
	neg := len(lit) > 0 && lit[0] == '-'
	if neg {
		lit = lit[1:]
	}
	if len(lit) == 0 || len(lit) > 19 {
		return 0, false
	}
	var u uint64
	for _, c := range lit {
		if !isDigit(c) {
			return 0, false
		}
		u = u*10 + uint64(c-'0')
	}
	switch {
	case !neg && u <= 1<<63-1:
		return int64(u), true
	case neg && u <= 1<<63:
		return -int64(u), true
	}
	return 0, false
}

// decodeFloat64 takes any number within float64's range.
func decodeFloat64(v *float64, l *jsonLexer) bool {
	if c := l.next(); c != '-' && !isDigit(c) {
		return false
	}
	lit := l.readNumber()
	if lit == nil {
		return false
	}
	// Integers of up to 15 digits are exact in a float64; -0 is not an
	// integer.
	if n, ok := parseInt(lit); ok && len(lit) <= 15 && (n != 0 || lit[0] != '-') {
		*v = float64(n)
		return true
	}
	f, err := strconv.ParseFloat(string(lit), 64)
	*v = f
	return err == nil
}

// decodeAny decodes any value as encoding/json decodes into an any with
// UseNumber: numbers stay exact as json.Number.
func decodeAny(v *any, l *jsonLexer) bool {
	x, ok := l.readAny()
	*v = x
	return ok
}

// readAny reads the next value as decodeAny does.
func (l *jsonLexer) readAny() (any, bool) {
	c := l.next()
	switch c {
	case '{':
		if !l.enterObject() {
			return nil, false
		}
		m := make(map[string]any)
		for l.nextMember() {
			key := l.text(l.key)
			m[key], _ = l.readAny()
		}
		return m, l.err == nil
	case '[':
		if !l.enterArray() {
			return nil, false
		}
		s := make([]any, 0)
		for l.nextElement() {
			x, _ := l.readAny()
			s = append(s, x)
		}
		return s, l.err == nil
	case '"':
		s, ok := l.readString(&l.strBuf)
		return box(l, l.text(s)), ok
	case 't':
		return true, l.readLiteral("true")
	case 'f':
		return false, l.readLiteral("false")
	case 'n':
		return nil, l.readLiteral("null")
	}
	if c != '-' && !isDigit(c) {
		l.failChar("looking for beginning of value")
		return nil, false
	}
	lit := l.readNumber()
	return box(l, json.Number(l.text(lit))), lit != nil
}

// decodeSlice decodes an array whose elements all fit elem; [] gives an
// empty slice, not nil.
func decodeSlice[T any](v *[]T, l *jsonLexer, elem func(*T, *jsonLexer) bool) bool {
	if !l.enterArray() {
		return false
	}
	s := make([]T, 0)
	for l.nextElement() {
		var zero T
		s = append(s, zero)
		if !elem(&s[len(s)-1], l) {
			return false
		}
	}
	*v = s
	return true
}

// decodePointee decodes a value that fits elem into a new T for *v to
// point to, for a struct that holds itself through a pointer.
func decodePointee[T any](v **T, l *jsonLexer, elem func(*T, *jsonLexer) bool) bool {
	p := new(T)
	if !elem(p, l) {
		return false
	}
	*v = p
	return true
}

// decodeMap decodes an object whose values all fit elem.
func decodeMap[T any](v *map[string]T, l *jsonLexer, elem func(*T, *jsonLexer) bool) bool {
	if !l.enterObject() {
		return false
	}
	m := make(map[string]T)
	var x T
	for l.nextMember() {
		key := l.text(l.key)
		if !elem(&x, l) {
			return false
		}
		m[key] = x
	}
	*v = m
	return true
}

// decodeFreeForm decodes an object of any values, as decodeAny does.
func decodeFreeForm(v *map[string]any, l *jsonLexer) bool {
	if l.next() != '{' {
		return false
	}
	m, ok := l.readAny()
	*v, _ = m.(map[string]any)
	return ok
}

// Decoders of the members of an object.

// decodeField decodes the value of the member key, which the schema
// declares, into *v with dec. A value that does not fit, null included,
// leaves *v zero and is kept raw in *extra instead, so that nothing is
// lost; as in encoding/json, the last of duplicate keys wins.
func decodeField[T any](l *jsonLexer, key string, v *T, extra *map[string]json.RawMessage, dec func(*T, *jsonLexer) bool) {
	start, depth := l.pos, l.depth
	if l.next() != 'n' && dec(v, l) {
		dropExtra(extra, key)
		return
	}
	var zero T
	*v = zero
	keepRaw(l, start, depth, extra, key)
}

// decodeOptional is decodeField for an optional field, a pointer.
func decodeOptional[T any](l *jsonLexer, key string, v **T, extra *map[string]json.RawMessage, dec func(*T, *jsonLexer) bool) {
	start, depth := l.pos, l.depth
	if l.next() != 'n' {
		p := newValue[T](l)
		if dec(p, l) {
			*v = p
			dropExtra(extra, key)
			return
		}
	}
	*v = nil
	keepRaw(l, start, depth, extra, key)
}

// newValue returns a pointer to a new zero T. Strings, booleans and
// numbers, the values most optional fields hold, come from slabs.
func newValue[T any](l *jsonLexer) *T {
	var p *T
	switch any(p).(type) {
	case *string:
		return any(take(&l.stringSlab)).(*T)
	case *bool:
		return any(take(&l.boolSlab)).(*T)
	case *float64:
		return any(take(&l.float64Slab)).(*T)
	}
	return new(T)
}

// decodeNullable is decodeField for a nullable field, which takes null.
func decodeNullable[T any](l *jsonLexer, key string, v *Nullable[T], extra *map[string]json.RawMessage, dec func(*T, *jsonLexer) bool) {
	start, depth := l.pos, l.depth
	if l.next() == 'n' {
		if l.readLiteral("null") {
			*v = Null[T]()
			dropExtra(extra, key)
		}
		return
	}
	if dec(&v.value, l) {
		v.set, v.valid = true, true
		dropExtra(extra, key)
		return
	}
	*v = Nullable[T]{}
	keepRaw(l, start, depth, extra, key)
}

// decodeExtra keeps the value of the member just read, whose key the
// schema does not declare, in *extra.
func decodeExtra(l *jsonLexer, extra *map[string]json.RawMessage) {
	keepRaw(l, l.pos, l.depth, extra, string(l.key))
}

// keepRaw reads the value that starts at start, with depth arrays and
// objects open, again and keeps a copy in (*extra)[key]; with a nil
// extra it only reads past it.
func keepRaw(l *jsonLexer, start, depth int, extra *map[string]json.RawMessage, key string) {
	if l.err != nil {
		return
	}
	l.pos, l.depth = start, depth
	raw := l.raw()
	if l.err != nil || extra == nil {
		return
	}
	if *extra == nil {
		*extra = make(map[string]json.RawMessage)
	}
	(*extra)[key] = bytes.Clone(raw)
}

// dropExtra removes a raw value an earlier duplicate of key left.
func dropExtra(extra *map[string]json.RawMessage, key string) {
	if extra != nil && *extra != nil {
		delete(*extra, key)
	}
}

// propertyValues yields l positioned at the value of each member key of
// the JSON object raw; the loop body must read the value.
func propertyValues(raw []byte, key string) iter.Seq[*jsonLexer] {
	return func(yield func(*jsonLexer) bool) {
		l := &jsonLexer{data: raw}
		if !l.enterObject() {
			return
		}
		for l.nextMember() {
			if string(l.key) != key {
				l.skip()
			} else if !yield(l) {
				return
			}
		}
	}
}

// Unions.

// decodeVariant decodes the object at l, which the caller has looked at
// already, as the variant T of a union.
func decodeVariant[T any, P interface {
	*T
	decodeJSON(*jsonLexer) bool
}](l *jsonLexer) P {
	p := P(new(T))
	p.decodeJSON(l)
	return p
}

// copyRaw reads past the next value and returns a copy of its bytes.
func (l *jsonLexer) copyRaw() []byte {
	return bytes.Clone(l.raw())
}

// discriminator looks into the object at l, consuming nothing, for the
// last member named key and returns its value when it is a string: nil
// when that value is not a string, there is no such member, or the value
// is not an object (null included, which a union field takes as absent,
// but which an array or a map of unions keeps as its Unknown variant, so
// that one odd element does not fail the others). It reports false when
// the object is cut short. The last of duplicate keys decides, as it does
// the variant's field (decodeField) and as in encoding/json, so that the
// variant and its discriminator field never disagree.
//
// The look ahead does not check that the object is well formed: the
// decoding that follows does, and says where it is not.
func (l *jsonLexer) discriminator(key string) ([]byte, bool) {
	if l.next() != '{' {
		return nil, true
	}
	at, complete := l.lastMember(key)
	if !complete {
		return nil, false
	}
	if at < 0 {
		return nil, true
	}
	pos := l.pos
	l.pos = at
	var value []byte
	if l.next() == ':' {
		l.pos++
		if l.next() == '"' {
			var ok bool
			if value, ok = l.readString(&l.tagBuf); !ok {
				// The decoding reports the error where it finds it.
				value, l.err = nil, nil
			}
		}
	}
	l.pos = pos
	return value, true
}

// variantShape tells one variant of a union without discriminator from
// the others: the properties it has and those it requires.
type variantShape struct {
	properties []string
	required   []string
}

// pickVariant looks into the object at l, consuming nothing, and returns
// the index of the variant that best explains it, or -1 when none does or
// the value is not an object. A variant qualifies when every property it
// requires is present; the one with the most properties present wins, the
// first on a tie, and one with none present is never picked. Null is no
// object: see discriminator. It reports false when the object is
// malformed. Properties past the 64th of a variant do not count.
func (l *jsonLexer) pickVariant(shapes []variantShape) (int, bool) {
	if l.next() != '{' {
		return -1, true
	}
	pos, depth := l.pos, l.depth
	var buf [16]uint64
	present := buf[:0]
	if len(shapes) > len(buf) {
		present = make([]uint64, 0, len(shapes))
	}
	present = present[:len(shapes)]
	l.enterObject()
	for l.nextMember() {
		for i, s := range shapes {
			if j := slices.Index(s.properties, string(l.key)); j >= 0 && j < 64 {
				present[i] |= 1 << j
			}
		}
		l.skip()
	}
	if l.err != nil {
		return -1, false
	}
	l.pos, l.depth = pos, depth
	best, bestScore := -1, 0
	for i, s := range shapes {
		complete := true
		for _, name := range s.required {
			if j := slices.Index(s.properties, name); j < 0 || j >= 64 || present[i]&(1<<j) == 0 {
				complete = false
				break
			}
		}
		if score := bits.OnesCount64(present[i]); complete && score > bestScore {
			best, bestScore = i, score
		}
	}
	return best, true
}

// unknownJSON is the encoding of a value the SDK kept raw.
func unknownJSON(raw json.RawMessage) ([]byte, error) {
	if len(raw) == 0 {
		return []byte("null"), nil
	}
	return raw, nil
}

// fieldSet is a set of the required fields of a struct, by index: those
// absent from the JSON it was decoded from, which encoding leaves out
// again unless the caller sets them.
type fieldSet uint64

func (s *fieldSet) add(i int)     { *s |= 1 << i }
func (s fieldSet) has(i int) bool { return s&(1<<i) != 0 }

// missing returns the fields among the first n that s lacks.
func (s fieldSet) missing(n int) fieldSet { return ^s & (1<<n - 1) }

// Encoders of single values.

func encodeString[S ~string](v *S, e *jsonEncoder) {
	e.buf = appendJSONString(e.buf, *v)
}

func encodeBool(v *bool, e *jsonEncoder) {
	e.buf = strconv.AppendBool(e.buf, *v)
}

func encodeInt[I ~int | ~int64](v *I, e *jsonEncoder) {
	e.buf = strconv.AppendInt(e.buf, int64(*v), 10)
}

func encodeFloat64(v *float64, e *jsonEncoder) {
	var err error
	if e.buf, err = appendJSONFloat(e.buf, *v); err != nil {
		e.fail(err)
	}
}

// encodeAny encodes a free-form value: what decodeAny gives, and other Go
// values a caller may put there, which encoding/json encodes.
func encodeAny(v *any, e *jsonEncoder) {
	encodeValue(*v, e)
}

// encodeFreeForm encodes an object of any values, nil as {}.
func encodeFreeForm(v *map[string]any, e *jsonEncoder) {
	encodeObject(*v, e)
}

// encodeObject encodes an object of any values in key order, nil as {},
// as encodeMap does but without the copy of each value that encodeMap
// hands its element encoder, which costs an allocation per object.
func encodeObject(m map[string]any, e *jsonEncoder) {
	e.buf = append(e.buf, '{')
	var buf [16]string
	for _, k := range sortedKeys(buf[:0], m) {
		e.member(k)
		encodeValue(m[k], e)
	}
	e.buf = append(e.buf, '}')
}

func encodeValue(v any, e *jsonEncoder) {
	switch x := v.(type) {
	case nil:
		e.null()
	case string:
		encodeString(&x, e)
	case bool:
		encodeBool(&x, e)
	case json.Number:
		encodeNumber(x, e)
	case float64:
		encodeFloat64(&x, e)
	case int:
		encodeInt(&x, e)
	case int64:
		encodeInt(&x, e)
	case map[string]any:
		encodeObject(x, e)
	case []any:
		encodeSlice(&x, e, encodeAny)
	case json.RawMessage:
		e.raw(x)
	case json.Marshaler:
		data, err := x.MarshalJSON()
		if err != nil {
			e.fail(err)
			return
		}
		e.raw(data)
	default:
		data, err := json.Marshal(x)
		if err != nil {
			e.fail(err)
			return
		}
		e.buf = append(e.buf, data...)
	}
}

// encodeNumber writes a json.Number, which must be a valid number
// literal; "" is 0, as in encoding/json.
func encodeNumber(n json.Number, e *jsonEncoder) {
	if n == "" {
		n = "0"
	}
	l := jsonLexer{data: []byte(n)}
	if c := l.next(); (c != '-' && !isDigit(c)) || l.readNumber() == nil || l.pos != len(l.data) {
		e.fail(errors.New(sdkName + ": invalid number literal " + strconv.Quote(string(n))))
		return
	}
	e.buf = append(e.buf, n...)
}

// encodeSlice encodes a slice, nil as [].
func encodeSlice[T any](v *[]T, e *jsonEncoder, elem func(*T, *jsonEncoder)) {
	e.buf = append(e.buf, '[')
	for i := range *v {
		e.comma()
		elem(&(*v)[i], e)
	}
	e.buf = append(e.buf, ']')
}

// encodePointee encodes what *v points to, nil as null.
func encodePointee[T any](v **T, e *jsonEncoder, elem func(*T, *jsonEncoder)) {
	if *v == nil {
		e.null()
		return
	}
	elem(*v, e)
}

// encodeMap encodes a map in key order, nil as {}.
func encodeMap[T any](v *map[string]T, e *jsonEncoder, elem func(*T, *jsonEncoder)) {
	e.buf = append(e.buf, '{')
	var x T
	var buf [16]string
	for _, k := range sortedKeys(buf[:0], *v) {
		x = (*v)[k]
		e.member(k)
		elem(&x, e)
	}
	e.buf = append(e.buf, '}')
}

// sortedKeys appends the keys of m to keys, in order.
func sortedKeys[T any](keys []string, m map[string]T) []string {
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// selfEncoder is a value that encodes itself: a pointer to a generated
// struct, or a union value, whose variants and Unknown variant all do.
type selfEncoder interface {
	encodeJSON(*jsonEncoder)
}

// encodeUnion encodes a union value, nil as null.
func encodeUnion[U selfEncoder](v *U, e *jsonEncoder) {
	if any(*v) == nil {
		e.null()
		return
	}
	(*v).encodeJSON(e)
}

// Encoders of the members of an object. Each writes the member key unless
// it is to be left out, and gives way to the raw value Extra holds for key
// when the field is not set, so that a decoded value whose property did
// not fit its type encodes as it came.

// encodeRequired writes a required field. A zero *v is left out when the
// member was absent when decoded, or replaced by Extra's value.
func encodeRequired[T any](e *jsonEncoder, key string, v *T, absent bool, extra map[string]json.RawMessage, enc func(*T, *jsonEncoder)) {
	if raw, ok := extra[key]; (ok || absent) && isZero(v, enc) {
		if ok {
			e.member(key)
			e.raw(raw)
		}
		return
	}
	e.member(key)
	enc(v, e)
}

// isZero reports whether *v encodes as T's zero value does.
func isZero[T any](v *T, enc func(*T, *jsonEncoder)) bool {
	var zero T
	var a, b jsonEncoder
	enc(v, &a)
	enc(&zero, &b)
	return bytes.Equal(a.buf, b.buf)
}

// encodePointer writes an optional field, a pointer, unless it is nil.
func encodePointer[T any](e *jsonEncoder, key string, v *T, extra map[string]json.RawMessage, enc func(*T, *jsonEncoder)) {
	if v != nil {
		e.member(key)
		enc(v, e)
		return
	}
	encodeExtraMember(e, key, extra)
}

// encodeOptional writes an optional field whose zero value is nil, a
// slice, map, union or free-form value, when set.
func encodeOptional[T any](e *jsonEncoder, key string, v *T, set bool, extra map[string]json.RawMessage, enc func(*T, *jsonEncoder)) {
	if set {
		e.member(key)
		enc(v, e)
		return
	}
	encodeExtraMember(e, key, extra)
}

// encodeNullable writes a nullable field unless it is absent.
func encodeNullable[T any](e *jsonEncoder, key string, v *Nullable[T], extra map[string]json.RawMessage, enc func(*T, *jsonEncoder)) {
	switch {
	case v.valid:
		e.member(key)
		enc(&v.value, e)
	case v.set:
		e.member(key)
		e.null()
	default:
		encodeExtraMember(e, key, extra)
	}
}

// encodeDiscriminator writes the discriminator of a union variant: the
// field when set, else the variant's value, unless Extra holds another or
// the member was absent when decoded.
func encodeDiscriminator[S ~string](e *jsonEncoder, key string, v S, value string, absent bool, extra map[string]json.RawMessage) {
	switch raw, ok := extra[key]; {
	case v != "":
		e.member(key)
		e.buf = appendJSONString(e.buf, v)
	case ok:
		e.member(key)
		e.raw(raw)
	case !absent:
		e.member(key)
		e.buf = appendJSONString(e.buf, value)
	}
}

func encodeExtraMember(e *jsonEncoder, key string, extra map[string]json.RawMessage) {
	if raw, ok := extra[key]; ok {
		e.member(key)
		e.raw(raw)
	}
}

// encodeExtra writes the members of extra whose keys are not among the
// declared ones, in key order.
func encodeExtra(e *jsonEncoder, extra map[string]json.RawMessage, declared ...string) {
	keys := make([]string, 0, len(extra))
	for k := range extra {
		if !slices.Contains(declared, k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		e.member(k)
		e.raw(extra[k])
	}
}
