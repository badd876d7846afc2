// Package spec embeds the SunCo overlay (overlay.yaml), so that the
// generator applies the same API-specific enrichment wherever it runs, not
// only inside this repository.
package spec

import _ "embed"

// Overlay is the OpenAPI Overlay 1.0 document the generator applies to
// every input before a user's own overlay.
//
//go:embed overlay.yaml
var Overlay []byte

// OverlayName names the embedded overlay in warnings and errors.
const OverlayName = "spec/overlay.yaml (embedded)"
