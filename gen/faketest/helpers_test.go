package faketest

import "strings"

// service and name split a method of the table, e.g. Messages.Post.
func service(method string) string { s, _, _ := strings.Cut(method, "."); return s }
func name(method string) string    { _, n, _ := strings.Cut(method, "."); return n }
