package sunco_test

// Every file of this directory but the _test.go files is generated from
// ../openapi.yaml by sunco-gen, the version tools.mod records: `go
// generate ./...` regenerates them, in one run even when a spec bump drops
// a file, since go generate reads this external test file after all the
// others. CI runs the same line with -check.
//go:generate go tool -modfile=../tools.mod sunco-gen -q -spec ../openapi.yaml -out . -pkg sunco
