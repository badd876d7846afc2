package sunco

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pattern is an endless reader of a deterministic byte sequence.
type pattern struct{ off int64 }

func (p *pattern) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = byte(p.off % 251)
		p.off++
	}
	return len(b), nil
}

// upload is what a server saw of a multipart upload.
type upload struct {
	contentType   string // of the request
	contentLength int64
	fieldName     string
	fileName      string
	partType      string
	content       []byte
}

// readUpload reads a single-file multipart request.
func readUpload(r *http.Request) (upload, error) {
	u := upload{contentType: r.Header.Get("Content-Type"), contentLength: r.ContentLength}
	mr, err := r.MultipartReader()
	if err != nil {
		return u, err
	}
	part, err := mr.NextPart()
	if err != nil {
		return u, err
	}
	u.fieldName, u.fileName, u.partType = part.FormName(), part.FileName(), part.Header.Get("Content-Type")
	if u.content, err = io.ReadAll(part); err != nil {
		return u, err
	}
	if _, err := mr.NextPart(); err != io.EOF {
		return u, errors.New("more than one part")
	}
	return u, nil
}

func TestMultipartStreams(t *testing.T) {
	const size = 8 << 20
	const first = 64 << 10
	want := sha256.New()
	_, err := io.Copy(want, io.LimitReader(&pattern{}, size))
	require.NoError(t, err)

	// The server signals once it has received part of the file; only then
	// does the test write the rest. A client that buffered the Reader
	// before sending would wait for an EOF that never comes.
	serverHasSome := make(chan struct{})
	var got struct {
		sum           []byte
		n             int64
		contentLength int64
		fieldName     string
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mr, err := r.MultipartReader()
		if !assert.NoError(t, err) {
			return
		}
		part, err := mr.NextPart()
		if !assert.NoError(t, err) {
			return
		}
		h := sha256.New()
		n, err := io.CopyN(h, part, first/2)
		assert.NoError(t, err)
		close(serverHasSome)
		m, err := io.Copy(h, part)
		assert.NoError(t, err)
		got.sum, got.n, got.contentLength, got.fieldName = h.Sum(nil), n+m, r.ContentLength, part.FormName()
		w.WriteHeader(http.StatusCreated)
	}))
	t.Cleanup(srv.Close)

	pr, pw := io.Pipe()
	done := make(chan struct{})
	go func() {
		src := io.LimitReader(&pattern{}, size)
		if _, err := io.CopyN(pw, src, first); err != nil {
			return
		}
		select {
		case <-serverHasSome:
		case <-done:
			pw.CloseWithError(errors.New("request ended before the server got the first chunk"))
			return
		}
		_, err := io.Copy(pw, src)
		pw.CloseWithError(err)
	}()

	tr, _ := newTestTransport(t, srv.URL)
	err = tr.do(context.Background(), &request{
		Method:    "POST",
		Path:      "/v2/apps/a/attachments",
		Multipart: &multipartFile{FieldName: "source", FileName: "big.bin", Reader: pr},
	}, nil, nil)
	close(done)
	require.NoError(t, err)
	assert.Equal(t, int64(size), got.n)
	assert.Equal(t, want.Sum(nil), got.sum)
	assert.Equal(t, int64(-1), got.contentLength, "unknown length: chunked")
	assert.Equal(t, "source", got.fieldName)
}

// brokenSeeker is a Reader whose Seek always fails, like *os.File on a pipe.
type brokenSeeker struct{ io.Reader }

func (brokenSeeker) Seek(int64, int) (int64, error) { return 0, errors.New("illegal seek") }

func TestMultipartUpload(t *testing.T) {
	data := []byte("0123456789abcdefghijklmnopqrstuvwxyz")
	tests := []struct {
		name        string
		file        func() *multipartFile
		statuses    []int
		attempts    int
		wantStatus  int
		wantContent []byte
		wantType    string
		wantName    string
		knownLength bool
	}{
		{
			name: "seekable reader is retried from its offset",
			file: func() *multipartFile {
				r := bytes.NewReader(data)
				r.Seek(3, io.SeekStart)
				return &multipartFile{FieldName: "source", FileName: `say "hi".txt`, ContentType: "text/plain", Reader: r}
			},
			statuses:    []int{429, 429, 201},
			attempts:    3,
			wantContent: data[3:],
			wantType:    "text/plain",
			wantName:    "say %22hi%22.txt",
			knownLength: true,
		},
		{
			name: "plain reader is sent once",
			file: func() *multipartFile {
				return &multipartFile{FieldName: "source", FileName: "a.bin", Reader: io.MultiReader(bytes.NewReader(data))}
			},
			statuses:    []int{429, 201},
			attempts:    1,
			wantStatus:  429,
			wantContent: data,
			wantType:    "application/octet-stream",
			wantName:    "a.bin",
		},
		{
			name: "seeker that cannot seek is a plain reader",
			file: func() *multipartFile {
				return &multipartFile{FieldName: "source", FileName: "a.bin", Reader: brokenSeeker{bytes.NewReader(data)}}
			},
			statuses:    []int{201},
			attempts:    1,
			wantContent: data,
			wantType:    "application/octet-stream",
			wantName:    "a.bin",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			var uploads []upload
			var n atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				u, err := readUpload(r)
				assert.NoError(t, err)
				mu.Lock()
				uploads = append(uploads, u)
				mu.Unlock()
				w.WriteHeader(tt.statuses[min(int(n.Add(1))-1, len(tt.statuses)-1)])
			}))
			t.Cleanup(srv.Close)
			tr, _ := newTestTransport(t, srv.URL)
			f := tt.file()
			err := tr.do(context.Background(), &request{Method: "POST", Path: "/v2/apps/a/attachments", Multipart: f}, nil, nil)
			if tt.wantStatus == 0 {
				require.NoError(t, err)
			} else {
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, tt.wantStatus, apiErr.StatusCode)
			}
			require.Len(t, uploads, tt.attempts)
			for _, u := range uploads {
				mediaType, params, err := mime.ParseMediaType(u.contentType)
				require.NoError(t, err)
				assert.Equal(t, "multipart/form-data", mediaType)
				assert.NotEmpty(t, params["boundary"])
				assert.Equal(t, f.FieldName, u.fieldName)
				assert.Equal(t, tt.wantName, u.fileName)
				assert.Equal(t, tt.wantType, u.partType)
				assert.Equal(t, tt.wantContent, u.content)
				assert.Equal(t, tt.knownLength, u.contentLength > 0, "Content-Length %d", u.contentLength)
			}
		})
	}
}

// TestFileDisposition checks that a file name cannot end the part's
// header whatever it holds: quotes, CR, LF and the other control
// characters are percent-encoded, as browsers do, and so is a backslash;
// the rest is sent as it is. (gen/mingo runs an upload on the oldest Go
// the SDK supports, whose mime/multipart let CR and LF through.)
func TestFileDisposition(t *testing.T) {
	tests := []struct {
		name, fileName, want string
	}{
		{name: "plain", fileName: "photo.png", want: "photo.png"},
		{name: "header injection", fileName: "photo.png\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>", want: "photo.png%0D%0AContent-Type: text/html%0D%0A%0D%0A<script>alert(1)</script>"},
		{name: "LF alone", fileName: "a\nX-Evil: 1", want: "a%0AX-Evil: 1"},
		{name: "quotes", fileName: `say "hi".txt`, want: "say %22hi%22.txt"},
		{name: "quote ending the parameter", fileName: `a"; name="other`, want: "a%22; name=%22other"},
		{name: "backslashes", fileName: `C:\dir\a.txt`, want: "C:%5Cdir%5Ca.txt"},
		{name: "trailing backslash", fileName: `a\`, want: "a%5C"},
		{name: "NUL, tab, DEL", fileName: "a\x00b\tc\x7f", want: "a%00b%09c%7F"},
		{name: "UTF-8 and percent kept", fileName: "café 日本 100%.png", want: "café 日本 100%.png"},
		{name: "empty", fileName: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := newMultipartBody(&multipartFile{FieldName: "source", FileName: tt.fileName, ContentType: "image/png", Reader: strings.NewReader("data")})
			require.NoError(t, err)
			disposition, _, _ := strings.Cut(strings.SplitAfterN(b.head, "\r\n", 2)[1], "\r\n")
			assert.Equal(t, `Content-Disposition: form-data; name="source"; filename="`+tt.want+`"`, disposition)

			_, params, err := mime.ParseMediaType(b.contentType)
			require.NoError(t, err)
			mr := multipart.NewReader(strings.NewReader(b.head+"data"+b.tail), params["boundary"])
			part, err := mr.NextPart()
			require.NoError(t, err)
			assert.Equal(t, http.Header{"Content-Disposition": {disposition[len("Content-Disposition: "):]}, "Content-Type": {"image/png"}}, http.Header(part.Header), "the part's only headers")
			_, dp, err := mime.ParseMediaType(part.Header.Get("Content-Disposition"))
			require.NoError(t, err)
			assert.Equal(t, map[string]string{"name": "source", "filename": tt.want}, dp, "as a server reads the parameters")
			content, err := io.ReadAll(part)
			require.NoError(t, err)
			assert.Equal(t, "data", string(content))
			_, err = mr.NextPart()
			assert.Equal(t, io.EOF, err, "one part")
		})
	}
}

func TestRequestBodyErrors(t *testing.T) {
	tests := []struct {
		name    string
		req     request
		wantErr string
	}{
		{name: "json and multipart", req: request{Body: 1, Multipart: &multipartFile{FieldName: "f", Reader: strings.NewReader("")}}, wantErr: "request has 2 bodies"},
		{name: "unencodable json", req: request{Body: func() {}}, wantErr: "encoding request body"},
		{name: "no reader", req: request{Multipart: &multipartFile{FieldName: "f"}}, wantErr: "no Reader"},
		{name: "no field name", req: request{Multipart: &multipartFile{Reader: strings.NewReader("")}}, wantErr: "no form field name"},
		{name: "header injection in content type", req: request{Multipart: &multipartFile{FieldName: "f", ContentType: "text/plain\r\nX-Evil: 1", Reader: strings.NewReader("")}}, wantErr: "upload content type"},
		{name: "form and json", req: request{Body: 1, Form: url.Values{}}, wantErr: "request has 2 bodies"},
		{name: "every body", req: request{Body: 1, Form: url.Values{}, Raw: &rawBody{Reader: strings.NewReader("")}, Multipart: &multipartFile{FieldName: "f", Reader: strings.NewReader("")}}, wantErr: "request has 4 bodies"},
		{name: "raw without reader", req: request{Raw: &rawBody{ContentType: "image/png"}}, wantErr: "sunco: raw request body has no Reader"},
		{name: "raw content type injection", req: request{Raw: &rawBody{Reader: strings.NewReader(""), ContentType: "image/png\r\nX-Evil: 1"}}, wantErr: "sunco: raw request body content type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, seen := recordingServer(t, replyJSON(200, `{}`))
			tr, _ := newTestTransport(t, srv.URL)
			tt.req.Method, tt.req.Path = "POST", "/v2/x"
			require.ErrorContains(t, tr.do(context.Background(), &tt.req, nil, nil), tt.wantErr)
			assert.Empty(t, seen.all())
		})
	}
}

// blockingReader blocks in Read until release is closed.
type blockingReader struct {
	entered, release chan struct{}
	events           *[]string
}

func (b blockingReader) Read(p []byte) (int, error) {
	close(b.entered)
	<-b.release
	*b.events = append(*b.events, "read returned")
	return copy(p, "x"), nil
}

func TestLentReader(t *testing.T) {
	t.Run("no read after close", func(t *testing.T) {
		l := &lentReader{r: strings.NewReader("abc")}
		buf := make([]byte, 1)
		n, err := l.Read(buf)
		require.NoError(t, err)
		assert.Equal(t, 1, n)
		require.NoError(t, l.Close())
		_, err = l.Read(buf)
		assert.ErrorIs(t, err, errReaderReclaimed)
	})
	t.Run("reclaim waits for a read in progress", func(t *testing.T) {
		var events []string
		br := blockingReader{entered: make(chan struct{}), release: make(chan struct{}), events: &events}
		l := &lentReader{r: br}
		readDone := make(chan struct{})
		go func() {
			defer close(readDone)
			l.Read(make([]byte, 1))
		}()
		<-br.entered
		reclaimed := make(chan struct{})
		go func() {
			defer close(reclaimed)
			l.reclaim()
			events = append(events, "reclaimed")
		}()
		close(br.release)
		<-reclaimed
		<-readDone
		assert.Equal(t, []string{"read returned", "reclaimed"}, events)
		_, err := l.Read(make([]byte, 1))
		assert.ErrorIs(t, err, errReaderReclaimed)
	})
}

func TestFormBody(t *testing.T) {
	tests := []struct {
		name     string
		method   string
		form     url.Values
		statuses []int
		attempts int
		wantBody string
	}{
		{name: "encoded and re-sent on retry", method: "POST", form: url.Values{"b c": {"d&e"}, "a": {"1", "2"}}, statuses: []int{429, 429, 200}, attempts: 3, wantBody: "a=1&a=2&b+c=d%26e"},
		{name: "a POST is not retried after a 5xx", method: "POST", form: url.Values{"a": {"1"}}, statuses: []int{503, 200}, attempts: 1, wantBody: "a=1"},
		{name: "empty form", method: "PUT", form: url.Values{}, statuses: []int{503, 200}, attempts: 2, wantBody: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, seen := recordingServer(t, statusSequence(tt.statuses...))
			tr, _ := newTestTransport(t, srv.URL)
			err := tr.do(t.Context(), &request{Method: tt.method, Path: "/v2/x", Form: tt.form}, nil, nil)
			if tt.attempts < len(tt.statuses) {
				require.Error(t, err)
			} else {
				require.NoError(t, err)
			}
			reqs := seen.all()
			require.Len(t, reqs, tt.attempts)
			for _, r := range reqs {
				assert.Equal(t, "application/x-www-form-urlencoded", r.header.Get("Content-Type"))
				assert.Equal(t, tt.wantBody, r.body)
				if tt.wantBody != "" {
					assert.Equal(t, strconv.Itoa(len(tt.wantBody)), r.header.Get("Content-Length"))
				}
			}
		})
	}
}

func TestRawBody(t *testing.T) {
	data := []byte("0123456789abcdefghijklmnopqrstuvwxyz")
	tests := []struct {
		name        string
		method      string
		raw         func() *rawBody
		statuses    []int
		attempts    int
		wantStatus  int // of the *APIError; 0 for success
		wantContent []byte
		wantType    string
		knownLength bool
	}{
		{
			name:   "seekable reader is retried from its offset",
			method: "POST",
			raw: func() *rawBody {
				r := bytes.NewReader(data)
				r.Seek(3, io.SeekStart)
				return &rawBody{Reader: r, ContentType: "image/png"}
			},
			statuses:    []int{429, 429, 201},
			attempts:    3,
			wantContent: data[3:],
			wantType:    "image/png",
			knownLength: true,
		},
		{
			name:        "seekable reader, idempotent method, transient failure",
			method:      "PUT",
			raw:         func() *rawBody { return &rawBody{Reader: bytes.NewReader(data)} },
			statuses:    []int{503, 200},
			attempts:    2,
			wantContent: data,
			wantType:    "application/octet-stream",
			knownLength: true,
		},
		{
			name:        "plain reader is sent once",
			method:      "POST",
			raw:         func() *rawBody { return &rawBody{Reader: io.MultiReader(bytes.NewReader(data))} },
			statuses:    []int{429, 201},
			attempts:    1,
			wantStatus:  429,
			wantContent: data,
			wantType:    "application/octet-stream",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, seen := recordingServer(t, statusSequence(tt.statuses...))
			tr, _ := newTestTransport(t, srv.URL)
			err := tr.do(t.Context(), &request{Method: tt.method, Path: "/v2/x", Raw: tt.raw()}, nil, nil)
			if tt.wantStatus == 0 {
				require.NoError(t, err)
			} else {
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, tt.wantStatus, apiErr.StatusCode)
			}
			reqs := seen.all()
			require.Len(t, reqs, tt.attempts)
			for _, r := range reqs {
				assert.Equal(t, string(tt.wantContent), r.body)
				assert.Equal(t, tt.wantType, r.header.Get("Content-Type"))
				if tt.knownLength {
					assert.Equal(t, strconv.Itoa(len(tt.wantContent)), r.header.Get("Content-Length"))
				} else {
					assert.Empty(t, r.header.Get("Content-Length"), "unknown length: chunked")
				}
			}
		})
	}
}

// seekLimit is a Reader whose Seek fails after its first n calls.
type seekLimit struct {
	*bytes.Reader
	n int
}

func (s *seekLimit) Seek(offset int64, whence int) (int64, error) {
	if s.n == 0 {
		return 0, errors.New("device gone")
	}
	s.n--
	return s.Reader.Seek(offset, whence)
}

func TestRewindFailureEndsTheCall(t *testing.T) {
	srv, seen := recordingServer(t, statusSequence(503, 200))
	tr, waits := newTestTransport(t, srv.URL)
	// newStreamedBody seeks three times to learn the offset and length.
	body := &rawBody{Reader: &seekLimit{Reader: bytes.NewReader([]byte("data")), n: 3}}
	err := tr.do(t.Context(), &request{Method: "PUT", Path: "/v2/x", Raw: body}, nil, nil)
	assert.EqualError(t, err, "sunco: rewinding request body: device gone")
	assert.Len(t, seen.all(), 1)
	assert.Len(t, *waits, 1, "no retry after the rewind failed")
}
