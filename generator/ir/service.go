package ir

// Service groups the operations of one tag; it becomes a field of Client.
type Service struct {
	Name       string // Go type name, e.g. ConversationsService
	Field      string // field name on Client, e.g. Conversations
	Doc        string
	Operations []*Operation
}

// Operation is one API call, a method of its Service.
type Operation struct {
	Name       string // Go method name, from the operationId
	ID         string // operationId as written in the document
	Doc        string
	Method     string // HTTP method, upper case
	Path       string // path template as written, e.g. /v2/apps/{appId}
	Pointer    string
	PathParams []*Param // in path order
	// Params is the struct of query and header parameters; nil when the
	// operation has none.
	Params *ParamsStruct
	Body   *Body // nil when there is no request body
	Result Type  // decoded 2xx body; nil when there is none
	// Redirect is true when the API answers with a redirect instead of a
	// 2xx: the method returns where it points rather than following it.
	Redirect bool
	Pager    *Pager // nil unless the operation is cursor-paginated
}

// Param is a path, query or header parameter.
type Param struct {
	Name     string // Go name: a method argument for path params, a field otherwise
	WireName string // name in the path template, query string or header
	In       string // "path", "query" or "header"
	Doc      string
	Type     Type
	Required bool
	// Deep lists the keys of a deepObject query parameter, sent as
	// name[key]=value; empty for simple parameters.
	Deep []*DeepKey
}

// DeepKey is one property of a deepObject query parameter.
type DeepKey struct {
	Field    string // Go field name in the parameter's struct
	WireKey  string // the key between the brackets
	Type     Type
	Required bool
}

// ParamsStruct is the <Operation>Params struct of an operation.
type ParamsStruct struct {
	Name   string
	Fields []*Param
}

// Body is the request body of an operation.
type Body struct {
	// Type is the Go type of the body argument; for a multipart upload it
	// is nil and the body is streamed from an io.Reader.
	Type      Type
	Multipart *Multipart
	Required  bool
}

// Multipart describes a multipart/form-data upload of one file.
type Multipart struct {
	FileField string // form field that carries the file
}

// Pager describes how to follow the cursors of a paginated list.
type Pager struct {
	Item      Type     // type of one item
	Items     *Field   // the response field holding the page's items
	Meta      *Field   // the response field holding the page metadata
	HasMore   *Field   // the field of Meta saying whether more pages exist
	Cursor    *Field   // the field of Meta with the cursor of the next page
	PageParam *Param   // the deepObject parameter holding the page object
	PageType  Type     // the type of the page object
	CursorKey *DeepKey // the key of the page object that takes the cursor
}

// Webhook describes the payload SunCo posts to a webhook target.
type Webhook struct {
	Payload *Struct
	// EventsField is the payload's events array, Events the union of its
	// elements; a payload without the array is not a delivery.
	EventsField *Field
	Events      *Union
}
