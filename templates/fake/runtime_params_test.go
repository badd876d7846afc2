package suncotest

import (
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestItems: a list written as one value is split at its style's
// separator, which an item's own escaped separator is not.
func TestItems(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		header string // for a header
		query  string
		style  paramStyle
		want   []string
	}{
		{"form", inQuery, "", "v=a%2Cb,c", styleForm, []string{"a,b", "c"}},
		{"spaceDelimited", inQuery, "", "v=a+b%20c", styleSpaceDelimited, []string{"a b", "c"}},
		{"pipeDelimited", inQuery, "", "v=a%7Cb|c", stylePipeDelimited, []string{"a|b", "c"}},
		{"simple, in a header", inHeader, "a,b", "", styleSimple, []string{"a", "b"}},
		{"absent", inQuery, "", "w=1", styleForm, nil},
		{"absent from the headers", inHeader, "", "v=a,b", styleSimple, nil},
		{"one item, in a header", inHeader, "a", "", styleSimple, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/?"+tt.query, nil)
			if tt.header != "" {
				r.Header.Set("v", tt.header)
			}
			c := &call{r: r}
			items, present := c.items(tt.in, "v", tt.style)
			assert.Equal(t, tt.want, items)
			assert.Equal(t, tt.want != nil, present)
		})
	}
}

// TestObject: an object parameter's keys and values, in each style.
func TestObject(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		header   string
		query    string
		style    paramStyle
		want     map[string][]string
		problems []string
	}{
		{"deepObject", inQuery, "", "p[x]=1&p[y]=2&p[y]=3", styleDeepObject, map[string][]string{"x": {"1"}, "y": {"2", "3"}}, nil},
		{"form, exploded: a parameter per key", inQuery, "", "x=1&z=9", styleFormExploded, map[string][]string{"x": {"1"}}, nil},
		{"form", inQuery, "", "p=x,1,y,a%2Cb", styleForm, map[string][]string{"x": {"1"}, "y": {"a,b"}}, nil},
		{"pipeDelimited", inQuery, "", "p=x|1", stylePipeDelimited, map[string][]string{"x": {"1"}}, nil},
		{"simple, in a header", inHeader, "x,1,y,2", "", styleSimple, map[string][]string{"x": {"1"}, "y": {"2"}}, nil},
		{"simple exploded, in a header", inHeader, "x=1,y=2", "", styleSimpleExploded, map[string][]string{"x": {"1"}, "y": {"2"}}, nil},
		{"keys without values", inQuery, "", "p=x,1,y", styleForm, nil, []string{`query parameter p is not a list of keys and values: ["x" "1" "y"]`}},
		{"absent, required", inQuery, "", "", styleDeepObject, nil, []string{"required query parameter p is missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/?"+tt.query, nil)
			if tt.header != "" {
				r.Header.Set("p", tt.header)
			}
			c := &call{r: r}
			obj, present := c.object(tt.in, "p", tt.style, []string{"x", "y"}, true)
			assert.Equal(t, tt.problems, c.problems)
			assert.Equal(t, tt.want != nil, present)
			if tt.want != nil {
				assert.Equal(t, tt.want, obj.values)
			}
		})
	}
}

// TestPathParam: a path parameter's value in its style; a value without
// its style's prefix, or empty, is refused.
func TestPathParam(t *testing.T) {
	tests := []struct {
		style    paramStyle
		segment  string
		want     string
		problems []string
	}{
		{styleSimple, "a.b", "a.b", nil},
		{styleLabel, ".a.b", "a.b", nil},
		{styleMatrix, ";id=c;d=e", "c;d=e", nil},
		{styleLabel, "a", "a", []string{"path parameter id is not written as .value"}},
		{styleMatrix, ";other=1", ";other=1", []string{"path parameter id is not written as ;id=value"}},
		{styleLabel, ".", "", []string{"path parameter id is empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.segment, func(t *testing.T) {
			c := &call{params: map[string]string{"id": tt.segment}}
			assert.Equal(t, tt.want, c.pathParam("id", tt.style))
			assert.Equal(t, tt.problems, c.problems)
		})
	}
}

// TestCookie: a cookie parameter is read unescaped, as the SDK escapes it.
func TestCookie(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Cookie", "session=s%201%3B%3D; theme=dark")
	c := &call{r: r}
	assert.Equal(t, []string{"s 1;="}, c.values(inCookie, "session"))
	assert.Equal(t, []string{"dark"}, c.values(inCookie, "theme"))
	assert.Empty(t, c.values(inCookie, "visits"))
}

// TestParseValues: the text of a parameter decodes as the SDK writes it,
// and anything else is refused with what it is not.
func TestParseValues(t *testing.T) {
	n, err := parseInt[int]("-12")
	require.NoError(t, err)
	assert.Equal(t, -12, n)
	for _, text := range []string{"1.5", "1e3", "", "x", "99999999999999999999"} {
		_, err := parseInt[int64](text)
		assert.EqualError(t, err, strconv.Quote(text)+" is not an integer")
	}
	f, err := parseFloat[float64]("-1.5e3")
	require.NoError(t, err)
	assert.Equal(t, -1500.0, f)
	_, err = parseFloat[float64]("one")
	assert.EqualError(t, err, `"one" is not a number`)
	for text, want := range map[string]bool{"true": true, "false": false} {
		b, err := parseBool[bool](text)
		require.NoError(t, err)
		assert.Equal(t, want, b)
	}
	for _, text := range []string{"True", "1", "t", "yes", ""} {
		_, err := parseBool[bool](text)
		assert.EqualError(t, err, strconv.Quote(text)+" is not true or false", "the SDK writes true and false only")
	}

	list, err := each(parseInt[int])([]string{"1", "2"})
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2}, list)
	_, err = each(parseInt[int])([]string{"1", "x"})
	assert.EqualError(t, err, `"x" is not an integer`)
	p, err := pointer(one(parseInt[int]))([]string{"3", "4"})
	require.NoError(t, err)
	assert.Equal(t, 3, *p, "one takes the first value")
	p, err = pointer(one(parseInt[int]))([]string{"x"})
	assert.Error(t, err)
	assert.Nil(t, p)
	w, err := wrapped(one(parseInt[int]), func(n int) []int { return []int{n} })([]string{"5"})
	require.NoError(t, err)
	assert.Equal(t, []int{5}, w)
	w, err = wrapped(one(parseInt[int]), func(n int) []int { return []int{n} })([]string{"x"})
	assert.Error(t, err)
	assert.Nil(t, w)
}
