// Package config reads the settings of every giaoban command — serve,
// import, extract, render, report, jobs — from its flags and their GIAOBAN_*
// environment twins into one struct per command, validated before the
// command starts and passed down. Flags win over the environment. A value
// that does not parse is an error naming the flag or the variable, never
// silently replaced by the default. It holds settings only: no command runs
// here, and no other package reads GIAOBAN_* variables (tests aside).
package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// Env looks up an environment variable; OSEnv in production, a map in tests.
type Env func(string) (string, bool)

// OSEnv looks variables up in the process environment.
func OSEnv(k string) (string, bool) { return os.LookupEnv(k) }

// envPrefix begins the name of every variable giaoban reads.
const envPrefix = "GIAOBAN_"

// flagSet is a command's flags, each with an optional GIAOBAN_* twin whose
// value becomes the flag's default. Twins that do not parse are collected and
// reported by parse.
type flagSet struct {
	fs   *flag.FlagSet
	env  Env
	errs []error
}

func newFlagSet(name string, env Env, out io.Writer) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	if out != nil {
		fs.SetOutput(out)
	}
	if env == nil {
		env = func(string) (string, bool) { return "", false }
	}
	return &flagSet{fs: fs, env: env}
}

// lookup returns the twin GIAOBAN_key's value; an empty variable counts as unset.
func (f *flagSet) lookup(key string) (string, bool) {
	if key == "" {
		return "", false
	}
	v, ok := f.env(envPrefix + key)
	return v, ok && v != ""
}

// usage appends the twin's name to a flag's description.
func usage(key, text string) string {
	if key == "" {
		return text
	}
	return text + " (" + envPrefix + key + ")"
}

// fromEnv reads twin key with parse, or returns def; a twin that does not
// parse is recorded as an error naming the variable and what it should hold.
func fromEnv[T any](f *flagSet, key string, def T, parse func(string) (T, error), want string) T {
	v, ok := f.lookup(key)
	if !ok {
		return def
	}
	x, err := parse(v)
	if err != nil {
		f.errs = append(f.errs, fmt.Errorf("%s%s=%q: want %s", envPrefix, key, v, want))
		return def
	}
	return x
}

func (f *flagSet) string(p *string, name, key, def, text string) {
	f.fs.StringVar(p, name, fromEnv(f, key, def, func(s string) (string, error) { return s, nil }, "text"), usage(key, text))
}

func (f *flagSet) int(p *int, name, key string, def int, text string) {
	f.fs.IntVar(p, name, fromEnv(f, key, def, strconv.Atoi, "a whole number"), usage(key, text))
}

func (f *flagSet) int64(p *int64, name, key string, def int64, text string) {
	f.fs.Int64Var(p, name, fromEnv(f, key, def, func(s string) (int64, error) { return strconv.ParseInt(s, 10, 64) }, "a whole number"), usage(key, text))
}

func (f *flagSet) bool(p *bool, name, key string, def bool, text string) {
	f.fs.BoolVar(p, name, fromEnv(f, key, def, strconv.ParseBool, "true or false"), usage(key, text))
}

func (f *flagSet) duration(p *time.Duration, name, key string, def time.Duration, text string) {
	f.fs.DurationVar(p, name, fromEnv(f, key, def, time.ParseDuration, "a duration such as 12h or 90m"), usage(key, text))
}

// parse reads args, whose flags may come before or after the positional
// arguments ("FILE.json -o OUT"), and returns the positional ones. A
// malformed environment variable is reported before any flag is read.
func (f *flagSet) parse(args []string) ([]string, error) {
	if len(f.errs) > 0 {
		return nil, errors.Join(f.errs...)
	}
	var pos []string
	for {
		if err := f.fs.Parse(args); err != nil {
			return nil, err
		}
		rest := f.fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil // "--" ends the flags
		}
		args = rest
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// checkDB refuses an empty database DSN.
func checkDB(db string) error {
	if strings.TrimSpace(db) == "" {
		return errors.New("--db must not be empty")
	}
	return nil
}

// checkSoonDays refuses a "due soon" window out of range.
func checkSoonDays(n int) error {
	if n < 0 || n > 90 {
		return errors.New("--soon-days must be 0–90")
	}
	return nil
}

// checkMB refuses a size limit (flag name) outside 1–1024 MB.
func checkMB(name string, n int) error {
	if n < 1 || n > 1024 {
		return fmt.Errorf("--%s must be 1–1024", name)
	}
	return nil
}
