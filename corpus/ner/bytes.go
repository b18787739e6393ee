package ner

import (
	"bytes"
	"io"
)

// bytesReader reads embedded data.
func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }
