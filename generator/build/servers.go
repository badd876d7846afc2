package build

import (
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// serverVariable matches a {variable} of a server URL template.
var serverVariable = regexp.MustCompile(`\{([^{}]*)\}`)

// serverOptions makes an Option for each server of the document whose URL
// is a template with variables. Its name is the server's x-go-name, else
// With, the registrable domain's name and the variables' names
// (https://{subdomain}.zendesk.com/sc gives WithZendeskSubdomain); a
// server whose URL names no such domain (https://{host}/api) and has no
// x-go-name gets no option, with a warning.
func (b *builder) serverOptions() []*ir.ServerOption {
	var out []*ir.ServerOption
	for i, s := range b.doc.Servers {
		if s == nil || !serverVariable.MatchString(s.URL) {
			continue
		}
		ptr := jsonptr.Index("/servers", i)
		name, ok := serverOptionName(s.URL, s.Extensions[goNameExtension])
		if !ok {
			b.warnf(ptr, "no option for server URL %q: it names no domain to name the option after; give the server an x-go-name", s.URL)
			continue
		}
		opt := &ir.ServerOption{Name: b.pkg.declare(ptr, name), Pointer: ptr}
		params := newScope("the option of server "+s.URL, b.warnf)
		vars := map[string]*ir.ServerVariable{}
		host := hostPart(s.URL)
		last := 0
		for _, m := range serverVariable.FindAllStringSubmatchIndex(s.URL, -1) {
			if m[0] > last {
				opt.URL = append(opt.URL, ir.URLPart{Literal: s.URL[last:m[0]]})
			}
			last = m[1]
			wire := s.URL[m[2]:m[3]]
			v := vars[wire]
			if v == nil {
				v = &ir.ServerVariable{Name: b.argName(params, ptr, wire), WireName: wire}
				switch sv := s.Variables[wire]; {
				case sv != nil && len(sv.Enum) > 0:
					v.Check, v.Enum = ir.OneOf, sv.Enum
				case m[0] >= host[0] && m[1] <= host[1]:
					v.Check = ir.HostLabel
				}
				vars[wire] = v
				opt.Params = append(opt.Params, v)
			}
			opt.URL = append(opt.URL, ir.URLPart{Variable: v})
		}
		if rest := strings.TrimRight(s.URL[last:], "/"); rest != "" {
			opt.URL = append(opt.URL, ir.URLPart{Literal: rest})
		}
		opt.Doc = b.conv.Text(serverOptionLead(opt, s.URL), s.Description)
		out = append(out, opt)
	}
	return out
}

// serverOptionName is the Go name of the option of the server URL
// template url: goName, the server's x-go-name, when it is a string;
// else With, the name of the registrable domain of the host's literal
// end (zendesk.com in {subdomain}.zendesk.com) and the variables' names.
// ok is false when the URL names no registrable domain.
func serverOptionName(url string, goName any) (name string, ok bool) {
	if s, ok := goName.(string); ok && isExportedIdent(s) {
		return s, true
	}
	h := hostPart(url)
	host := url[h[0]:h[1]]
	if i := strings.LastIndex(host, "}"); i >= 0 {
		host = strings.TrimPrefix(host[i+1:], ".")
	}
	domain, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil || strings.ContainsAny(domain, "{}") {
		return "", false
	}
	label, _, _ := strings.Cut(domain, ".")
	var vars strings.Builder
	seen := map[string]bool{}
	for _, m := range serverVariable.FindAllStringSubmatch(url, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			vars.WriteString(m[1] + " ")
		}
	}
	return "With" + goSuffix(label+" "+vars.String()), true
}

// hostPart is where the host of a server URL template is: the start and
// end offsets of what lies between "://" (or the start) and the port or
// the path.
func hostPart(url string) [2]int {
	start := 0
	if i := strings.Index(url, "://"); i >= 0 {
		start = i + len("://")
	}
	end := len(url)
	if i := strings.IndexAny(url[start:], "/?#"); i >= 0 {
		end = start + i
	}
	if at := strings.LastIndex(url[start:end], "@"); at >= 0 {
		start += at + 1
	}
	if colon := strings.LastIndex(url[start:end], ":"); colon >= 0 && !strings.Contains(url[start+colon:end], "]") {
		end = start + colon
	}
	return [2]int{start, end}
}

// serverOptionLead is the start of the doc of opt, an option for the
// server URL template url: what it sets, and what values it takes.
func serverOptionLead(opt *ir.ServerOption, url string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s sets the base URL to %s, with", opt.Name, strings.TrimRight(url, "/"))
	for i, v := range opt.Params {
		switch {
		case i > 0 && i == len(opt.Params)-1:
			b.WriteString(" and")
		case i > 0:
			b.WriteString(",")
		}
		fmt.Fprintf(&b, " %s in place of {%s}", v.Name, v.WireName)
	}
	b.WriteString(".")
	for _, v := range opt.Params {
		switch v.Check {
		case ir.HostLabel:
			fmt.Fprintf(&b, " %s must be a DNS label: 1 to 63 of a-z, 0-9 and '-', not starting or ending with '-'.", v.Name)
		case ir.OneOf:
			fmt.Fprintf(&b, " %s must be one of %s.", v.Name, quotedList(v.Enum))
		}
	}
	return b.String()
}
