package docs

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTimeDescription(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a lead with the format", "A datetime string with the format YYYY-MM-DDThh:mm:ss.SSSZ\nrepresenting the creation time of the conversation.\n", "The creation time of the conversation."},
		{"a lead with the format in code", "A datetime string with the format `YYYY-MM-DDThh:mm:ss.SSSZ` representing when the message was received.", "When the message was received."},
		{"a sentence of the format after", "A timestamp signifying when the event was generated. Formatted as `YYYY-MM-DDThh:mm:ss.SSSZ`.", "A timestamp signifying when the event was generated."},
		{"a requirement of the format", "The date at which the user signed up. Must be ISO 8601 time format `YYYY-MM-DDThh:mm:ss.sssZ`.", "The date at which the user signed up."},
		{"only the format", "Formatted as `YYYY-MM-DD`.", ""},
		{"no format", "When the user was created. It never changes.", "When the user was created. It never changes."},
		{"no full stop", "When the user was created", "When the user was created"},
		{"the format without a full stop", "Created then. Formatted as YYYY-MM-DD", "Created then."},
		{"a full stop inside the format stays in its sentence", "Written YYYY-MM-DDThh:mm:ss.SSSZ. Set by the API.", "Set by the API."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, TimeDescription(tt.in))
		})
	}
}
