package changelog

import (
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oasdiff/oasdiff/checker"
	"github.com/oasdiff/oasdiff/diff"
	oasload "github.com/oasdiff/oasdiff/load"
)

// HTTPChanges compares two loaded documents with oasdiff's checks:
// breaking changes first, then possibly breaking ones (oasdiff's warnings),
// then the rest.
func HTTPChanges(old, new *openapi3.T) ([]Change, error) {
	d, sources, err := diff.GetWithOperationsSourcesMap(diff.NewConfig(),
		&oasload.SpecInfo{Spec: old, Version: old.Info.Version},
		&oasload.SpecInfo{Spec: new, Version: new.Info.Version})
	if err != nil {
		return nil, err
	}
	found := checker.CheckBackwardCompatibilityUntilLevel(checker.NewConfig(checker.GetAllChecks()), d, sources, checker.INFO)
	localize := checker.NewDefaultLocalizer()
	changes := make([]Change, 0, len(found))
	for _, c := range found {
		subject := c.GetSection()
		if c.GetPath() != "" {
			subject = c.GetOperation() + " " + c.GetPath()
		}
		changes = append(changes, Change{
			Subject:  subject,
			Text:     c.GetUncolorizedText(localize),
			Severity: severityOf(c.GetLevel()),
		})
	}
	sortChanges(changes)
	return changes, nil
}

func severityOf(l checker.Level) Severity {
	switch l {
	case checker.ERR:
		return Breaking
	case checker.WARN:
		return Warning
	}
	return Compatible
}
