package mingo

import (
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"

	"github.com/sunco-sdk/sunco-go/gen/mingo/wire"
)

// part is what the server read of the one part of an upload.
type part struct {
	headers     int    // how many header fields the part has
	fileName    string // the filename parameter, as a server reads it
	contentType string
	content     string
}

// TestUploadFileName uploads a file whose name tries to end the part's
// header and add its own (a Content-Type, then a body of its own): on
// every Go version, the server must see one part with the SDK's two
// headers, the name percent-encoded, and the file's own bytes.
func TestUploadFileName(t *testing.T) {
	t.Logf("running on %s", runtime.Version())
	tests := []struct {
		name     string
		fileName string
		want     string
	}{
		{name: "plain", fileName: "photo.png", want: "photo.png"},
		{name: "CR LF injection", fileName: "photo.png\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>", want: "photo.png%0D%0AContent-Type: text/html%0D%0A%0D%0A<script>alert(1)</script>"},
		{name: "LF alone", fileName: "photo.png\nContent-Type: text/html", want: "photo.png%0AContent-Type: text/html"},
		{name: "quote", fileName: `a"; filename="b.html`, want: "a%22; filename=%22b.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := make(chan part, 1)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				p, err := readPart(r)
				if err != nil {
					t.Errorf("reading the upload: %v", err)
				}
				got <- p
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusCreated)
				io.WriteString(w, `{"mediaUrl":"https://media.example.test/a"}`)
			}))
			defer srv.Close()
			c, err := wire.NewClient(wire.WithBaseURL(srv.URL), wire.WithMaxRetries(0))
			if err != nil {
				t.Fatal(err)
			}
			file := wire.UploadFile{Reader: strings.NewReader("\x89PNG..."), Name: tt.fileName, ContentType: "image/png"}
			if _, err := c.Items.UploadAttachment(t.Context(), "s1", wire.UploadAttachmentAccessPublic, file, nil); err != nil {
				t.Fatal(err)
			}
			want := part{headers: 2, fileName: tt.want, contentType: "image/png", content: "\x89PNG..."}
			if p := <-got; p != want {
				t.Errorf("the server read\n%+v\nwant\n%+v", p, want)
			}
		})
	}
}

// readPart reads the only part of a multipart request.
func readPart(r *http.Request) (part, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return part{}, err
	}
	p, err := mr.NextPart()
	if err != nil {
		return part{}, err
	}
	// A parameter list cut short by an injected CR LF does not parse: the
	// name is then empty, and the rest of the part shows what was injected.
	_, params, _ := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
	content, err := io.ReadAll(p)
	if err != nil {
		return part{}, err
	}
	if _, err := mr.NextPart(); err != io.EOF {
		return part{}, io.ErrUnexpectedEOF
	}
	return part{headers: len(p.Header), fileName: params["filename"], contentType: p.Header.Get("Content-Type"), content: string(content)}, nil
}
