package sunco

import (
	"errors"
	"math"
	"strconv"
	"unicode/utf8"
)

// jsonEncoder appends JSON to buf. Strings are escaped as encoding/json
// escapes them, except that <, > and & are written as they are
// (json.Marshal escapes them again in what a MarshalJSON returns).
type jsonEncoder struct {
	buf []byte
	err error // the first value that cannot be encoded
}

// fail records the first error.
func (e *jsonEncoder) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// null writes null.
func (e *jsonEncoder) null() {
	e.buf = append(e.buf, "null"...)
}

// member writes the key of an object member, preceded by a comma unless
// it is the object's first.
func (e *jsonEncoder) member(key string) {
	e.comma()
	e.buf = appendJSONString(e.buf, key)
	e.buf = append(e.buf, ':')
}

// comma separates a value from the one before it in the same object or
// array.
func (e *jsonEncoder) comma() {
	if n := len(e.buf); n > 0 && e.buf[n-1] != '{' && e.buf[n-1] != '[' {
		e.buf = append(e.buf, ',')
	}
}

// raw writes JSON that comes from outside the encoder (Extra, the Raw of
// an Unknown variant) after checking it is well formed; empty is null.
func (e *jsonEncoder) raw(data []byte) {
	if len(data) == 0 {
		e.null()
		return
	}
	l := jsonLexer{data: data}
	l.skip()
	l.end()
	if err := l.error(); err != nil {
		e.fail(errors.New(sdkName + ": encoding a raw value: " + err.Error()))
		return
	}
	e.buf = append(e.buf, data...)
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string: invalid UTF-8 becomes
// \ufffd, and U+2028 and U+2029 are escaped, as encoding/json does.
func appendJSONString[S ~string | ~[]byte](b []byte, s S) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if stringSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(len(s), i+utf8.UTFMax)]))
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendJSONFloat appends f as encoding/json writes a float64: the
// shortest decimal that reads back as f, with an exponent only for very
// large or small magnitudes.
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, errors.New(sdkName + ": cannot encode " + strconv.FormatFloat(f, 'g', -1, 64) + " as JSON")
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 becomes e-9, as in encoding/json.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}
