// Package mingo runs the fixture SDK (generated from the golden case
// golden/testdata/wire into gen/mingo/wire, not committed) on the oldest
// Go the generated SDK supports, the version of this module's go.mod:
// that it builds there with the standard library alone, and that what
// differs between Go versions is handled (an upload's file name, which
// Go 1.25's mime/multipart does not escape). It is a module of its own so
// that its go directive can be older than the generator's; make test runs
// it with the go command's toolchain download:
//
//	go run ./cmd/sunco-gen -q -spec golden/testdata/wire/spec.yaml -out gen/mingo/wire -pkg wire
//	cd gen/mingo && GOTOOLCHAIN=go1.25.8 go test ./...
//
// Its tests use the standard library only, so that the module needs no
// requirements.
package mingo
