"""Click commands, one module per command family; each is a thin shell over the library."""
