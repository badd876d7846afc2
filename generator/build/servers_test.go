package build

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// TestServerOptions: each server URL template with variables gives an
// option named after the domain the URL names and the variables, or the
// server's x-go-name; a variable in the host is checked as a DNS label,
// one with an enum against it; a server whose URL names no domain and
// that has no x-go-name gets none, with a warning; a name already taken
// gets another.
func TestServerOptions(t *testing.T) {
	api, warnings, err := buildYAML(t, `openapi: 3.0.3
info: {title: T, version: "1"}
servers:
  - url: https://api.example.com
  - url: https://{subdomain}.zendesk.com/sc
  - url: https://{region}.api.example.co.uk/{version}/
    variables:
      region: {default: us, enum: [us, eu]}
      version: {default: v1}
  - url: http://localhost:{port}
    x-go-name: WithLocalPort
    variables: {port: {default: "8080"}}
  - url: "{scheme}://{host}/api"
  - url: https://{type}.zendesk.com/{type}
  - url: https://{other}.zendesk.com/sc
    x-go-name: WithZendeskSubdomain
paths: {}
`)
	require.NoError(t, err)
	type option struct {
		name, url string
		params    []string
		checks    []ir.ServerCheck
	}
	var got []option
	for _, o := range api.ServerOptions {
		opt := option{name: o.Name}
		for _, p := range o.URL {
			if p.Variable != nil {
				opt.url += "{" + p.Variable.Name + "}"
			} else {
				opt.url += p.Literal
			}
		}
		for _, v := range o.Params {
			opt.params = append(opt.params, v.Name)
			opt.checks = append(opt.checks, v.Check)
		}
		got = append(got, opt)
	}
	assert.Equal(t, []option{
		{"WithZendeskSubdomain", "https://{subdomain}.zendesk.com/sc", []string{"subdomain"}, []ir.ServerCheck{ir.HostLabel}},
		{"WithExampleRegionVersion", "https://{region}.api.example.co.uk/{version}", []string{"region", "version"}, []ir.ServerCheck{ir.OneOf, ir.NoCheck}},
		{"WithLocalPort", "http://localhost:{port}", []string{"port"}, []ir.ServerCheck{ir.NoCheck}},
		{"WithZendeskType", "https://{typeParam}.zendesk.com/{typeParam}", []string{"typeParam"}, []ir.ServerCheck{ir.HostLabel}},
		{"WithZendeskSubdomain2", "https://{other}.zendesk.com/sc", []string{"other"}, []ir.ServerCheck{ir.HostLabel}},
	}, got)
	assert.Equal(t, []string{"us", "eu"}, api.ServerOptions[1].Params[0].Enum)
	assert.Contains(t, warnings, Warning{Pointer: "/servers/4", Message: `no option for server URL "{scheme}://{host}/api": it names no domain to name the option after; give the server an x-go-name`})
	assert.Contains(t, warnings, Warning{Pointer: "/servers/6", Message: "Go name WithZendeskSubdomain is already taken in the package by /servers/1; named WithZendeskSubdomain2 instead"})
	assert.Equal(t, "WithZendeskSubdomain sets the base URL to https://{subdomain}.zendesk.com/sc, with subdomain in place of {subdomain}. subdomain must be a DNS label: 1 to 63 of a-z, 0-9 and '-', not starting or ending with '-'.",
		strings.Join(strings.Fields(api.ServerOptions[0].Doc), " "))
}

// TestServerOptionLead: an option's doc names its parameters (an option
// has one at least) as English lists them, and what each must be.
func TestServerOptionLead(t *testing.T) {
	v := func(name string, check ir.ServerCheck, enum ...string) *ir.ServerVariable {
		return &ir.ServerVariable{Name: name, WireName: name + "Var", Check: check, Enum: enum}
	}
	tests := []struct {
		name   string
		params []*ir.ServerVariable
		want   string
	}{
		{"one", []*ir.ServerVariable{v("a", ir.NoCheck)},
			"WithX sets the base URL to https://x.example.com, with a in place of {aVar}."},
		{"two", []*ir.ServerVariable{v("a", ir.NoCheck), v("b", ir.NoCheck)},
			"WithX sets the base URL to https://x.example.com, with a in place of {aVar} and b in place of {bVar}."},
		{"three, and their checks", []*ir.ServerVariable{v("a", ir.HostLabel), v("b", ir.NoCheck), v("c", ir.OneOf, "us", "eu")},
			"WithX sets the base URL to https://x.example.com, with a in place of {aVar}, b in place of {bVar} and c in place of {cVar}." +
				" a must be a DNS label: 1 to 63 of a-z, 0-9 and '-', not starting or ending with '-'. c must be one of \"us\" or \"eu\"."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, serverOptionLead(&ir.ServerOption{Name: "WithX", Params: tt.params}, "https://x.example.com/"))
		})
	}
}
