package load

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/sunco-sdk/sunco-go/generator/internal/jsonptr"
)

// discriminatorValueKey is the extension (set by an overlay on a
// discriminated union) saying that each variant's discriminator value is
// its `title`; titleKey is its one supported value.
const (
	discriminatorValueKey = "x-discriminator-value"
	titleKey              = "title"
)

// componentSchemaPrefix starts a reference to a component schema; a
// discriminator mapping may also name the schema alone.
const componentSchemaPrefix = "#/components/schemas/"

// union is a discriminated union found in the document: a oneOf or anyOf
// with a discriminator, or a base schema whose discriminator maps values
// to the schemas that extend it.
type union struct {
	node     *yaml.Node // the union schema
	ptr      string
	property string     // the discriminator's propertyName
	variants []*variant // in order, each once
}

// variant is a schema selected by the discriminators of one or more
// unions, with every value that selects it.
type variant struct {
	node    *yaml.Node
	values  []string
	changed bool // given an enum by fixDiscriminators
}

// fixDiscriminators makes every discriminated union explicit enough for a
// validator that ignores discriminators (as JSON Schema does), and for a
// code generator that reads only the mapping:
//
//   - `x-discriminator-value: title` becomes a mapping entry from each
//     $ref variant's title to the variant (an inline variant, which a
//     mapping cannot name, takes its title as value directly);
//   - each variant gets an `enum` of its discriminator values on its
//     discriminator property, so that exactly one variant matches. The
//     values are its mapping entries, else (for a $ref variant) its
//     component name, as OpenAPI specifies; a variant of several unions
//     gets the values of all. An existing enum is kept.
//
// It reports one Warning per union whose variants it changed.
func fixDiscriminators(root *yaml.Node, warn warnFunc) error {
	var unions []*union
	variants := map[*yaml.Node]*variant{}
	err := walk(root, visitor{schema: func(s schemaNode) error {
		if u := discriminatedUnion(root, s, variants); u != nil {
			unions = append(unions, u)
		}
		return nil
	}})
	if err != nil {
		return err
	}
	for _, u := range unions {
		changed := 0
		for _, v := range u.variants {
			if !v.changed && len(v.values) > 0 {
				v.changed = addVariantEnum(root, v.node, u.property, v.values)
			}
			if v.changed {
				changed++
			}
		}
		if changed > 0 {
			warn(jsonptr.Join(u.ptr, "discriminator"), "JSON Schema validators ignore the discriminator, so a value could match several variants; gave %d variants an enum of their discriminator values on %q", changed, u.property)
		}
	}
	return nil
}

// discriminatedUnion returns the union the schema s is, recording each of
// its variants in variants with the values that select it; nil when s is
// not a discriminated union.
func discriminatedUnion(root *yaml.Node, s schemaNode, variants map[*yaml.Node]*variant) *union {
	disc := mappingValue(s.node, "discriminator")
	prop := mappingValue(disc, "propertyName")
	if prop == nil || prop.Kind != yaml.ScalarNode || prop.Value == "" {
		return nil
	}
	alts := mappingValue(s.node, "oneOf")
	if alts == nil {
		alts = mappingValue(s.node, "anyOf")
	}
	if alts != nil && alts.Kind != yaml.SequenceNode {
		return nil
	}
	var inlineTitles map[*yaml.Node]string
	if alts != nil && scalarValue(mappingValue(s.node, discriminatorValueKey)) == titleKey {
		inlineTitles = titleMapping(root, disc, alts)
		removeKey(s.node, discriminatorValueKey)
	}
	mapping := mappingValue(disc, "mapping")
	u := &union{node: s.node, ptr: s.ptr, property: prop.Value}
	add := func(n *yaml.Node, values []string) {
		if n == nil || n == s.node || n.Kind != yaml.MappingNode || len(values) == 0 {
			return
		}
		v := variants[n]
		if v == nil {
			v = &variant{node: n}
			variants[n] = v
		}
		for _, value := range values {
			if !slices.Contains(v.values, value) {
				v.values = append(v.values, value)
			}
		}
		if !slices.Contains(u.variants, v) {
			u.variants = append(u.variants, v)
		}
	}
	if alts == nil {
		if mapping == nil || mapping.Kind != yaml.MappingNode {
			return nil
		}
		for i := 0; i+1 < len(mapping.Content); i += 2 {
			add(lookupRef(root, mappingTarget(mapping.Content[i+1])), []string{mapping.Content[i].Value})
		}
		return u
	}
	for _, alt := range alts.Content {
		ref := scalarValue(mappingValue(alt, "$ref"))
		if ref == "" {
			if title, ok := inlineTitles[alt]; ok {
				add(alt, []string{title})
			}
			continue
		}
		values := mappingKeys(mapping, ref)
		if len(values) == 0 {
			if name, ok := componentName(ref); ok {
				values = []string{name}
			}
		}
		add(lookupRef(root, ref), values)
	}
	return u
}

// titleMapping adds to the discriminator disc a mapping entry from the
// title of each $ref alternative to it, unless the mapping already names
// that alternative or that value. It returns the titles of the inline
// alternatives, which a mapping cannot name.
func titleMapping(root, disc *yaml.Node, alts *yaml.Node) map[*yaml.Node]string {
	inline := map[*yaml.Node]string{}
	for _, alt := range alts.Content {
		ref := scalarValue(mappingValue(alt, "$ref"))
		title := scalarValue(mappingValue(lookupRef(root, ref), titleKey))
		if ref == "" {
			title = scalarValue(mappingValue(alt, titleKey))
		}
		if title == "" {
			continue
		}
		if ref == "" {
			inline[alt] = title
			continue
		}
		mapping := mappingValue(disc, "mapping")
		if mapping == nil {
			mapping = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			appendKey(disc, "mapping", mapping)
		}
		if mapping.Kind != yaml.MappingNode || mappingValue(mapping, title) != nil || len(mappingKeys(mapping, ref)) > 0 {
			continue
		}
		appendKey(mapping, title, scalar(ref))
	}
	return inline
}

// mappingKeys are the values that the discriminator mapping maps to ref.
func mappingKeys(mapping *yaml.Node, ref string) []string {
	var keys []string
	if mapping == nil || mapping.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		if mappingTarget(mapping.Content[i+1]) == ref {
			keys = append(keys, mapping.Content[i].Value)
		}
	}
	return keys
}

// mappingTarget is the reference a discriminator mapping value stands for:
// the value itself, or the component schema it names.
func mappingTarget(n *yaml.Node) string {
	v := scalarValue(n)
	if v == "" || strings.ContainsAny(v, "#/") {
		return v
	}
	return componentSchemaPrefix + v
}

// componentName is the name of the component schema ref refers to.
func componentName(ref string) (string, bool) {
	name, ok := strings.CutPrefix(ref, componentSchemaPrefix)
	if !ok || name == "" || strings.Contains(name, "/") {
		return "", false
	}
	return jsonptr.Unescape(name), true
}

// addVariantEnum gives the discriminator property of the variant schema v
// an enum of values, where v declares it inline (in its own properties or
// an inline allOf part), or declares it in v's own properties when v does
// not, or only inherits it through an allOf reference. A declaration that
// already has an enum, or that is itself a reference, is left alone. It
// reports whether it changed v.
func addVariantEnum(root, v *yaml.Node, property string, values []string) bool {
	if typ := scalarValue(mappingValue(v, "type")); typ != "" && typ != "object" {
		return false
	}
	if decl := inlineProperty(v, property); decl != nil {
		if decl.Kind != yaml.MappingNode || mappingValue(decl, "enum") != nil || mappingValue(decl, "$ref") != nil {
			return false
		}
		appendKey(decl, "enum", stringList(values))
		return true
	}
	decl := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	appendKey(decl, "type", scalar("string"))
	if inherited := inheritedProperty(root, v, property, 0); inherited != nil {
		if d := mappingValue(inherited, "description"); d != nil {
			appendKey(decl, "description", clone(d))
		}
	}
	appendKey(decl, "enum", stringList(values))
	props := mappingValue(v, "properties")
	if props == nil {
		props = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		appendKey(v, "properties", props)
	}
	if props.Kind != yaml.MappingNode {
		return false
	}
	appendKey(props, property, decl)
	return true
}

// inlineProperty is the schema of property in v's own properties, else in
// the first inline allOf part of v that declares it; nil when none does.
func inlineProperty(v *yaml.Node, property string) *yaml.Node {
	if p := mappingValue(mappingValue(v, "properties"), property); p != nil {
		return p
	}
	allOf := mappingValue(v, "allOf")
	if allOf == nil || allOf.Kind != yaml.SequenceNode {
		return nil
	}
	for _, part := range allOf.Content {
		if mappingValue(part, "$ref") != nil {
			continue
		}
		if p := mappingValue(mappingValue(part, "properties"), property); p != nil {
			return p
		}
	}
	return nil
}

// maxInheritance bounds the depth of allOf references searched for an
// inherited property, so that a reference cycle ends.
const maxInheritance = 32

// inheritedProperty is the schema of property that v declares, itself or
// through its allOf parts and the schemas they reference; nil when none.
func inheritedProperty(root, v *yaml.Node, property string, depth int) *yaml.Node {
	if v == nil || depth > maxInheritance {
		return nil
	}
	if p := mappingValue(mappingValue(v, "properties"), property); p != nil {
		return p
	}
	allOf := mappingValue(v, "allOf")
	if allOf == nil || allOf.Kind != yaml.SequenceNode {
		return nil
	}
	for _, part := range allOf.Content {
		if ref := scalarValue(mappingValue(part, "$ref")); ref != "" {
			part = lookupRef(root, ref)
		}
		if p := inheritedProperty(root, part, property, depth+1); p != nil {
			return p
		}
	}
	return nil
}

// lookupRef is the node the local reference ref names, following a chain
// of references; nil when there is none.
func lookupRef(root *yaml.Node, ref string) *yaml.Node {
	for range maxInheritance {
		if ref == "" {
			return nil
		}
		frag, err := refFragment(ref)
		if err != nil || !strings.HasPrefix(ref, "#") {
			return nil
		}
		n := lookup(root, frag)
		next := scalarValue(mappingValue(n, "$ref"))
		if next == "" {
			return n
		}
		ref = next
	}
	return nil
}

// scalarValue is the value of the scalar node n, or "".
func scalarValue(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// stringList is a sequence node of string scalars, in flow style.
func stringList(values []string) *yaml.Node {
	list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, v := range values {
		list.Content = append(list.Content, scalar(v))
	}
	return list
}
