package sunco

// Everything else in this directory is generated from ../openapi.yaml:
// `go generate ./...` regenerates it; CI runs the same command with -check.
//go:generate go tool sunco-gen -q -spec ../openapi.yaml -out . -pkg sunco
