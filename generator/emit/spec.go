package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/sunco-sdk/sunco-go/generator/ir"
)

// spec is spec.go, the one file that names the document the package is
// generated from, so that a spec bump that changes no code rewrites
// nothing else.
func spec(api *ir.API) *jen.File {
	f := newFile(api)
	comment(f, "The package is generated from "+oneLine(api.Title+" "+api.SpecVersion)+",")
	comment(f, "sha256 "+api.SpecSHA256+" (of the document with LF line endings).")
	f.Line()
	// A function, not a constant: a constant whose value changes with every
	// spec bump is an incompatible change to the Go API.
	comment(f, "SpecVersion returns the version of the API document this SDK was generated from.")
	f.Func().Id("SpecVersion").Params().String().Block(jen.Return(jen.Lit(api.SpecVersion)))
	return f
}
