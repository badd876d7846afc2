package sunco

import (
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFormatParam(t *testing.T) {
	type enum string // as a generated string enum
	tests := []struct {
		name string
		v    any
		want string
	}{
		{name: "string", v: "a b/c", want: "a b/c"},
		{name: "empty string", v: "", want: ""},
		{name: "string enum", v: enum("custom,web"), want: "custom,web"},
		{name: "int", v: 25, want: "25"},
		{name: "negative int", v: -3, want: "-3"},
		{name: "int64", v: int64(1) << 40, want: "1099511627776"},
		{name: "float", v: 1.5, want: "1.5"},
		{name: "bool true", v: true, want: "true"},
		{name: "bool false", v: false, want: "false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, formatParam(tt.v))
		})
	}
}

func TestFormatList(t *testing.T) {
	assert.Equal(t, []string{"1", "2.5", "-3"}, formatList([]float64{1, 2.5, -3}))
	assert.Equal(t, []string{}, formatList([]string(nil)))
}

// TestHeaderList checks a list or an object in a header, in style simple
// (RFC 6570 {x} and {x*}): written as they are, as header values are.
func TestHeaderList(t *testing.T) {
	tests := []struct {
		name   string
		style  paramStyle
		values []string
		want   []string // nil: no header
	}{
		{"a list", styleSimple, []string{"a", "b c"}, []string{"a,b c"}},
		{"one item", styleSimple, []string{"a"}, []string{"a"}},
		{"an empty item", styleSimple, []string{""}, []string{""}},
		{"an object", styleSimple, []string{"role", "admin", "first", "Alex"}, []string{"role,admin,first,Alex"}},
		{"an object, exploded", styleSimpleExploded, []string{"role", "admin", "first", "Alex"}, []string{"role=admin,first=Alex"}},
		{"empty", styleSimple, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			setHeaderList(h, tt.style, "X-List", tt.values)
			assert.Equal(t, tt.want, h.Values("X-List"))
		})
	}
}

// TestExpandPath checks the path styles label and matrix of OpenAPI's
// table (RFC 6570 {.x} and {;x}), the value escaped as in style simple.
func TestExpandPath(t *testing.T) {
	tests := []struct {
		name  string
		style paramStyle
		value string
		want  string
	}{
		{"label", styleLabel, "blue", ".blue"},
		{"label escaped", styleLabel, "a/b;c", ".a%2Fb%3Bc"},
		{"label of a dot stays out of the dot segments", styleLabel, ".", ".%2E"},
		{"matrix", styleMatrix, "blue", ";color=blue"},
		{"matrix escaped", styleMatrix, "a;b,c", ";color=a%3Bb%2Cc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, expandPath(tt.style, "color", tt.value))
		})
	}
}

// TestAddCookie checks cookie parameters: name=value pairs of one Cookie
// header, the value escaped as form style says (RFC 6570), which leaves
// no character a cookie value may not hold.
func TestAddCookie(t *testing.T) {
	h := http.Header{}
	addCookie(h, "session", "abc-1.2_~")
	assert.Equal(t, "session=abc-1.2_~", h.Get("Cookie"))
	addCookie(h, "theme", `a b;c,d"e\f+g`)
	assert.Equal(t, "session=abc-1.2_~; theme=a%20b%3Bc%2Cd%22e%5Cf%2Bg", h.Get("Cookie"))
	r := &http.Request{Header: h}
	c, err := r.Cookie("theme")
	require.NoError(t, err, "net/http reads it as a cookie")
	v, err := url.PathUnescape(c.Value)
	require.NoError(t, err)
	assert.Equal(t, `a b;c,d"e\f+g`, v)
}

// namedReader is a Reader with a Name method, as *os.File has.
type namedReader struct {
	io.Reader
	name string
}

func (n namedReader) Name() string { return n.name }

func TestUploadFilePart(t *testing.T) {
	r := strings.NewReader("data")
	file, err := os.Create(filepath.Join(t.TempDir(), "cat photo.png"))
	require.NoError(t, err)
	t.Cleanup(func() { file.Close() })
	tests := []struct {
		name  string
		file  UploadFile
		field string
		want  *multipartFile
	}{
		{
			name:  "all fields",
			file:  UploadFile{Reader: r, Name: "a.png", ContentType: "image/png"},
			field: "source",
			want:  &multipartFile{FieldName: "source", FileName: "a.png", ContentType: "image/png", Reader: r},
		},
		{
			name:  "content type from the extension",
			file:  UploadFile{Reader: r, Name: "report.pdf"},
			field: "file",
			want:  &multipartFile{FieldName: "file", FileName: "report.pdf", ContentType: "application/pdf", Reader: r},
		},
		{
			name:  "extension in capitals",
			file:  UploadFile{Reader: r, Name: "A.PNG"},
			field: "file",
			want:  &multipartFile{FieldName: "file", FileName: "A.PNG", ContentType: "image/png", Reader: r},
		},
		{
			name:  "unknown extension left to the body",
			file:  UploadFile{Reader: r, Name: "a.sunco-unknown"},
			field: "file",
			want:  &multipartFile{FieldName: "file", FileName: "a.sunco-unknown", Reader: r},
		},
		{
			name:  "an *os.File gives its base name and type",
			file:  UploadFile{Reader: file},
			field: "source",
			want:  &multipartFile{FieldName: "source", FileName: "cat photo.png", ContentType: "image/png", Reader: file},
		},
		{
			name:  "a named reader's path",
			file:  UploadFile{Reader: namedReader{r, "/tmp/uploads/notes.json"}},
			field: "source",
			want:  &multipartFile{FieldName: "source", FileName: "notes.json", ContentType: "application/json", Reader: namedReader{r, "/tmp/uploads/notes.json"}},
		},
		{
			name:  "Name wins over the reader's",
			file:  UploadFile{Reader: namedReader{r, "/tmp/x.png"}, Name: "y.pdf"},
			field: "source",
			want:  &multipartFile{FieldName: "source", FileName: "y.pdf", ContentType: "application/pdf", Reader: namedReader{r, "/tmp/x.png"}},
		},
		{
			name:  "ContentType wins over the extension's",
			file:  UploadFile{Reader: namedReader{r, "x.png"}, ContentType: "image/x-custom"},
			field: "source",
			want:  &multipartFile{FieldName: "source", FileName: "x.png", ContentType: "image/x-custom", Reader: namedReader{r, "x.png"}},
		},
		{
			name:  "a reader named nothing",
			file:  UploadFile{Reader: namedReader{r, ""}},
			field: "source",
			want:  &multipartFile{FieldName: "source", Reader: namedReader{r, ""}},
		},
		{
			name:  "zero file",
			file:  UploadFile{},
			field: "source",
			want:  &multipartFile{FieldName: "source"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.file.part(tt.field)
			require.NotNil(t, got)
			assert.Equal(t, tt.want, got)
		})
	}
	t.Run("the Reader is passed on, not copied", func(t *testing.T) {
		assert.Same(t, file, UploadFile{Reader: file}.part("source").Reader)
	})
	t.Run("a zero file is refused by the body", func(t *testing.T) {
		_, err := newMultipartBody(UploadFile{}.part("source"))
		require.Error(t, err)
		assert.Contains(t, err.Error(), "no Reader")
	})
}

func TestCheckPathParams(t *testing.T) {
	tests := []struct {
		name    string
		pairs   []string
		wantErr string
	}{
		{name: "none", pairs: nil},
		{name: "all set", pairs: []string{"appId", "a", "conversationId", "c"}},
		{name: "an empty one is named", pairs: []string{"appId", "a", "conversationId", ""}, wantErr: "path parameter conversationId is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkPathParams(tt.pairs...)
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			assert.ErrorContains(t, err, tt.wantErr)
		})
	}
}
