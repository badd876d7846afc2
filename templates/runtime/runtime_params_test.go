package sunco

import (
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

func TestUploadFilePart(t *testing.T) {
	r := strings.NewReader("data")
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
			name:  "content type left to the body",
			file:  UploadFile{Reader: r, Name: "a.bin"},
			field: "file",
			want:  &multipartFile{FieldName: "file", FileName: "a.bin", Reader: r},
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
			if tt.file.Reader != nil {
				assert.Same(t, tt.file.Reader, got.Reader, "the Reader is passed on, not copied")
			}
		})
	}
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
