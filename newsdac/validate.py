"""Validate JSONL article records: the JSON Schema, then what a schema cannot check.

Semantic checks: offsets inside ``text``, duplicate links pointing at earlier
text, nested attributions pointing at existing ids, sentences that do not
overlap, cues inside their sentence, and no annotation inside an artifact span.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema

from newsdac.errors import NewsdacError, where
from newsdac.labels import LINKED_DUPLICATION_LABELS
from newsdac.schema import article_schema
from newsdac.spans import Span

_VALIDATOR = jsonschema.Draft202012Validator(article_schema())


def read_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    """Yield ``(line number, parsed JSON)`` for each non-empty line; bad input raises."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NewsdacError(f"{path}: cannot read: {exc.strerror}") from None
    if not data.strip():
        raise NewsdacError(f"{path}: file is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NewsdacError(f"{path}: not UTF-8 text (byte {exc.start}); is it a binary file?") \
            from None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise NewsdacError(f"{path}:{number}: not valid JSON: {exc.msg} "
                               f"(column {exc.colno})") from None


def schema_problems(validator: jsonschema.protocols.Validator, instance: Any,
                    root: str = "(record)") -> list[tuple[str, str]]:
    """``(field path, message)`` for each JSON Schema violation, jsonschema's best match
    first (it descends into ``oneOf`` alternatives for the most specific message)."""
    errors = sorted(validator.iter_errors(instance), key=jsonschema.exceptions.relevance,
                    reverse=True)
    if not errors:
        return []
    ranked = [jsonschema.exceptions.best_match(errors), *errors[1:]]
    return [("/".join(str(p) for p in e.absolute_path) or root, e.message) for e in ranked]


def schema_errors(record: Any) -> list[tuple[str, str]]:
    """``(field path, message)`` for each violation of the article record schema."""
    return schema_problems(_VALIDATOR, record)


def iter_spans(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, int]]]:
    """Every span in a record's layers with its field path (absent layers are skipped)."""
    for i, item in enumerate(record.get("duplication") or []):
        yield f"duplication/{i}", item
        if item.get("original") is not None:
            yield f"duplication/{i}/original", item["original"]
    for i, att in enumerate(record.get("attributions") or []):
        for role in ("source", "cue", "content"):
            if att.get(role) is not None:
                yield f"attributions/{i}/{role}", att[role]
    for i, sent in enumerate(record.get("sentences") or []):
        yield f"sentences/{i}", sent
        for j, cue in enumerate(sent.get("cues") or []):
            yield f"sentences/{i}/cues/{j}", cue


def span_range_errors(record: dict[str, Any], length: int) -> list[tuple[str, str]]:
    """Spans that are reversed, empty or reach past a text of ``length`` code points."""
    errors = []
    for path, span in iter_spans(record):
        if span["start"] >= span["end"]:
            errors.append((path, f"start {span['start']} must be < end {span['end']}"))
        elif span["end"] > length:
            errors.append((path, f"end {span['end']} is past the end of text ({length})"))
    return errors


def semantic_errors(record: dict[str, Any]) -> list[tuple[str, str]]:
    """``(field path, message)`` for each contract rule the schema cannot express."""
    errors = span_range_errors(record, len(record["text"]))
    if errors:
        return errors
    artifacts = _check_duplication(record["duplication"], errors)
    _check_attributions(record["attributions"], artifacts, errors)
    _check_sentences(record["sentences"], artifacts, errors)
    return errors


def _check_duplication(items, errors) -> list[Span]:
    spans: list[Span] = []
    for i, item in enumerate(items):
        path = f"duplication/{i}"
        span, original = Span.from_json(item), item["original"]
        if item["label"] in LINKED_DUPLICATION_LABELS and original is None:
            errors.append((f"{path}/original", f"label {item['label']} needs an original span"))
        elif item["label"] not in LINKED_DUPLICATION_LABELS and original is not None:
            errors.append((f"{path}/original", f"label {item['label']} takes no original"))
        elif original is not None and original["end"] > span.start:
            errors.append((f"{path}/original", "a duplicate must link to earlier text "
                           f"(original ends at {original['end']}, duplicate starts at "
                           f"{span.start})"))
        if any(span.overlap(s) for s in spans):
            errors.append((path, "overlaps another duplication span"))
        spans.append(span)
    return spans


def _inside_artifact(span: Span, artifacts: list[Span]) -> bool:
    return any(span.overlap(a) for a in artifacts)


def _check_attributions(items, artifacts, errors) -> None:
    ids = [a["id"] for a in items]
    for i, att in enumerate(items):
        path = f"attributions/{i}"
        if ids.count(att["id"]) > 1:
            errors.append((f"{path}/id", f"id {att['id']!r} is not unique"))
        parent = att["parent"]
        if parent is not None and (parent == att["id"] or parent not in ids):
            errors.append((f"{path}/parent", f"parent {parent!r} is not another attribution's id"))
        for role in ("source", "cue", "content"):
            if att[role] is not None and _inside_artifact(Span.from_json(att[role]), artifacts):
                errors.append((f"{path}/{role}", "annotated inside a duplication/artifact span"))


def _check_sentences(items, artifacts, errors) -> None:
    previous: Span | None = None
    for i, sent in enumerate(items):
        path = f"sentences/{i}"
        span = Span.from_json(sent)
        if previous is not None and span.start < previous.end:
            errors.append((path, f"overlaps or precedes the previous sentence "
                           f"[{previous.start}, {previous.end})"))
        if _inside_artifact(span, artifacts):
            errors.append((path, "annotated inside a duplication/artifact span"))
        for j, cue in enumerate(sent["cues"]):
            if not span.contains(Span.from_json(cue)):
                errors.append((f"{path}/cues/{j}", "cue lies outside its sentence"))
        previous = span


def validate_file(path: Path) -> tuple[int, list[str]]:
    """Validate every record of a JSONL file; return the record count and error lines."""
    messages, seen, count = [], {}, 0
    for number, record in read_jsonl(path):
        count += 1
        ident = record.get("id") if isinstance(record, dict) else None
        ident = ident if isinstance(ident, str) else "?"
        problems = schema_errors(record)
        if not problems:
            problems = semantic_errors(record)
            if ident in seen:
                problems.append(("id", f"duplicate id, first seen on line {seen[ident]}"))
            seen.setdefault(ident, number)
        messages += [f"{where(str(path), number, ident, field)}: {message}"
                     for field, message in problems]
    return count, messages
