"""textual_ext."""
