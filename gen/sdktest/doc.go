// Package sdktest tests the generated SDK in gen/sunco against the
// document it is generated from: every webhook example of the spec must
// decode to the Go type the spec gives its event type, and the webhook
// handler must answer SunCo's deliveries as documented. It has no code of
// its own; run it after `make` has generated gen/sunco.
package sdktest
