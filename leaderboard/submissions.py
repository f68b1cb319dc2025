"""Leaderboard entries: one folder per submission with metadata and predictions.

``leaderboard/submissions/<slug>/metadata.json`` describes the system;
``predictions.jsonl`` holds predictions for every task the entry enters, or
``predictions-<task>.jsonl`` one file per task. Predictions are for the test
split of the corpus version the metadata names.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema

from newsdac.errors import NewsdacError
from newsdac.io import write_text_atomic
from newsdac.leaderboard.predictions import read_predictions
from newsdac.leaderboard.scorer import Gold, load_gold
from newsdac.leaderboard.tasks import TASKS
from newsdac.validate import read_jsonl, schema_problems

ROOT = Path(__file__).resolve().parent / "submissions"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
METADATA = "metadata.json"
SPLIT = "test"

METADATA_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "NewsDAC leaderboard entry metadata",
    "type": "object",
    "required": ["system", "authors", "description", "date", "corpus_version", "tasks",
                 "training_data", "dev_tuning"],
    "additionalProperties": False,
    "properties": {
        "system": {"type": "string", "minLength": 1, "maxLength": 100},
        "authors": {"type": "string", "minLength": 1, "maxLength": 300},
        "description": {"type": "string", "minLength": 1, "maxLength": 2000},
        "link": {"type": ["string", "null"], "pattern": r"^https?://\S+$"},
        "date": {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        "corpus_version": {"type": "string", "pattern": r"^[0-9]+\.[0-9]+\.[0-9]+$"},
        "tasks": {"type": "array", "minItems": 1, "uniqueItems": True,
                  "items": {"enum": list(TASKS)}},
        "training_data": {"type": "string", "minLength": 1, "maxLength": 500},
        "dev_tuning": {"type": "boolean"},
        "reference": {"type": "boolean"},
        "scored_on": {"enum": ["test", "predicted_articles"]},
    },
    "if": {"required": ["scored_on"], "properties": {"scored_on": {
        "const": "predicted_articles"}}},
    "then": {"required": ["reference"], "properties": {"reference": {"const": True}}},
}
_VALIDATOR = jsonschema.Draft202012Validator(METADATA_SCHEMA)


@dataclass(frozen=True)
class Entry:
    """A checked submission: its slug, metadata and one predictions file per task."""

    slug: str
    folder: Path
    metadata: dict[str, Any]
    predictions: dict[str, Path]

    @property
    def reference(self) -> bool:
        return bool(self.metadata.get("reference"))

    @property
    def partial(self) -> bool:
        """A reference scored only on the test articles it predicts (human agreement
        covers a sample); it is shown, never ranked or compared with full entries."""
        return self.metadata.get("scored_on") == "predicted_articles"


def tasks_in(predictions: Path) -> list[str]:
    """The tasks whose layer appears in some record of a predictions file."""
    layers = {key for _, record in read_jsonl(predictions) if isinstance(record, dict)
              for key in record}
    return [name for name, task in TASKS.items() if task.layer in layers]


def check_slug(slug: str) -> str:
    """Refuse slugs that could leave the submissions folder or break URLs."""
    if not SLUG.match(slug):
        raise NewsdacError(f"invalid slug {slug!r}: use 1-63 lower-case letters, digits and "
                           "hyphens, starting with a letter or digit (no '/', '..' or spaces)")
    return slug


def read_metadata(folder: Path) -> dict[str, Any]:
    path = folder / METADATA
    try:
        metadata = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NewsdacError(f"{path}: missing; every entry needs {METADATA}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NewsdacError(f"{path}: not readable JSON: {exc}") from None
    problems = schema_problems(_VALIDATOR, metadata, root="(top level)")
    if problems:
        field, message = problems[0]
        raise NewsdacError(f"{path}: field {field}: {message}")
    return metadata


def _prediction_files(folder: Path, tasks: list[str]) -> dict[str, Path]:
    combined = folder / "predictions.jsonl"
    files = {}
    for task in tasks:
        own = folder / f"predictions-{task}.jsonl"
        if own.is_file():
            files[task] = own
        elif combined.is_file():
            files[task] = combined
        else:
            raise NewsdacError(f"{folder}: no predictions for task {task} "
                               f"(predictions.jsonl or predictions-{task}.jsonl)")
    return files


def _check_contents(folder: Path, gold: Gold | None = None) -> tuple[dict, dict[str, Path]]:
    """Metadata and predictions of a folder, checked against the gold test split."""
    metadata = read_metadata(folder)
    gold = gold or load_gold(f"{metadata['corpus_version']}:{SPLIT}")
    files = _prediction_files(folder, metadata["tasks"])
    for task, path in files.items():
        predictions = read_predictions(path, gold.by_id, gold.version)
        if TASKS[task].layer not in predictions.layers:
            raise NewsdacError(f"{path}: no record has the layer {TASKS[task].layer!r} "
                               f"that task {task} needs")
    return metadata, files


def check_entry(folder: Path, root: Path = ROOT, gold: Gold | None = None) -> Entry:
    """Validate one entry folder completely; return it or raise a NewsdacError."""
    slug = check_slug(folder.name)
    resolved = folder.resolve()
    if resolved.parent != root.resolve():
        raise NewsdacError(f"{folder}: entries must be folders directly in {root}")
    metadata, files = _check_contents(resolved, gold)
    return Entry(slug, resolved, metadata, files)


def entries(root: Path = ROOT) -> list[Entry]:
    """Every entry under ``root``, checked, in slug order."""
    if not root.is_dir():
        return []
    return [check_entry(folder, root) for folder in sorted(root.iterdir())
            if folder.is_dir() and not folder.name.startswith(".")]


def add_entry(predictions: Path, metadata: dict[str, Any], slug: str, root: Path = ROOT
              ) -> Entry:
    """Create ``root/slug`` from a predictions file and metadata, atomically and checked:
    the entry is staged in a hidden folder and renamed into place only if it passes."""
    check_slug(slug)
    target = root / slug
    if target.exists():
        raise NewsdacError(f"{target} already exists; choose another --slug")
    if not predictions.is_file():
        raise NewsdacError(f"{predictions}: no such file")
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{slug}-", dir=root))
    try:
        shutil.copyfile(predictions, staging / "predictions.jsonl")
        (staging / METADATA).write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
        _check_contents(staging)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return check_entry(target, root)


def write_metadata_file(folder: Path, metadata: dict[str, Any]) -> None:
    """Write an entry's metadata.json, schema fields first; an existing file keeps its date,
    so regenerating an entry does not change it."""
    path = folder / METADATA
    previous = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    dated = {**metadata, "date": previous.get("date", date.today().isoformat())}
    first = ("system", "authors", "description", "link", "date", "corpus_version", "tasks",
             "training_data", "dev_tuning")
    ordered = {key: dated[key] for key in first} | {k: v for k, v in dated.items()
                                                   if k not in first}
    write_text_atomic(path, json.dumps(ordered, indent=2) + "\n")
