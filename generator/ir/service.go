package ir

// Service groups the operations of one tag; it becomes a field of Client.
type Service struct {
	Name       string // Go type name, e.g. ConversationsService
	Field      string // field name on Client, e.g. Conversations
	Doc        string
	FieldDoc   string // the doc of Field
	Operations []*Operation
}

// Operation is one API call, a method of its Service. The method takes
// ctx, PathParams, Args, the body when it is required, Params and options.
type Operation struct {
	// Name is the Go method name: the operationId without the service's
	// noun (ListMessages is Messages.List), or whole where that leaves
	// nothing or clashes.
	Name       string
	ID         string // operationId as written in the document
	Doc        string
	Method     string // HTTP method, upper case
	Path       string // path template as written, e.g. /v2/apps/{appId}
	Pointer    string
	PathParams []*Param // in path order
	// Args are the required query and header parameters, method
	// arguments after the path parameters.
	Args []*Param
	// Params is the <OperationId>Params struct every method takes, empty
	// or not: the optional query and header parameters and an optional
	// body. A spec version that adds one changes no signature.
	Params *ParamsStruct
	Body   *Body // nil when there is no request body
	// Result is the type the method returns the decoded 2xx body as: a
	// *Pointer to it, or the map, slice, union or any value itself; nil
	// when there is no body or it is an empty object.
	Result Type
	// Redirect is true when the API answers with a redirect instead of a
	// 2xx: the method returns where it points rather than following it.
	Redirect bool
	Pager    *Pager // nil unless the operation is cursor-paginated
	// Server is the API root of an operation that the document gives
	// servers of its own, e.g. https://oauth-bridge.zendesk.com/sc: the
	// method calls it whatever the client's base URL. "" for the others.
	Server string
	// Status is the status the API answers the operation with when it
	// succeeds: its first documented 2xx, or 3xx for a Redirect; 200 when
	// it documents none.
	Status int
	// Example is the document's example of the result, one of
	// API.Examples: the fake answers with it when the test sets no
	// handler. Nil when the document has none.
	Example *Example
}

// Param is a path, query, header or cookie parameter.
type Param struct {
	Name     string // Go name: a method argument, or a field of the Params struct
	WireName string // name in the path template, query string, header or cookie
	In       string // "path", "query", "header" or "cookie"
	Doc      string
	Type     Type
	Required bool
	// Style is how the value is written where In says, as the document's
	// style and explode say for a value of Type.
	Style ParamStyle
	// Deep lists the keys of a deepObject query parameter, sent as
	// name[key]=value; empty for the other styles.
	Deep []*KeyField
	// Properties lists the properties of an object parameter of another
	// style than deepObject, each written as a key and a value as Style
	// says; empty for a parameter that is no object.
	Properties []*KeyField
}

// ParamStyle is how a parameter's value is written: OpenAPI 3.0's style
// and explode for its location, expanded as RFC 6570 says. The builder
// picks one for the value's shape (a single value, a list or an object),
// so that a style says exactly what to write.
type ParamStyle int

const (
	// FormExploded is a query parameter in style form with explode (the
	// default): name=value, name=a&name=b for a list, and key=value for
	// each property of an object.
	FormExploded ParamStyle = iota
	// FormCompact is a query parameter in style form without explode:
	// name=a,b for a list, name=k1,v1,k2,v2 for an object.
	FormCompact
	// SpaceDelimited is a query list or object as name=a%20b.
	SpaceDelimited
	// PipeDelimited is a query list or object as name=a|b.
	PipeDelimited
	// DeepObject is a query object as name[key]=value for each key.
	DeepObject
	// Simple is a path or header parameter in style simple: the value,
	// a,b for a list, and k1,v1,k2,v2 for an object without explode.
	Simple
	// SimpleExploded is a header object in style simple with explode:
	// k1=v1,k2=v2.
	SimpleExploded
	// Label is a path parameter in style label: .value.
	Label
	// Matrix is a path parameter in style matrix: ;name=value.
	Matrix
	// FormCookie is a cookie parameter (style form): name=value, one
	// pair of the Cookie header.
	FormCookie
)

// KeyField is a struct field sent as key=value: a key of a deepObject
// query parameter, or a field of a form body.
type KeyField struct {
	Field    string // Go field name in the struct
	WireKey  string // the key: between the brackets, or the form field name
	Type     Type
	Required bool
}

// ParamsStruct is the <OperationId>Params struct of an operation.
type ParamsStruct struct {
	Name   string
	Doc    string
	Fields []*Param // the optional query and header parameters
	// BodyField is the field holding the request body when it is optional;
	// "" when the body is required or there is none.
	BodyField string
	BodyDoc   string
}

// Body is the request body of an operation.
type Body struct {
	Encoding BodyEncoding
	// Type is the Go type of a JSON or form body; nil for the others,
	// whose content the caller streams from an io.Reader.
	Type Type
	// Form lists the fields of a form body's struct.
	Form []*KeyField
	// FileField is the form field that carries a multipart upload.
	FileField string
	// ContentType is the media type a raw body is sent as.
	ContentType string
	Required    bool
	// Arg names the method argument of a required body: file for an
	// upload, else body.
	Arg string
}

// BodyEncoding is how a request body goes on the wire.
type BodyEncoding int

const (
	JSONBody      BodyEncoding = iota // Type, encoded as JSON
	FormBody                          // Type, a struct, as application/x-www-form-urlencoded
	MultipartBody                     // an UploadFile streamed as multipart/form-data
	RawBody                           // an io.Reader sent as is, as ContentType
)

// Pager describes how to follow the cursors of a paginated list.
type Pager struct {
	Item      Type      // type of one item
	Items     *Field    // the response field holding the page's items
	Meta      *Field    // the response field holding the page metadata
	HasMore   *Field    // the field of Meta saying whether more pages exist
	Cursor    *Field    // the field of Meta with the cursor of the next page
	PageParam *Param    // the deepObject parameter holding the page object
	PageType  Type      // the type of the page object
	CursorKey *KeyField // the key of the page object that takes the cursor
	Iter      string    // the name of the iterator method, e.g. ListIter
	IterDoc   string
	// Reverse is set for a list that pages backwards, from the newest page
	// to the oldest, whose pages each hold their items oldest first: the
	// iterator yields the items of each page in reverse, newest first.
	Reverse bool
}

// Webhook describes the payload SunCo posts to a webhook target.
type Webhook struct {
	Payload *Struct
	// EventsField is the payload's events array, Events the union of its
	// elements; a payload without the array is not a delivery.
	EventsField *Field
	Events      *Union
}

// Fake is the fake of the API for the tests of applications, a package of
// its own in a subdirectory of the SDK's output: a test server answering
// each operation with a handler the test sets, or with the document's
// example of its result.
type Fake struct {
	Package string // its Go package name, the SDK's with "test" appended, and its subdirectory of the SDK's output
	Doc     string // the package comment
	// SDKName is the name the fake's files import the SDK under: its
	// package name, unless the fake declares that name itself.
	SDKName  string
	Services []*FakeService // in the order of API.Services
	// Webhook is the webhook whose deliveries SendWebhook posts; nil when
	// the document has none, or its payload has no array of events.
	Webhook *Webhook
}

// FakeService is the struct holding the handlers of a service's
// operations, a field of the fake's Server.
type FakeService struct {
	Service  *Service
	Name     string // Go type name, e.g. MessagesService
	Field    string // the Server's field, e.g. Messages
	Doc      string
	FieldDoc string
	File     string // the file it is written to, in the fake's directory
	Handlers []*FakeHandler
}

// FakeHandler is the field of a FakeService holding the handler of one
// operation: a func with the client method's signature without the
// request options.
type FakeHandler struct {
	Operation *Operation
	Doc       string
}
