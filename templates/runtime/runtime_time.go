package sunco

import (
	"bytes"
	"errors"
	"time"
)

// Timestamps are time.Time values, written in JSON as RFC 3339 text.
// Decoding is lenient: text that is not a timestamp does not fit, so it
// stays in the struct's Extra and the field stays zero. A timestamp the
// SDK would write differently than it was received (2020-01-02T03:04:05.000Z
// is written 2020-01-02T03:04:05Z) keeps its text in the struct, which
// encoding writes again as long as the field holds the same time.

// timeLayout is the form a timestamp is read in and written in: RFC 3339,
// with as many fractional digits as it needs.
const timeLayout = time.RFC3339Nano

// readTime reads a string holding a timestamp into *v and returns its
// text; it reports false, leaving *v as it is, for anything else.
func readTime(v *time.Time, l *jsonLexer) ([]byte, bool) {
	if l.next() != '"' {
		return nil, false
	}
	s, ok := l.readString(&l.strBuf)
	if !ok {
		return nil, false
	}
	t, err := time.Parse(timeLayout, string(s))
	if err != nil {
		return nil, false
	}
	*v = t
	return s, true
}

// decodeTime decodes a timestamp.
func decodeTime(v *time.Time, l *jsonLexer) bool {
	_, ok := readTime(v, l)
	return ok
}

// encodeTime writes a timestamp; a year RFC 3339 cannot write is an error,
// as in encoding/json.
func encodeTime(v *time.Time, e *jsonEncoder) {
	if y := v.Year(); y < 0 || y > 9999 {
		e.fail(errors.New(sdkName + ": timestamp year outside of range [0,9999]"))
		return
	}
	e.buf = append(e.buf, '"')
	e.buf = v.AppendFormat(e.buf, timeLayout)
	e.buf = append(e.buf, '"')
}

// formatTime is a timestamp as a query or header parameter value.
func formatTime(t time.Time) string {
	return t.Format(timeLayout)
}

// timeTexts are the texts of the timestamps a struct was decoded from
// that encodeTime would write differently, by member key.
type timeTexts []timeText

type timeText struct {
	key   string
	value time.Time
	text  string
}

// decoder decodes the timestamp of member key, keeping its text in ts
// when encodeTime would write it differently.
func (ts *timeTexts) decoder(key string) func(*time.Time, *jsonLexer) bool {
	return func(v *time.Time, l *jsonLexer) bool {
		text, ok := readTime(v, l)
		if ok {
			ts.keep(key, *v, text)
		}
		return ok
	}
}

func (ts *timeTexts) keep(key string, v time.Time, text []byte) {
	i := 0
	for i < len(*ts) && (*ts)[i].key != key {
		i++
	}
	var buf [40]byte
	if canonicalTime(text) || bytes.Equal(v.AppendFormat(buf[:0], timeLayout), text) {
		if i < len(*ts) {
			*ts = append((*ts)[:i], (*ts)[i+1:]...)
		}
		return
	}
	kept := timeText{key: key, value: v, text: string(text)}
	if i < len(*ts) {
		(*ts)[i] = kept
		return
	}
	*ts = append(*ts, kept)
}

// canonicalTime reports, without formatting it again, that a timestamp
// read from text is written the same: in UTC (Z) and with at most nine
// fractional digits, the last not 0, as most are. It may say false of one
// that is.
func canonicalTime(text []byte) bool {
	const seconds = len("2006-01-02T15:04:05")
	n := len(text)
	if n < seconds+1 || text[10] != 'T' || text[n-1] != 'Z' {
		return false
	}
	fraction := text[seconds : n-1]
	switch {
	case len(fraction) == 0:
		return true
	case fraction[0] != '.' || len(fraction) < 2 || len(fraction) > 10 || fraction[len(fraction)-1] == '0':
		return false
	}
	for _, c := range fraction[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// encoder encodes the timestamp of member key: as the text it was decoded
// from while it holds the same time in the same location, else as
// encodeTime does.
func (ts timeTexts) encoder(key string) func(*time.Time, *jsonEncoder) {
	return func(v *time.Time, e *jsonEncoder) {
		for _, t := range ts {
			if t.key == key && t.value.Equal(*v) && t.value.Location() == v.Location() {
				e.buf = appendJSONString(e.buf, t.text)
				return
			}
		}
		encodeTime(v, e)
	}
}
