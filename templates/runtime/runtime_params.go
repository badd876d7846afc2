package sunco

import (
	"fmt"
	"io"
	"mime"
	"path/filepath"
	"strconv"
)

// formatParam writes a query or header parameter value: strings (and
// string enums) as they are, numbers and booleans in their usual form.
func formatParam(v any) string {
	switch n := v.(type) {
	case float64:
		return strconv.FormatFloat(n, 'f', -1, 64) // never 1e+08
	case float32:
		return strconv.FormatFloat(float64(n), 'f', -1, 32)
	}
	return fmt.Sprint(v)
}

// UploadFile is a file to upload; Reader is streamed, never read whole
// into memory. A Reader that is also an io.Seeker can be re-sent when
// the request is retried. An *os.File needs no other field:
// UploadFile{Reader: f} with f opened from "photos/cat.png" is sent as
// cat.png, of type image/png, and re-sent from its offset on a retry.
type UploadFile struct {
	Reader io.Reader
	// Name is the file name sent with the part. When empty, it is the base
	// name of Reader's Name method, when Reader has one (an *os.File).
	// Quotes, CR, LF and other control characters are sent
	// percent-encoded, as browsers send them.
	Name string
	// ContentType is the media type of the file. When empty, it is the one
	// mime.TypeByExtension gives the name's extension, else
	// application/octet-stream.
	ContentType string
}

// part returns the multipart file of f, its name and content type filled
// in as UploadFile says.
func (f UploadFile) part(field string) *multipartFile {
	name := f.Name
	if named, ok := f.Reader.(interface{ Name() string }); ok && name == "" && named.Name() != "" {
		name = filepath.Base(named.Name())
	}
	contentType := f.ContentType
	if contentType == "" {
		contentType = mime.TypeByExtension(filepath.Ext(name))
	}
	return &multipartFile{FieldName: field, FileName: name, ContentType: contentType, Reader: f.Reader}
}

// checkPathParams rejects an empty path parameter, which would leave an
// empty segment and address another resource. Its arguments are pairs of
// parameter name and value.
func checkPathParams(nameValues ...string) error {
	for i := 0; i+1 < len(nameValues); i += 2 {
		if nameValues[i+1] == "" {
			return fmt.Errorf(sdkName+": path parameter %s is empty", nameValues[i])
		}
	}
	return nil
}
