"""Check kinds: each module implements a few kinds of check, each used by one or more rules."""
