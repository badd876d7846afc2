package sunco

// Everything else in this directory is generated from ../openapi.yaml:
// `go generate ./...` regenerates it; CI runs the same command with -check.
// Until sunco-gen embeds its overlay and writes into -out . in place, the
// line passes the overlay and names this directory from its parent.
//go:generate go tool sunco-gen -spec ../openapi.yaml -out ../sunco -pkg sunco -overlay ../../../spec/overlay.yaml
