"""What each command does, over the library: build, check, update, init, export."""
