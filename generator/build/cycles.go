package build

import "github.com/sunco-sdk/sunco-go/generator/ir"

// breakValueCycles makes recursive structs valid Go. A struct may hold
// itself through a slice, map, pointer or union, but not by value: a
// required property of its own type, or a nullable one (Nullable[T] holds
// T), would make an infinitely large type. Every field that closes such a
// cycle holds its struct through a pointer instead.
func (b *builder) breakValueCycles() {
	var structs []*ir.Struct
	for _, d := range b.decls {
		if st, ok := d.(*ir.Struct); ok {
			structs = append(structs, st)
		}
	}
	component := valueComponents(structs)
	for _, st := range structs {
		for _, f := range st.Fields {
			if target := valueStruct(f.Type); target != nil && component[target] == component[st] {
				f.Type = pointerTo(f.Type)
			}
		}
	}
}

// pointerTo holds the struct in t through a pointer: *T, or Nullable[*T].
func pointerTo(t ir.Type) ir.Type {
	if n, ok := t.(*ir.Nullable); ok {
		return &ir.Nullable{Elem: &ir.Pointer{Elem: n.Elem}}
	}
	return &ir.Pointer{Elem: t}
}

// valueStruct is the struct a value of type t contains directly, or nil.
func valueStruct(t ir.Type) *ir.Struct {
	switch t := t.(type) {
	case *ir.Nullable:
		return valueStruct(t.Elem)
	case *ir.Named:
		switch d := t.Decl.(type) {
		case *ir.Struct:
			return d
		}
	}
	return nil
}

// valueComponents numbers the strongly connected components of the graph
// of structs holding structs by value (Tarjan's algorithm). A struct on
// no cycle is alone in its component, unless it holds itself.
func valueComponents(structs []*ir.Struct) map[*ir.Struct]int {
	index := map[*ir.Struct]int{}
	low := map[*ir.Struct]int{}
	onStack := map[*ir.Struct]bool{}
	component := map[*ir.Struct]int{}
	var stack []*ir.Struct
	next, count := 0, 0
	var connect func(st *ir.Struct)
	connect = func(st *ir.Struct) {
		index[st], low[st] = next, next
		next++
		stack = append(stack, st)
		onStack[st] = true
		for _, f := range st.Fields {
			w := valueStruct(f.Type)
			switch {
			case w == nil:
			case !hasIndex(index, w):
				connect(w)
				low[st] = min(low[st], low[w])
			case onStack[w]:
				low[st] = min(low[st], index[w])
			}
		}
		if low[st] == index[st] {
			count++
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				component[w] = count
				if w == st {
					break
				}
			}
		}
	}
	for _, st := range structs {
		if !hasIndex(index, st) {
			connect(st)
		}
	}
	return component
}

func hasIndex(index map[*ir.Struct]int, st *ir.Struct) bool {
	_, ok := index[st]
	return ok
}
