// Package fixturetest runs the fixture SDK generated from the golden case
// golden/testdata/wire (into gen/fixturetest/wire, not committed) against an
// httptest server, so that each construct the generator emits is checked by
// what it sends and decodes, not only by the golden snapshot of its source:
// path escaping, a parameter of every style the generator writes (query,
// path, header and cookie), pagination,
// enums, nullable fields, unions, undeclared properties, JSON, form,
// multipart and raw bodies, and redirects; and what every method returns
// on each kind of failure, beside its error. Its fake (gen/fixturetest/wire/
// wiretest) decodes each of them as the arguments its handlers receive.
//
// Two more fixture SDKs, from the golden cases recursive and openapi31
// (into gen/fixturetest/recursive and gen/fixturetest/openapi31, not
// committed either), decode and encode the types that refer to
// themselves, and those of an OpenAPI 3.1 document.
//
// The tests reach every type of the fixture SDK through the list that
// typelist writes into types_gen_test.go (not committed either), so that
// a check over all of them (the getters, the discriminator of each union
// variant) covers the types a change adds.
//
// make generates the fixture SDKs and the list, as it does gen/sunco; so
// does
//
//	go generate ./gen/fixturetest
package fixturetest

//go:generate go run ../../cmd/sunco-gen -q -spec ../../golden/testdata/wire/spec.yaml -out wire -pkg wire
//go:generate go run ../../cmd/sunco-gen -q -spec ../../golden/testdata/recursive/spec.yaml -out recursive -pkg recursive
//go:generate go run ../../cmd/sunco-gen -q -spec ../../golden/testdata/openapi31/spec.yaml -out openapi31 -pkg openapi31
//go:generate go run ./internal/typelist -dir wire -pkg github.com/sunco-sdk/sunco-go/gen/fixturetest/wire -out types_gen_test.go
