package sunco

import (
	"io"
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
