// Package changelog says what changed between two versions of an API
// document, as Markdown for a pull request or a CHANGELOG: the Go API of
// the SDKs generated from them (golang.org/x/exp/apidiff over the
// type-checked packages), what the same Go code sees differently at run
// time (from the IR of both), and the HTTP API (oasdiff over the loaded
// documents and their webhooks), incompatible changes first and marked.
package changelog

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"

	"github.com/sunco-sdk/sunco-go/generator"
)

// Severity says how a change affects existing callers.
type Severity int

const (
	Compatible Severity = iota
	// Warning is a change that may break some callers (oasdiff's WARN
	// level); the Go API has none.
	Warning
	Breaking
)

// Change is one difference between two versions.
type Change struct {
	// Subject is what changed: a Go object as apidiff names it
	// ("(*UsersService).GetUser", "Message.ID") or an HTTP operation
	// ("GET /v2/apps/{appId}"), or the part of the document ("components").
	Subject  string
	Text     string // what happened to it
	Severity Severity
}

// Report is the changelog of one version step.
type Report struct {
	Title    string // the API's title
	Old, New string // the document versions
	Package  string // the Go package name of the SDK
	Go       []Change
	// Behaviour are the changes of what the same Go code sees at run time
	// (BehaviourChanges); they have no severity.
	Behaviour []Change
	HTTP      []Change
}

// Incompatible reports whether the Go API changed incompatibly: code
// that built with the old SDK may not build with the new one.
func (r *Report) Incompatible() bool {
	return slices.ContainsFunc(r.Go, func(c Change) bool { return c.Severity != Compatible })
}

// Compare reports what changed from the SDK generated in old to the one
// generated in new.
func Compare(old, new *generator.Result) (*Report, error) {
	im := NewImporter(token.NewFileSet())
	oldPkg, err := Check(old, im)
	if err != nil {
		return nil, fmt.Errorf("type-check the SDK of %s: %w", old.API.SpecVersion, err)
	}
	newPkg, err := Check(new, im)
	if err != nil {
		return nil, fmt.Errorf("type-check the SDK of %s: %w", new.API.SpecVersion, err)
	}
	httpChanges, err := HTTPChanges(old, new)
	if err != nil {
		return nil, fmt.Errorf("compare the documents: %w", err)
	}
	return &Report{
		Title:     new.API.Title,
		Old:       old.API.SpecVersion,
		New:       new.API.SpecVersion,
		Package:   new.API.Package,
		Go:        GoChanges(oldPkg, newPkg),
		Behaviour: BehaviourChanges(old.API, new.API),
		HTTP:      httpChanges,
	}, nil
}

// sortChanges puts the most severe first and keeps the order within each
// severity.
func sortChanges(changes []Change) {
	slices.SortStableFunc(changes, func(a, b Change) int { return cmp.Compare(b.Severity, a.Severity) })
}
