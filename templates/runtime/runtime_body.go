package sunco

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"sync"
	"sync/atomic"
)

// multipartFile is a file uploaded as the only part of a multipart/form-data
// body. Reader is streamed, never buffered whole, and never closed; if it is
// also an io.Seeker the upload can be retried from its current offset,
// otherwise it is sent once.
type multipartFile struct {
	FieldName   string // form field name of the file part, e.g. "source"
	FileName    string
	ContentType string // of the part; default application/octet-stream
	Reader      io.Reader
}

// rawBody is a request body sent as is, for operations whose body is
// neither JSON nor a form (application/octet-stream, for example). Reader is
// streamed, never buffered whole, and never closed; if it is also an
// io.Seeker the request can be retried from its current offset, otherwise
// it is sent once.
type rawBody struct {
	Reader      io.Reader
	ContentType string // default application/octet-stream
}

// requestBody produces the body of each attempt of one request.
type requestBody struct {
	contentType string // "" when there is no body

	data []byte // a JSON or form body, encoded once; every attempt re-sends these bytes

	// A streamed body: head, then reader, then tail.
	reader     io.Reader
	head, tail string
	seeker     io.Seeker // non-nil when reader can be rewound to start
	start      int64
	length     int64       // whole body, -1 when unknown
	current    *lentReader // reader as lent to the latest attempt
}

// newRequestBody encodes a JSON or form body, or prepares a streamed one.
func newRequestBody(req *request) (*requestBody, error) {
	if n := countBodies(req); n > 1 {
		return nil, fmt.Errorf(sdkName+": request has %d bodies; at most one of JSON, multipart, form and raw is allowed", n)
	}
	switch {
	case req.Body != nil:
		data, err := marshalRequestBody(req.Body)
		if err != nil {
			return nil, fmt.Errorf(sdkName+": encoding request body: %w", err)
		}
		return &requestBody{contentType: "application/json", data: data}, nil
	case req.Multipart != nil:
		return newMultipartBody(req.Multipart)
	case req.Form != nil:
		return &requestBody{contentType: "application/x-www-form-urlencoded", data: []byte(req.Form.Encode())}, nil
	case req.Raw != nil:
		return newRawBody(req.Raw)
	}
	return &requestBody{}, nil
}

// countBodies returns how many of req's bodies are set.
func countBodies(req *request) int {
	n := 0
	for _, set := range []bool{req.Body != nil, req.Multipart != nil, req.Form != nil, req.Raw != nil} {
		if set {
			n++
		}
	}
	return n
}

// newMultipartBody prepares the multipart envelope. The body of an attempt
// is head, then f.Reader, then tail, chained by io.MultiReader: the file is
// streamed straight from the caller's Reader, with no copy and no goroutine.
func newMultipartBody(f *multipartFile) (*requestBody, error) {
	if f.Reader == nil {
		return nil, errors.New(sdkName + ": upload has no Reader")
	}
	if f.FieldName == "" {
		return nil, errors.New(sdkName + ": upload has no form field name")
	}
	contentType, err := mediaType(f.ContentType)
	if err != nil {
		return nil, fmt.Errorf(sdkName+": upload content type: %w", err)
	}

	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	h := make(textproto.MIMEHeader)
	h.Set("Content-Disposition", fileDisposition(f.FieldName, f.FileName))
	h.Set("Content-Type", contentType)
	// Writes to a bytes.Buffer cannot fail.
	_, _ = mw.CreatePart(h)
	head := buf.String()
	buf.Reset()
	_ = mw.Close()
	tail := buf.String()

	return newStreamedBody(mw.FormDataContentType(), head, f.Reader, tail)
}

// fileDisposition returns the Content-Disposition header of a file part,
// written by the SDK rather than by mime/multipart: before Go 1.26,
// multipart.FileContentDisposition let CR and LF through, so a file name
// could end the part's header and forge another.
func fileDisposition(field, filename string) string {
	return `form-data; name="` + escapeParam(field) + `"; filename="` + escapeParam(filename) + `"`
}

// escapeParam percent-encodes the bytes of a quoted parameter that could
// end the quoted string or the header: '"' and every control character,
// CR and LF among them, as browsers encode form data (WHATWG HTML's
// multipart/form-data encoding algorithm); and '\\', so that a parser
// that takes it as an escape reads the same name.
func escapeParam(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < ' ', c == 0x7f, c == '"', c == '\\':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// newRawBody prepares a body that is raw.Reader alone.
func newRawBody(raw *rawBody) (*requestBody, error) {
	if raw.Reader == nil {
		return nil, errors.New(sdkName + ": raw request body has no Reader")
	}
	contentType, err := mediaType(raw.ContentType)
	if err != nil {
		return nil, fmt.Errorf(sdkName+": raw request body content type: %w", err)
	}
	return newStreamedBody(contentType, "", raw.Reader, "")
}

// mediaType validates a content type, application/octet-stream when empty.
// Parsing also rejects CR and LF, which would inject headers.
func mediaType(contentType string) (string, error) {
	if contentType == "" {
		return "application/octet-stream", nil
	}
	if _, _, err := mime.ParseMediaType(contentType); err != nil {
		return "", err
	}
	return contentType, nil
}

// newStreamedBody prepares a body that is head, then r, then tail.
func newStreamedBody(contentType, head string, r io.Reader, tail string) (*requestBody, error) {
	b := &requestBody{
		contentType: contentType,
		reader:      r,
		head:        head,
		tail:        tail,
		length:      -1,
	}
	// A Seeker that cannot report its offset (a pipe behind *os.File) is
	// treated as a plain Reader.
	if s, ok := r.(io.Seeker); ok {
		if start, err := s.Seek(0, io.SeekCurrent); err == nil {
			if end, err := s.Seek(0, io.SeekEnd); err == nil && end >= start {
				// A known length spares the server a chunked upload and
				// lets it refuse an oversized body before it is sent.
				b.length = int64(len(head)) + end - start + int64(len(tail))
			}
			if _, err := s.Seek(start, io.SeekStart); err != nil {
				return nil, fmt.Errorf(sdkName+": request body: %w", err)
			}
			b.seeker, b.start = s, start
		}
	}
	return b, nil
}

// replayable reports whether the body can be sent again.
func (b *requestBody) replayable() bool {
	return b.reader == nil || b.seeker != nil
}

// newHTTPRequest builds the request of the next attempt.
func (b *requestBody) newHTTPRequest(ctx context.Context, method, target string) (*http.Request, error) {
	switch {
	case b.reader != nil:
		if b.current != nil {
			// The previous attempt's Read may still be running in a
			// net/http goroutine; wait for it before moving the offset.
			b.current.reclaim()
			if _, err := b.seeker.Seek(b.start, io.SeekStart); err != nil {
				return nil, fmt.Errorf(sdkName+": rewinding request body: %w", err)
			}
		}
		b.current = &lentReader{r: io.MultiReader(strings.NewReader(b.head), b.reader, strings.NewReader(b.tail))}
		r, err := http.NewRequestWithContext(ctx, method, target, b.current)
		if err != nil {
			return nil, err
		}
		r.ContentLength = b.length
		return r, nil
	case b.contentType != "":
		// A *bytes.Reader gives the request its ContentLength and a GetBody,
		// so net/http can also replay it on redirects.
		return http.NewRequestWithContext(ctx, method, target, bytes.NewReader(b.data))
	}
	return http.NewRequestWithContext(ctx, method, target, nil)
}

// release ends the current attempt's use of the streamed Reader without
// waiting, so a Read stuck in it cannot delay the caller.
func (b *requestBody) release() {
	if b.current != nil {
		b.current.Close()
	}
}

// errReaderReclaimed stops net/http from reading a streamed body after its
// attempt has ended.
var errReaderReclaimed = errors.New(sdkName + ": request body no longer available to this attempt")

// lentReader lends a streamed body's Reader to one attempt. net/http may read a
// request body from its own goroutine, even after the round trip returned;
// once closed, a lentReader makes no further Read of the Reader.
type lentReader struct {
	r       io.Reader
	reading sync.Mutex // held during each Read
	closed  atomic.Bool
}

// Read reads from the lent Reader until the lentReader is closed.
func (l *lentReader) Read(p []byte) (int, error) {
	l.reading.Lock()
	defer l.reading.Unlock()
	if l.closed.Load() {
		return 0, errReaderReclaimed
	}
	return l.r.Read(p)
}

// Close stops later Reads. It does not wait for one in progress, because
// net/http calls it on paths, such as cancellation, that must not block.
func (l *lentReader) Close() error {
	l.closed.Store(true)
	return nil
}

// reclaim closes l and waits for a Read in progress to return, after which
// the Reader is the caller's again.
func (l *lentReader) reclaim() {
	l.reading.Lock()
	l.closed.Store(true)
	l.reading.Unlock()
}
