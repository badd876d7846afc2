package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSetsLoad reads every set file kept in the repository: each fault
// says what it is, and no name is taken twice.
func TestSetsLoad(t *testing.T) {
	t.Chdir("../..")
	faults, err := loadFaults(nil)
	require.NoError(t, err)
	sets := map[string]int{}
	for _, f := range faults {
		sets[f.Set]++
	}
	assert.Equal(t, 19, sets["issue-12"])
	assert.Equal(t, 16, sets["blind-1"])
}

func TestReadSet(t *testing.T) {
	tests := []struct {
		name, file, yaml string
		want             []fault
		err              string
	}{
		{
			name: "code in literal blocks, the set named by the file",
			file: "blind-2.yaml",
			yaml: "# a comment\n- name: a\n  kind: writer\n  doc: what goes wrong\n  edits:\n    - file: generator/write.go\n      old: |2\n        \tdefer removeTree(tmp)\n        \treturn nil\n      new: \"\"\n    - file: x.go\n      old: |-\n        a\n        b\n      new: c\n",
			want: []fault{{Name: "a", Set: "blind-2", Kind: "writer", Doc: "what goes wrong", Edits: []edit{
				{File: "generator/write.go", Old: "\tdefer removeTree(tmp)\n\treturn nil\n", New: ""},
				{File: "x.go", Old: "a\nb", New: "c"},
			}}},
		},
		{
			name: "JSON, with its set",
			file: "set.json",
			yaml: `[{"name": "a", "set": "s", "kind": "cli", "doc": "d", "edits": [{"file": "f", "old": "\t1\n", "new": "2"}]}]`,
			want: []fault{{Name: "a", Set: "s", Kind: "cli", Doc: "d", Edits: []edit{{File: "f", Old: "\t1\n", New: "2"}}}},
		},
		{name: "an unknown key", file: "s.yaml", yaml: "- name: a\n  kind: k\n  doc: d\n  edit: []\n", err: "field edit not found"},
		{name: "no edits", file: "s.yaml", yaml: "- name: a\n  kind: k\n  doc: d\n", err: "s.yaml: fault 1 (a): no edits"},
		{name: "no doc", file: "s.yaml", yaml: "- name: a\n  kind: k\n  edits: [{file: f, old: o}]\n", err: "fault 1 (a): no doc"},
		{name: "an edit without old text", file: "s.yaml", yaml: "- name: a\n  kind: k\n  doc: d\n  edits: [{file: f, new: n}]\n", err: "fault 1 (a): edit 1: no file, or no old text"},
		{name: "empty", file: "s.yaml", yaml: "# nothing yet\n", err: "s.yaml: no fault"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.file)
			require.NoError(t, os.WriteFile(path, []byte(tt.yaml), 0o644))
			got, err := readSet(path)
			if tt.err != "" {
				assert.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestLoadFaultsRefusesATakenName(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	fault := "- name: same\n  kind: k\n  doc: d\n  edits: [{file: f, old: o}]\n"
	require.NoError(t, os.WriteFile(a, []byte(fault), 0o644))
	require.NoError(t, os.WriteFile(b, []byte(fault), 0o644))
	_, err := loadFaults([]string{a, b})
	assert.EqualError(t, err, b+": fault same: the name is taken by a fault of "+a)
}

func TestSummary(t *testing.T) {
	made := func(name, set, verdict string) row { return row{fault: fault{Name: name, Set: set}, verdict: verdict} }
	rows := []row{
		made("a", "blind-2", behavioural), made("b", "blind-2", behavioural), made("c", "blind-2", snapshotOnly),
		made("d", "blind-2", survived), made("e", "blind-2", stale), made("f", "other", behavioural),
	}
	assert.Equal(t, "blind-2: 5 faults; behavioural 2, snapshot only 1, survived 1, stale 1; kill rate 50 %; not caught by a behavioural test: c (snapshot only), d (survived)", summary("blind-2", rows))
	assert.Equal(t, "other: 1 faults; behavioural 1, snapshot only 0, survived 0; kill rate 100 %", summary("other", rows))
}
