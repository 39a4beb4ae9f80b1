"""One module per sheet; each lays out its cells and returns where it put what others need."""
