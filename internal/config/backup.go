package config

import (
	"errors"
	"io"
)

// Usage lines of backup and restore.
const (
	BackupUsage  = "cách dùng: giaoban backup [--db DSN] -o TỆP_SAO_LƯU"
	RestoreUsage = "cách dùng: giaoban restore [--db DSN] TỆP_SAO_LƯU   (vào một cơ sở dữ liệu trống)"
)

// Backup is the configuration of `giaoban backup`.
type Backup struct {
	DB  string
	Out string // the backup file to write; it must not exist
}

// ParseBackup reads `giaoban backup`'s flags.
func ParseBackup(args []string, env Env, out io.Writer) (Backup, error) {
	var c Backup
	f := newFlagSet("backup", env, out)
	f.dbFlag(&c.DB)
	f.string(&c.Out, "o", "", "", "the backup file to write (it must not exist)")
	rest, err := f.parse(args)
	if err != nil {
		return c, err
	}
	if len(rest) > 0 || c.Out == "" {
		return c, errors.New(BackupUsage)
	}
	return c, checkDB(c.DB)
}

// Restore is the configuration of `giaoban restore`.
type Restore struct {
	DB   string // an empty database
	File string // the backup
}

// ParseRestore reads `giaoban restore`'s flags and the backup file.
func ParseRestore(args []string, env Env, out io.Writer) (Restore, error) {
	var c Restore
	f := newFlagSet("restore", env, out)
	f.dbFlag(&c.DB)
	rest, err := f.parse(args)
	if err != nil {
		return c, err
	}
	if len(rest) != 1 {
		return c, errors.New(RestoreUsage)
	}
	c.File = rest[0]
	return c, checkDB(c.DB)
}
