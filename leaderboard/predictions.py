"""Read a predictions file defensively: every malformation is one clear NewsdacError.

Predictions are JSONL, one record per article id, in the gold record shape
with any subset of the layers. An optional first line
``{"header": {"corpus_version": "0.1.0", ...}}`` declares the corpus version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema

from newsdac.errors import NewsdacError, where
from newsdac.schema import LAYERS, prediction_schema
from newsdac.validate import read_jsonl, schema_problems, span_range_errors

_VALIDATOR = jsonschema.Draft202012Validator(prediction_schema())
#: Share of a predicted span that must lie inside gold artifacts for it to be ignored.
INSIDE_ARTIFACT = 0.5


@dataclass
class Predictions:
    """Parsed predictions keyed by article id, with the warnings reading produced."""

    path: Path
    records: dict[str, dict[str, Any]]
    layers: set[str]
    warnings: list[str] = field(default_factory=list)


def _check_header(path: Path, line: int, header: Any, version: str) -> None:
    if not isinstance(header, dict):
        raise NewsdacError(f"{where(str(path), line, field='header')}: must be an object")
    declared = header.get("corpus_version")
    if declared is not None and declared != version:
        raise NewsdacError(f"{where(str(path), line, field='header/corpus_version')}: "
                           f"predictions are for corpus {declared}, gold is {version}")


def _record_problems(record: Any, gold: dict[str, dict[str, Any]], seen: dict[str, int]
                     ) -> tuple[str, list[tuple[str, str]]]:
    if not isinstance(record, dict):
        return "?", [("(record)", "a record must be a JSON object")]
    ident = record.get("id") if isinstance(record.get("id"), str) else "?"
    errors = schema_problems(_VALIDATOR, record)
    if errors:
        return ident, errors
    if ident not in gold:
        return ident, [("id", "unknown article id: not in the gold split (is this file for "
                        "another corpus version or split?)")]
    if ident in seen:
        return ident, [("id", f"duplicate id, first seen on line {seen[ident]}")]
    return ident, span_range_errors(record, len(gold[ident]["text"]))


def read_predictions(path: Path, gold: dict[str, dict[str, Any]], version: str) -> Predictions:
    """Parse and check ``path`` against the gold records (``id -> record``)."""
    records: dict[str, dict[str, Any]] = {}
    seen: dict[str, int] = {}
    problems: list[str] = []
    for number, record in read_jsonl(Path(path)):
        if isinstance(record, dict) and set(record) == {"header"} and not seen and not problems:
            _check_header(path, number, record["header"], version)
            continue
        ident, errors = _record_problems(record, gold, seen)
        problems += [f"{where(str(path), number, ident, name)}: {message}"
                     for name, message in errors]
        if not errors:
            seen[ident] = number
            records[ident] = record
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise NewsdacError(problems[0] + more)
    layers = {layer for r in records.values() for layer in LAYERS if layer in r}
    if not layers:
        raise NewsdacError(f"{path}: no record carries any layer ({', '.join(LAYERS)})")
    result = Predictions(Path(path), records, layers)
    missing = len(set(gold) - set(records))
    if missing:
        result.warnings.append(f"{missing} of {len(gold)} gold articles have no predictions "
                               "and count as empty")
    return result


def _inside(span: dict[str, int] | None, artifacts: list[tuple[int, int]]) -> bool:
    if span is None:
        return False
    shared = sum(max(0, min(span["end"], e) - max(span["start"], s)) for s, e in artifacts)
    return shared >= INSIDE_ARTIFACT * (span["end"] - span["start"])


def layer_items(gold: dict[str, Any], record: dict[str, Any] | None, layer: str
                ) -> list[dict[str, Any]]:
    """A record's predicted items for ``layer``; for attribution and certainty, items
    lying mostly inside gold duplication spans are dropped (they are not scored)."""
    items = list((record or {}).get(layer) or [])
    if layer == "duplication":
        return items
    artifacts = [(d["start"], d["end"]) for d in gold["duplication"]]
    if layer == "attributions":
        return [a for a in items if not _inside(a["content"], artifacts)]
    return [{**s, "cues": [c for c in s["cues"] if not _inside(c, artifacts)]}
            for s in items if not _inside(s, artifacts)]
