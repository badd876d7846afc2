// Package sdktest tests the generated SDK in gen/sunco against the
// document it is generated from: every webhook example of the spec must
// decode to the Go type the spec gives its event type, the webhook handler
// must answer SunCo's deliveries as documented, and the JSON codecs must
// keep the leniency and losslessness DESIGN §3 promises, which a
// differential fuzz target checks against encoding/json. It has no code of
// its own; run it after `make` has generated gen/sunco.
package sdktest
