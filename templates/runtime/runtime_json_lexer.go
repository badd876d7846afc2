package sunco

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// maxJSONDepth is how deeply arrays and objects may nest, as in
// encoding/json: a document nested deeper is malformed.
const maxJSONDepth = 10000

// jsonLexer reads one JSON document in a single pass over its bytes. It
// accepts exactly what encoding/json accepts and decodes strings as it
// does (invalid UTF-8 and lone surrogates become U+FFFD).
//
// The first syntax error sticks: it is kept in err, the lexer jumps to the
// end of the input, and every later read fails, so decoders need not
// check for errors after each step; the caller checks err once at the end.
// Readers that find a value of another kind than they want report false
// and consume nothing.
type jsonLexer struct {
	data  []byte
	pos   int
	depth int // arrays and objects entered and not yet left
	// err is the first syntax error, if any, with an empty Path: the
	// path is worked out only when the error is returned (see error).
	err *jsonError
	// key is the key of the member nextMember has just read: a part of
	// data, or of keyBuf when the key has escapes. A nested read may
	// overwrite it.
	key    []byte
	keyBuf []byte
	strBuf []byte // the unescaped string last read, when it had escapes
	tagBuf []byte // the discriminator value last looked ahead for

	interned *internTables // made on the first string read
	// Slabs of the values optional fields point to, allocated in bulk
	// (see newValue).
	stringSlab  []string
	boolSlab    []bool
	float64Slab []float64
}

// internTables are the short strings a decode has made, by hash (see
// text), and the same boxed as free-form values (see box).
type internTables struct {
	strings [256]string
	boxes   [256]any
}

func (l *jsonLexer) tables() *internTables {
	if l.interned == nil {
		l.interned = new(internTables)
	}
	return l.interned
}

// maxInterned is the length of the longest string text interns.
const maxInterned = 32

// text returns b as a string. Short strings repeat in API data (enum
// values, ids, metadata keys), so they are interned for the length of a
// decode: the same bytes give the same string, allocated once.
func (l *jsonLexer) text(b []byte) string {
	if len(b) == 0 || len(b) > maxInterned {
		return string(b)
	}
	slot := &l.tables().strings[internHash(b)]
	if *slot != string(b) {
		*slot = string(b)
	}
	return *slot
}

// box returns s, the result of text, as an any holding a T, reusing the
// box of an earlier equal value: boxing a string allocates too.
func box[T ~string](l *jsonLexer, s T) any {
	if len(s) == 0 || len(s) > maxInterned {
		return s
	}
	slot := &l.tables().boxes[internHash([]byte(s))]
	if v, ok := (*slot).(T); !ok || v != s {
		*slot = s
	}
	return *slot
}

// internHash picks the slot of a short string in the intern tables from
// its length and its first and last bytes, which is where ids, times and
// keys differ.
func internHash(b []byte) uint32 {
	var x uint64
	if n := len(b); n >= 8 {
		x = binary.LittleEndian.Uint64(b) ^ binary.LittleEndian.Uint64(b[n-8:])*0x9E3779B97F4A7C15
	} else {
		for _, c := range b {
			x = x<<8 | uint64(c)
		}
	}
	x ^= uint64(len(b))
	x *= 0xFF51AFD7ED558CCD
	return uint32(x>>56) % 256
}

// slabSize is how many values of one kind newValue allocates at a time.
const slabSize = 32

// take returns a pointer to the next value of *slab, refilling it when
// empty.
func take[T any](slab *[]T) *T {
	if len(*slab) == 0 {
		*slab = make([]T, slabSize)
	}
	p := &(*slab)[0]
	*slab = (*slab)[1:]
	return p
}

// jsonError is malformed JSON. Path is where the error is in the document
// (events[3].payload), empty at the top level.
type jsonError struct {
	Path   string
	Offset int // of the offending byte
	Msg    string
}

func (e *jsonError) Error() string {
	s := "invalid JSON at offset " + strconv.Itoa(e.Offset) + ": " + e.Msg
	if e.Path != "" {
		return e.Path + ": " + s
	}
	return s
}

// fail records a syntax error at the current position, unless one is
// already recorded, and moves to the end of the input.
func (l *jsonLexer) fail(msg string) {
	if l.err == nil {
		l.err = &jsonError{Offset: l.pos, Msg: msg}
	}
	l.pos = len(l.data)
}

// error returns the syntax error met, if any, with its path.
func (l *jsonLexer) error() error {
	if l.err == nil {
		return nil
	}
	if l.err.Path == "" {
		l.err.Path = jsonPathAt(l.data, l.err.Offset)
	}
	return l.err
}

// failChar reports an unexpected byte, or the end of the input.
func (l *jsonLexer) failChar(context string) {
	if l.pos >= len(l.data) {
		l.fail("unexpected end of JSON input")
		return
	}
	l.fail("invalid character " + quoteChar(l.data[l.pos]) + " " + context)
}

// quoteChar formats c as encoding/json does in its error messages.
func quoteChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

// next skips whitespace and returns the next byte without consuming it,
// or 0 at the end of the input.
func (l *jsonLexer) next() byte {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		if c > ' ' {
			return c
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return c
		}
		l.pos++
	}
	return 0
}

// end checks that nothing but whitespace follows the top-level value.
func (l *jsonLexer) end() {
	if l.next(); l.pos < len(l.data) {
		l.failChar("after top-level value")
	}
}

// previous returns the last byte before pos that is not whitespace.
func (l *jsonLexer) previous() byte {
	for i := l.pos - 1; i >= 0; i-- {
		if c := l.data[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return c
		}
	}
	return 0
}

func (l *jsonLexer) enter() {
	l.pos++
	if l.depth++; l.depth > maxJSONDepth {
		l.pos--
		l.fail("exceeded max depth")
	}
}

// enterObject consumes the '{' of an object; it reports false, consuming
// nothing, when the next value is not an object.
func (l *jsonLexer) enterObject() bool {
	if l.next() != '{' {
		return false
	}
	l.enter()
	return l.err == nil
}

// nextMember reads the key of the next member of the object entered last
// into l.key, and the colon after it. It reports false, having consumed
// the closing '}', when the object has no more members.
func (l *jsonLexer) nextMember() bool {
	switch l.next() {
	case '}':
		if l.previous() == ',' {
			l.failChar("looking for beginning of object key string")
			return false
		}
		l.pos++
		l.depth--
		return false
	case ',':
		if l.previous() == '{' {
			l.failChar("looking for beginning of object key string")
			return false
		}
		l.pos++
		if l.next() != '"' {
			l.failChar("looking for beginning of object key string")
			return false
		}
	case '"':
		if l.previous() != '{' {
			l.failChar("after object key:value pair")
			return false
		}
	default:
		if l.previous() == '{' {
			l.failChar("looking for beginning of object key string")
		} else {
			l.failChar("after object key:value pair")
		}
		return false
	}
	key, ok := l.readString(&l.keyBuf)
	if !ok {
		return false
	}
	if l.next() != ':' {
		l.failChar("after object key")
		return false
	}
	l.pos++
	l.key = key
	return true
}

// enterArray consumes the '[' of an array; it reports false, consuming
// nothing, when the next value is not an array.
func (l *jsonLexer) enterArray() bool {
	if l.next() != '[' {
		return false
	}
	l.enter()
	return l.err == nil
}

// nextElement moves to the next element of the array entered last. It
// reports false, having consumed the closing ']', when there is none.
func (l *jsonLexer) nextElement() bool {
	switch l.next() {
	case ']':
		if l.previous() == ',' {
			l.failChar("looking for beginning of value")
			return false
		}
		l.pos++
		l.depth--
		return false
	case ',':
		if l.previous() == '[' {
			l.failChar("looking for beginning of value")
			return false
		}
		l.pos++
		return true
	}
	if l.pos >= len(l.data) {
		l.failChar("")
		return false
	}
	if l.previous() != '[' {
		l.failChar("after array element")
		return false
	}
	return true
}

// stringSafe marks the bytes a string can hold as they are: not a quote,
// backslash, control character or the start of a multi-byte sequence.
var stringSafe = func() (t [256]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// readString reads the string at pos, which is '"', and returns its
// content: a part of data when it needs no unescaping, else a part of
// *buf, which it reuses.
func (l *jsonLexer) readString(buf *[]byte) ([]byte, bool) {
	data := l.data
	start := l.pos + 1
	i := start
	for i+8 <= len(data) && !hasSpecialByte(binary.LittleEndian.Uint64(data[i:])) {
		i += 8
	}
	for i < len(data) && stringSafe[data[i]] {
		i++
	}
	if i < len(data) && data[i] == '"' {
		l.pos = i + 1
		return data[start:i], true
	}
	// Escapes, multi-byte sequences or an error: the careful way.
	clean := true // no escapes and valid UTF-8 so far
	for i < len(data) {
		c := data[i]
		switch {
		case stringSafe[c]:
			i++
		case c == '"':
			l.pos = i + 1
			if clean {
				return data[start:i], true
			}
			return l.unescape(data[start:i], buf), true
		case c == '\\':
			clean = false
			n := escapeLen(data[i:])
			if n <= 0 {
				l.pos = i - n
				l.failChar("in string escape code")
				return nil, false
			}
			i += n
		case c < ' ':
			l.pos = i
			l.failChar("in string literal")
			return nil, false
		default:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				clean = false
			}
			i += size
		}
	}
	l.pos = len(data)
	l.failChar("")
	return nil, false
}

// hasSpecialByte reports whether one of the 8 bytes of x is not safe in
// a string (see stringSafe). It may report a safe byte after a special
// one, never the reverse, which is all the fast path needs.
func hasSpecialByte(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	quote := x ^ ones*'"'
	backslash := x ^ ones*'\\'
	return ((quote-ones)&^quote|(backslash-ones)&^backslash|(x-ones*' ')&^x|x)&highs != 0
}

// escapeLen returns the length of the escape sequence at the start of s,
// or -k when the byte at offset k of s makes it invalid.
func escapeLen(s []byte) int {
	if len(s) < 2 {
		return -1
	}
	switch s[1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2
	case 'u':
		for k := 2; k < 6; k++ {
			if k >= len(s) || hexValue(s[k]) < 0 {
				return -k
			}
		}
		return 6
	}
	return -1
}

func hexValue(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// unescape decodes the content s of a valid string literal into *buf as
// encoding/json does: escapes are resolved, invalid UTF-8 and unpaired
// surrogates become U+FFFD.
func (l *jsonLexer) unescape(s []byte, buf *[]byte) []byte {
	b := (*buf)[:0]
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			switch s[i+1] {
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r := u4(s[i:])
				i += 6
				if utf16.IsSurrogate(r) {
					if r2 := u4(s[i:]); r2 >= 0 {
						if pair := utf16.DecodeRune(r, r2); pair != utf8.RuneError {
							b = utf8.AppendRune(b, pair)
							i += 6
							continue
						}
					}
					r = utf8.RuneError
				}
				b = utf8.AppendRune(b, r)
				continue
			default: // '"', '\\', '/'
				b = append(b, s[i+1])
			}
			i += 2
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(s[i:])
			b = utf8.AppendRune(b, r)
			i += size
		}
	}
	*buf = b
	return b
}

// u4 decodes the \uXXXX escape at the start of s, or returns -1.
func u4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range s[2:6] {
		v := hexValue(c)
		if v < 0 {
			return -1
		}
		r = r<<4 | v
	}
	return r
}

// readNumber reads the number at pos and returns its literal, or nil
// after a syntax error.
func (l *jsonLexer) readNumber() []byte {
	data := l.data
	start := l.pos
	i := start
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && '1' <= data[i] && data[i] <= '9':
		for i++; i < len(data) && isDigit(data[i]); i++ {
		}
	default:
		l.pos = i
		l.failChar("in numeric literal")
		return nil
	}
	if i < len(data) && data[i] == '.' {
		i++
		if i >= len(data) || !isDigit(data[i]) {
			l.pos = i
			l.failChar("after decimal point in numeric literal")
			return nil
		}
		for i++; i < len(data) && isDigit(data[i]); i++ {
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || !isDigit(data[i]) {
			l.pos = i
			l.failChar("in exponent of numeric literal")
			return nil
		}
		for i++; i < len(data) && isDigit(data[i]); i++ {
		}
	}
	l.pos = i
	return data[start:i]
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// readLiteral consumes lit (true, false or null), which the next byte
// starts.
func (l *jsonLexer) readLiteral(lit string) bool {
	for k := 0; k < len(lit); k++ {
		if l.pos >= len(l.data) || l.data[l.pos] != lit[k] {
			l.failChar("in literal " + lit + " (expecting " + quoteChar(lit[k]) + ")")
			return false
		}
		l.pos++
	}
	return true
}

// skip reads past the next value, checking that it is well formed.
func (l *jsonLexer) skip() {
	switch c := l.next(); c {
	case '{':
		if l.enterObject() {
			for l.nextMember() {
				l.skip()
			}
		}
	case '[':
		if l.enterArray() {
			for l.nextElement() {
				l.skip()
			}
		}
	case '"':
		l.readString(&l.strBuf)
	case 't':
		l.readLiteral("true")
	case 'f':
		l.readLiteral("false")
	case 'n':
		l.readLiteral("null")
	default:
		if c == '-' || isDigit(c) {
			l.readNumber()
			return
		}
		l.failChar("looking for beginning of value")
	}
}

// lastMember returns the offset just past the key of the last member
// named key of the object at pos, or -1 when it has none; complete is
// false when the object ends before its closing brace. It reads only as
// much as it needs to find keys and the object's end, without checking
// that the object is well formed, and consumes nothing.
func (l *jsonLexer) lastMember(key string) (at int, complete bool) {
	data := l.data
	at = -1
	depth := 0
	keyNext := false // the next string at depth 1 is a key
	for i := l.pos; i < len(data); i++ {
		switch data[i] {
		case '"':
			end := stringEnd(data, i)
			if end < 0 {
				return at, false
			}
			if depth == 1 && keyNext {
				if l.keyIs(data[i+1:end], key) {
					at = end + 1
				}
				keyNext = false
			}
			i = end
		case '{', '[':
			depth++
			keyNext = depth == 1
		case '}', ']':
			depth--
			if depth == 0 {
				return at, true
			}
		case ',':
			keyNext = depth == 1
		}
	}
	return at, false
}

// stringEnd returns the offset of the quote that closes the string whose
// opening quote is at start, or -1 when there is none.
func stringEnd(data []byte, start int) int {
	for i := start + 1; i < len(data); i++ {
		j := bytes.IndexByte(data[i:], '"')
		if j < 0 {
			return -1
		}
		i += j
		backslashes := 0
		for k := i - 1; k > start && data[k] == '\\'; k-- {
			backslashes++
		}
		if backslashes%2 == 0 {
			return i
		}
	}
	return -1
}

// keyIs reports whether raw, the content of a string literal that may be
// malformed, reads as key.
func (l *jsonLexer) keyIs(raw []byte, key string) bool {
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw) == key
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\\' {
			n := escapeLen(raw[i:])
			if n <= 0 {
				return false
			}
			i += n - 1
		}
	}
	return string(l.unescape(raw, &l.keyBuf)) == key
}

// raw reads past the next value and returns its bytes, or nil after a
// syntax error. They are a part of data: copy them to keep them.
func (l *jsonLexer) raw() []byte {
	l.next()
	start := l.pos
	l.skip()
	if l.err != nil {
		return nil
	}
	return l.data[start:l.pos]
}

// jsonPathAt returns where offset is in data, whose bytes before offset
// are well-formed JSON, as a path of keys and indexes such as
// events[3].payload; it is called only to describe an error.
func jsonPathAt(data []byte, offset int) string {
	type frame struct {
		array bool
		index int
		key   []byte // nil while the object's next key is not read
	}
	var stack []frame
	var buf []byte
	l := jsonLexer{data: data}
	for i := 0; i < offset && i < len(data); i++ {
		switch data[i] {
		case '{':
			stack = append(stack, frame{})
		case '[':
			stack = append(stack, frame{array: true})
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case ',':
			if len(stack) > 0 {
				if top := &stack[len(stack)-1]; top.array {
					top.index++
				} else {
					top.key = nil
				}
			}
		case '"':
			l.pos = i
			s, ok := l.readString(&buf)
			if !ok || l.pos > offset {
				i = offset
				break
			}
			if n := len(stack); n > 0 && !stack[n-1].array && stack[n-1].key == nil {
				stack[n-1].key = append([]byte{}, s...)
			}
			i = l.pos - 1
		}
	}
	// Only the innermost elements of a very deep path are named.
	const maxFrames = 12
	var b strings.Builder
	if len(stack) > maxFrames {
		b.WriteString("…")
		stack = stack[len(stack)-maxFrames:]
	}
	for _, f := range stack {
		switch {
		case f.array:
			b.WriteString("[" + strconv.Itoa(f.index) + "]")
		case f.key != nil:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.Write(f.key)
		}
	}
	return b.String()
}
