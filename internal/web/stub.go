package web

import "errors"

// errNotImplemented marks handlers still being written. STUB: remove with the last stub.
var errNotImplemented = errors.New("chức năng đang được xây dựng")
