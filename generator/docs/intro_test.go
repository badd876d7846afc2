package docs

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIntro(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		sections map[string]string
		want     string
		missing  []string
	}{
		{"empty", " ", nil, "", nil},
		{"a leading heading goes", "# Introduction\n\nText.", nil, lines("# The API", "", "Text."), nil},
		{"a trailing heading goes", "Text.\n\n## More", nil, lines("# The API", "", "Text."), nil},
		{
			"headings run in",
			"Intro.\n\n## Errors\n\nThey come as a list:\n\n```\n[]\n```\n\n## Scopes\n\n- app\n- account\n\n## Empty\n\n## Last\n\nEnd.",
			nil,
			lines("# The API", "", "Intro.", "", "Errors: They come as a list:", "", "\t[]", "", "Scopes:", "", "  - app", "  - account", "", "Last: End."),
			nil,
		},
		{
			"a section replaced, its subsections with it",
			"Intro.\n\n## Retries\n\nRetry.\n\n### Backoff\n\nBack off.\n\n## After\n\nText.",
			map[string]string{"Retries": "The client retries; see [the rules](https://example.com/r)."},
			lines("# The API", "", "Intro.", "", "Retries: The client retries; see [the rules].", "", "After: Text.", "", "[the rules]: https://example.com/r"),
			nil,
		},
		{
			"a section dropped, and one missing",
			"Intro.\n\n## Java\n\nA library.\n\n## After\n\nText.",
			map[string]string{"Java": "", "Python": ""},
			lines("# The API", "", "Intro.", "", "After: Text."),
			[]string{"Python"},
		},
		{
			"an aside after a heading keeps its Note",
			"Intro.\n\n## Hosts\n\n<aside class=\"notice\">Use https.</aside>",
			nil,
			lines("# The API", "", "Intro.", "", "Hosts: Note: Use https."),
			nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newConverter(t)
			got, missing := c.Intro("The API", tt.in, tt.sections)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.missing, missing)
			checkDoc(t, tt.in, got)
		})
	}
}
