"""Find, verify and load corpus releases."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from newsdac.errors import NewsdacError
from newsdac.paths import releases_root
from newsdac.schema import CONFIGS, SPLITS

MANIFEST = "MANIFEST.json"


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def versions(root: Path | None = None) -> list[str]:
    """Released corpus versions, oldest first."""
    root = root or releases_root()
    found = [p.name for p in root.iterdir() if (p / MANIFEST).is_file()] if root.is_dir() else []
    return sorted(found, key=_version_key)


def release_path(version: str = "latest", root: Path | None = None) -> Path:
    """The folder of release ``version`` (``"latest"`` is the newest)."""
    available = versions(root)
    if not available:
        raise NewsdacError(f"no corpus releases found under {root or releases_root()}")
    chosen = available[-1] if version == "latest" else version
    if chosen not in available:
        raise NewsdacError(f"unknown corpus version {version!r}; available: "
                           f"{', '.join(available)}")
    return (root or releases_root()) / chosen


def verify(version: str = "latest", root: Path | None = None) -> Path:
    """Check every file of a release against its MANIFEST.json; return the folder."""
    folder = release_path(version, root)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise NewsdacError(f"{folder / MANIFEST}: unreadable manifest: {exc}") from None
    for rel, expected in manifest["files"].items():
        path = folder / rel
        if not path.is_file():
            raise NewsdacError(f"{path}: listed in {MANIFEST} but missing")
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != expected["sha256"]:
            raise NewsdacError(
                f"{path}: checksum mismatch (expected {expected['sha256'][:12]}..., got "
                f"{actual[:12]}...); the release was modified: restore it with git checkout")
    return folder


def _check_choice(config: str, split: str | None) -> None:
    if config not in CONFIGS:
        raise NewsdacError(f"unknown config {config!r}; choose from {', '.join(CONFIGS)}")
    if split is not None and split not in SPLITS:
        raise NewsdacError(f"unknown split {split!r}; choose from {', '.join(SPLITS)}")


def load(config: str = "articles", split: str | None = None, version: str = "latest",
         root: Path | None = None):
    """Load a release config as a ``datasets.DatasetDict`` (or a ``Dataset`` for one split).

    The Arrow cache is keyed by the release's MANIFEST.json digest: ``datasets`` alone
    keys local folders by name, so two different folders called ``0.1.0`` (a checkout and
    a rebuilt copy, say) would otherwise share a stale cache.
    """
    from datasets import config as datasets_config
    from datasets import load_dataset

    _check_choice(config, split)
    folder = verify(version, root)
    digest = hashlib.sha256((folder / MANIFEST).read_bytes()).hexdigest()[:16]
    cache = Path(datasets_config.HF_DATASETS_CACHE) / "newsdac" / digest
    return load_dataset(str(folder), config, split=split, cache_dir=str(cache))


def load_records(config: str = "articles", split: str | None = None,
                 version: str = "latest", root: Path | None = None) -> list[dict[str, Any]]:
    """The records of a release as plain dicts, checksums verified, splits in order."""
    _check_choice(config, split)
    folder = verify(version, root)
    records = []
    for name in [split] if split else SPLITS:
        path = folder / config / f"{name}.jsonl"
        records += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                    if line.strip()]
    return records
