package sunco

import (
	"fmt"
	"io"
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
// the request is retried.
type UploadFile struct {
	Reader      io.Reader
	Name        string // file name sent with the part
	ContentType string // of the file; application/octet-stream when empty
}

func (f UploadFile) part(field string) *multipartFile {
	return &multipartFile{FieldName: field, FileName: f.Name, ContentType: f.ContentType, Reader: f.Reader}
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
