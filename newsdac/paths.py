"""Where the corpus lives: ``$NEWSDAC_CORPUS`` or the ``corpus/`` folder of this checkout."""

from __future__ import annotations

import os
from pathlib import Path

from newsdac.errors import NewsdacError


def corpus_root() -> Path:
    """The corpus folder holding ``src/`` and ``releases/``."""
    env = os.environ.get("NEWSDAC_CORPUS")
    root = Path(env) if env else Path(__file__).resolve().parent.parent / "corpus"
    if not root.is_dir():
        raise NewsdacError(
            f"corpus folder {root} not found; install from a checkout with `pip install -e .` "
            "or set NEWSDAC_CORPUS to the corpus folder"
        )
    return root


def releases_root() -> Path:
    return corpus_root() / "releases"


def sources_root() -> Path:
    return corpus_root() / "src"
