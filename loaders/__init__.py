"""Loaders: turn corpus releases into ``datasets`` and pandas objects, verifying checksums.

>>> from newsdac.loaders import load, versions, sentences_frame
>>> ds = load("articles", split="train")          # latest release, checksums verified
>>> sentences_frame(ds).certainty.value_counts()
"""

from newsdac.loaders.frames import attributions_frame, duplication_frame, sentences_frame
from newsdac.loaders.release import load, load_records, release_path, verify, versions

__all__ = [
    "attributions_frame",
    "duplication_frame",
    "load",
    "load_records",
    "release_path",
    "sentences_frame",
    "verify",
    "versions",
]
