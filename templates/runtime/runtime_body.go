package sunco

import (
	"bytes"
	"context"
	"encoding/json"
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
// neither JSON, a form nor a multipart upload.
type rawBody struct {
	Reader      io.Reader
	ContentType string
}

// requestBody produces the body of each attempt of one request.
type requestBody struct {
	contentType string

	json []byte // encoded once; every attempt re-sends these bytes

	file       *multipartFile
	head, tail string    // multipart envelope around file.Reader
	seeker     io.Seeker // non-nil when file.Reader can be rewound to start
	start      int64
	length     int64       // whole multipart body, -1 when unknown
	current    *lentReader // file.Reader as lent to the latest attempt
}

// newRequestBody encodes a JSON body or prepares a multipart one.
func newRequestBody(req *request) (*requestBody, error) {
	switch {
	case req.Body != nil && req.Multipart != nil:
		return nil, errors.New("sunco: request has both a JSON and a multipart body")
	case req.Body != nil:
		data, err := json.Marshal(req.Body)
		if err != nil {
			return nil, fmt.Errorf("sunco: encoding request body: %w", err)
		}
		return &requestBody{contentType: "application/json", json: data}, nil
	case req.Multipart != nil:
		return newMultipartBody(req.Multipart)
	case req.Form != nil:
		return &requestBody{contentType: "application/x-www-form-urlencoded", json: []byte(req.Form.Encode())}, nil
	case req.Raw != nil:
		// Sent once, like a multipart upload from a Reader that cannot seek.
		return &requestBody{contentType: req.Raw.ContentType, file: &multipartFile{Reader: req.Raw.Reader}, length: -1}, nil
	}
	return &requestBody{}, nil
}

// newMultipartBody prepares the multipart envelope. The body of an attempt
// is head, then f.Reader, then tail, chained by io.MultiReader: the file is
// streamed straight from the caller's Reader, with no copy and no goroutine.
func newMultipartBody(f *multipartFile) (*requestBody, error) {
	if f.Reader == nil {
		return nil, errors.New("sunco: upload has no Reader")
	}
	if f.FieldName == "" {
		return nil, errors.New("sunco: upload has no form field name")
	}
	contentType := f.ContentType
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	// Also rejects CR and LF, which would inject part headers.
	if _, _, err := mime.ParseMediaType(contentType); err != nil {
		return nil, fmt.Errorf("sunco: upload content type: %w", err)
	}

	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	h := make(textproto.MIMEHeader)
	h.Set("Content-Disposition", multipart.FileContentDisposition(f.FieldName, f.FileName))
	h.Set("Content-Type", contentType)
	// Writes to a bytes.Buffer cannot fail.
	_, _ = mw.CreatePart(h)
	head := buf.String()
	buf.Reset()
	_ = mw.Close()
	tail := buf.String()

	b := &requestBody{
		contentType: mw.FormDataContentType(),
		file:        f,
		head:        head,
		tail:        tail,
		length:      -1,
	}
	// A Seeker that cannot report its offset (a pipe behind *os.File) is
	// treated as a plain Reader.
	if s, ok := f.Reader.(io.Seeker); ok {
		if start, err := s.Seek(0, io.SeekCurrent); err == nil {
			if end, err := s.Seek(0, io.SeekEnd); err == nil && end >= start {
				// A known length spares the server a chunked upload and
				// lets it refuse an oversized file before it is sent.
				b.length = int64(len(head)) + end - start + int64(len(tail))
			}
			if _, err := s.Seek(start, io.SeekStart); err != nil {
				return nil, fmt.Errorf("sunco: upload: %w", err)
			}
			b.seeker, b.start = s, start
		}
	}
	return b, nil
}

// replayable reports whether the body can be sent again.
func (b *requestBody) replayable() bool {
	return b.file == nil || b.seeker != nil
}

// newHTTPRequest builds the request of the next attempt.
func (b *requestBody) newHTTPRequest(ctx context.Context, method, target string) (*http.Request, error) {
	switch {
	case b.json != nil:
		// A *bytes.Reader gives the request its ContentLength and a GetBody,
		// so net/http can also replay it on redirects.
		return http.NewRequestWithContext(ctx, method, target, bytes.NewReader(b.json))
	case b.file != nil:
		if b.current != nil {
			// The previous attempt's Read may still be running in a
			// net/http goroutine; wait for it before moving the offset.
			b.current.reclaim()
			if _, err := b.seeker.Seek(b.start, io.SeekStart); err != nil {
				return nil, fmt.Errorf("sunco: rewinding upload: %w", err)
			}
		}
		b.current = &lentReader{r: io.MultiReader(strings.NewReader(b.head), b.file.Reader, strings.NewReader(b.tail))}
		r, err := http.NewRequestWithContext(ctx, method, target, b.current)
		if err != nil {
			return nil, err
		}
		r.ContentLength = b.length
		return r, nil
	}
	return http.NewRequestWithContext(ctx, method, target, nil)
}

// release ends the current attempt's use of the upload Reader without
// waiting, so a Read stuck in it cannot delay the caller.
func (b *requestBody) release() {
	if b.current != nil {
		b.current.Close()
	}
}

// errReaderReclaimed stops net/http from reading an upload after its
// attempt has ended.
var errReaderReclaimed = errors.New("sunco: upload body no longer available to this attempt")

// lentReader lends the upload Reader to one attempt. net/http may read a
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
