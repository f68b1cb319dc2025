"""The corpus toolchain: annotation sources, artifact injection, releases and stats."""
