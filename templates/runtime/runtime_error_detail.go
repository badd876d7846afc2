package sunco

// An Error is also the type of the document's own error detail schema
// (code and title), wherever a generated type holds one: it decodes and
// encodes as generated structs do. An empty code or title is kept in
// Extra as received, so that an Error encodes with the members it was
// decoded from, and one built by hand without its empty members.

// UnmarshalJSON decodes x from data, keeping in Extra the properties
// other than code and title and the values that do not fit them.
func (x *Error) UnmarshalJSON(data []byte) error {
	return unmarshalJSON(data, x, (*Error).decodeJSON, "Error")
}

// MarshalJSON encodes x with the properties of Extra.
func (x Error) MarshalJSON() ([]byte, error) {
	return marshalJSON(&x, (*Error).encodeJSON)
}

// decodeJSON decodes the object at l into x, or reports false for another
// value.
func (x *Error) decodeJSON(l *jsonLexer) bool {
	if !l.enterObject() {
		return false
	}
	*x = Error{}
	for l.nextMember() {
		switch string(l.key) {
		case "code":
			decodeField(l, "code", &x.Code, &x.Extra, decodeDiscriminator)
		case "title":
			decodeField(l, "title", &x.Title, &x.Extra, decodeDiscriminator)
		default:
			decodeExtra(l, &x.Extra)
		}
	}
	return true
}

// encodeJSON writes x as a JSON object, or null when nil.
func (x *Error) encodeJSON(e *jsonEncoder) {
	if x == nil {
		e.null()
		return
	}
	e.buf = append(e.buf, '{')
	encodeOptional(e, "code", &x.Code, x.Code != "", x.Extra, encodeString)
	encodeOptional(e, "title", &x.Title, x.Title != "", x.Extra, encodeString)
	if len(x.Extra) > 0 {
		encodeExtra(e, x.Extra, "code", "title")
	}
	e.buf = append(e.buf, '}')
}

// GetCode returns Code, or "" when x is nil.
func (x *Error) GetCode() string {
	if x == nil {
		return ""
	}
	return x.Code
}

// GetTitle returns Title, or "" when x is nil.
func (x *Error) GetTitle() string {
	if x == nil {
		return ""
	}
	return x.Title
}
