// Package faketest holds the tests of the fake the generator makes beside
// the SDK (gen/sunco/suncotest): every operation of the shared table
// (gen/internal/operations) through the fake's client, with and without
// handlers, the requests it refuses as the API would, the answers of
// handlers' errors, and webhook deliveries to the SDK's handler.
package faketest
