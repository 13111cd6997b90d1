"""The built-in formats, one package each, and the registry that finds every format."""
