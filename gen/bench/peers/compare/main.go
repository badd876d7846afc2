// Command compare runs the codec benchmarks of two SDKs' test binaries
// interleaved, round after round, and prints the median of each figure
// and the ratios ours/theirs, for gen/bench/peers.sh. Running both in
// every round spreads the noise of a shared machine over both sides.
//
//	go run ./gen/bench/peers/compare -ours BIN:DIR -theirs BIN:DIR [-rounds 7] [-benchtime 1s]
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

func main() {
	ours := flag.String("ours", "", "our test binary and the directory to run it in, as BIN:DIR")
	theirs := flag.String("theirs", "", "the peer's test binary and directory, as BIN:DIR")
	name := flag.String("name", "ogen", "the peer's name, for the report")
	rounds := flag.Int("rounds", 7, "rounds, each running both binaries once")
	benchtime := flag.String("benchtime", "1s", "-test.benchtime of each run")
	bench := flag.String("bench", ".", "-test.bench of each run")
	flag.Parse()
	if err := run(*ours, *theirs, *name, *rounds, *benchtime, *bench); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

// results holds every run's figures: by benchmark, then by unit.
type results map[string]map[string][]float64

func run(ours, theirs, name string, rounds int, benchtime, bench string) error {
	sides := []struct {
		label, spec string
		res         results
	}{{"sunco", ours, results{}}, {name, theirs, results{}}}
	for r := range rounds {
		// Alternate which side goes first.
		order := []int{0, 1}
		if r%2 == 1 {
			order = []int{1, 0}
		}
		for _, i := range order {
			if err := runOnce(sides[i].spec, benchtime, bench, sides[i].res); err != nil {
				return fmt.Errorf("%s: %w", sides[i].label, err)
			}
		}
		fmt.Fprintf(os.Stderr, "round %d/%d done\n", r+1, rounds)
	}
	fmt.Printf("Medians of %d interleaved rounds (-benchtime %s)\n\n", rounds, benchtime)
	fmt.Printf("%-22s %-6s %12s %12s %10s\n", "benchmark", "sdk", "ns/op", "B/op", "allocs/op")
	var names []string
	for n := range sides[0].res {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		for _, s := range sides {
			if m, ok := s.res[n]; ok {
				fmt.Printf("%-22s %-6s %12.0f %12.0f %10.0f\n", n, s.label, median(m["ns/op"]), median(m["B/op"]), median(m["allocs/op"]))
			}
		}
		if t, ok := sides[1].res[n]; ok {
			o := sides[0].res[n]
			fmt.Printf("%-22s %-6s %12.2fx %11.2fx %9.2fx\n", n, "ratio", median(o["ns/op"])/median(t["ns/op"]), median(o["B/op"])/median(t["B/op"]), median(o["allocs/op"])/median(t["allocs/op"]))
		}
	}
	return nil
}

var benchLine = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

// runOnce runs a test binary given as BIN:DIR and adds its figures to res.
func runOnce(spec, benchtime, bench string, res results) error {
	bin, dir, ok := strings.Cut(spec, ":")
	if !ok {
		return fmt.Errorf("%q is not BIN:DIR", spec)
	}
	cmd := exec.Command(bin, "-test.run", "^$", "-test.bench", bench, "-test.benchmem", "-test.benchtime", benchtime, "-test.count", "1")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("%v\n%s%s", err, out, stderr.Bytes())
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		fields := strings.Fields(m[2])
		for i := 0; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				continue
			}
			if res[m[1]] == nil {
				res[m[1]] = map[string][]float64{}
			}
			res[m[1]][fields[i+1]] = append(res[m[1]][fields[i+1]], v)
		}
	}
	return sc.Err()
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}
