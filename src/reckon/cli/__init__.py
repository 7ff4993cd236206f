"""The `reckon` command: thin wrappers that parse, call one library function, and render."""
