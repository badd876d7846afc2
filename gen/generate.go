// Package gen holds the generated SDK in gen/sunco (not committed: `make`
// or `go generate ./gen` writes it from the pinned spec).
package gen

//go:generate go run ../cmd/sunco-gen -spec ../spec/openapi.yaml -out sunco
