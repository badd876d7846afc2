// Package e2e holds the end-to-end tests of the generated SDK (gen/sunco).
//
// They call every operation of the SDK against Stoplight Prism, a mock
// server that validates each request against the normalized API document
// and answers from its examples. Prism is pinned in gen/e2e/prism
// (package-lock.json) and installed by `make prism`, which `make test` runs
// first. The tests start Prism themselves unless SUNCO_TEST_BASE_URL names a
// Prism that is already running (started with --errors on the normalized
// document). Without either they skip, saying how to run them, unless
// SUNCO_E2E=1 (which make test sets) makes that a failure.
package e2e
