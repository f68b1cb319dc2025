"""Read hand-written annotation sources (``corpus/src/*.yaml``) into clean articles.

A source holds the article as written (headline, optional standfirst, body
paragraphs) and annotations anchored by quoted strings. Resolving it gives the
clean text and its layers as offsets; artifacts are added later by the injector.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from newsdac.corpus.anchors import resolve
from newsdac.errors import NewsdacError
from newsdac.labels import CERTAINTY_LEVELS, CUE_TYPES, REGISTERS, SOURCE_TYPES, TOPICS
from newsdac.schema import ARTICLE_ID_PATTERN, SPLITS
from newsdac.sentences import split_sentences
from newsdac.spans import Span
from newsdac.validate import schema_problems

HARD_NEGATIVE_KINDS = (
    "standfirst_paraphrase", "repeated_quote", "parallel_structure", "correction", "other",
)

_ANCHOR = {"oneOf": [
    {"type": "string", "minLength": 1},
    {"type": "object", "required": ["text"], "additionalProperties": False,
     "properties": {"text": {"type": "string", "minLength": 1},
                    "n": {"type": "integer", "minimum": 1}}},
]}

SOURCE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "split", "topic", "register", "outlet", "date", "headline", "body"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": ARTICLE_ID_PATTERN},
        "split": {"enum": list(SPLITS)},
        "topic": {"enum": list(TOPICS)},
        "register": {"enum": list(REGISTERS)},
        "outlet": {"type": "string", "minLength": 1},
        "date": {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        "headline": {"type": "string", "minLength": 1, "pattern": r"^[^\n]+$"},
        "standfirst": {"type": "string", "minLength": 1, "pattern": r"^[^\n]+$"},
        "body": {"type": "string", "minLength": 1},
        "variants": {"type": "array", "items": {
            "type": "object", "required": ["of", "text"], "additionalProperties": False,
            "properties": {"of": _ANCHOR, "text": {"type": "string", "minLength": 1}}}},
        "hard_negatives": {"type": "array", "items": {
            "type": "object", "required": ["kind", "at"], "additionalProperties": False,
            "properties": {"kind": {"enum": list(HARD_NEGATIVE_KINDS)}, "at": _ANCHOR,
                           "note": {"type": "string"}}}},
        "attributions": {"type": "array", "items": {
            "type": "object", "required": ["id", "cue", "content", "type"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string", "pattern": r"^[A-Za-z0-9_]+$"},
                "in": _ANCHOR,
                "source": {"oneOf": [_ANCHOR, {"type": "null"}]},
                "cue": _ANCHOR,
                "content": _ANCHOR,
                "type": {"enum": list(SOURCE_TYPES)},
                "parent": {"type": ["string", "null"]},
            }}},
        "sentences": {"type": "array", "items": {
            "type": "object", "required": ["at", "certainty"], "additionalProperties": False,
            "properties": {
                "at": _ANCHOR,
                "certainty": {"enum": list(CERTAINTY_LEVELS)},
                "cues": {"type": "array", "items": {
                    "type": "object", "required": ["text", "type"],
                    "additionalProperties": False,
                    "properties": {"text": {"type": "string", "minLength": 1},
                                   "n": {"type": "integer", "minimum": 1},
                                   "type": {"enum": list(CUE_TYPES)}}}},
            }}},
    },
}


_SOURCE_VALIDATOR = jsonschema.Draft202012Validator(SOURCE_SCHEMA)


@dataclass
class CleanArticle:
    """An article as written, before injection: clean text plus resolved layers."""

    id: str
    split: str
    meta: dict[str, Any]
    text: str
    segments: list[tuple[str, Span]]
    attributions: list[dict[str, Any]]
    sentences: list[dict[str, Any]]
    variants: list[tuple[int, str]] = field(default_factory=list)


def load_source(path: Path) -> dict[str, Any]:
    """Parse and schema-check one source file; errors name the file and the field."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", exc)
        raise NewsdacError(f"{path}{line}: not valid YAML: {problem}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise NewsdacError(f"{path}: cannot read: {exc}") from None
    if isinstance(raw, dict) and not isinstance(raw.get("date", ""), str):
        raw["date"] = str(raw["date"])
    problems = schema_problems(_SOURCE_VALIDATOR, raw, root="(top level)")
    if problems:
        ident = raw.get("id", "?") if isinstance(raw, dict) else "?"
        field, message = problems[0]
        raise NewsdacError(f"{path}: article {ident}: field {field}: {message}")
    if raw["id"] != path.stem:
        raise NewsdacError(f"{path}: article {raw['id']}: field id: must equal the file name stem")
    return raw


def paragraphs_of(body: str) -> list[str]:
    """Body paragraphs: blank-line separated blocks, inner line breaks joined by a space."""
    blocks = re.split(r"\n[ \t]*\n", body.strip())
    return [" ".join(line.strip() for line in block.splitlines())
            for block in blocks if block.strip()]


def anchoring(text: str, path: Path, ident: str):
    """``(at, fail)``: resolve an anchor in ``text`` for a field, and build the error that
    names the file, the article and the field."""

    def fail(field_path: str, message: str) -> NewsdacError:
        return NewsdacError(f"{path}: article {ident}: field {field_path}: {message}")

    def at(anchor: Any, field_path: str, within: Span | None = None,
           near: Span | None = None) -> Span:
        try:
            return resolve(text, anchor, within, near)
        except NewsdacError as exc:
            raise fail(field_path, str(exc)) from None

    return at, fail


def resolve_layers(raw: dict[str, Any], text: str, path: Path) -> dict[str, list]:
    """The attribution and certainty layers of ``raw`` resolved against ``text``."""
    at, fail = anchoring(text, path, raw["id"])
    return {"attributions": _attributions(raw.get("attributions", []), at, fail),
            "sentences": _sentences(raw.get("sentences", []), split_sentences(text), text,
                                    at, fail)}


def resolve_source(raw: dict[str, Any], path: Path) -> CleanArticle:
    """Turn a parsed source into a :class:`CleanArticle`, resolving every anchor."""
    pieces = [("headline", raw["headline"].strip())]
    if raw.get("standfirst"):
        pieces.append(("standfirst", raw["standfirst"].strip()))
    pieces += [("paragraph", p) for p in paragraphs_of(raw["body"])]
    text, segments, offset = "\n".join(p for _, p in pieces), [], 0
    for kind, piece in pieces:
        segments.append((kind, Span(offset, offset + len(piece))))
        offset += len(piece) + 1

    at, fail = anchoring(text, path, raw["id"])
    sentence_spans = split_sentences(text)
    return CleanArticle(
        id=raw["id"],
        split=raw["split"],
        meta=_meta(raw, text, [at(h["at"], f"hard_negatives/{i}/at")
                              for i, h in enumerate(raw.get("hard_negatives", []))]),
        text=text,
        segments=segments,
        attributions=_attributions(raw.get("attributions", []), at, fail),
        sentences=_sentences(raw.get("sentences", []), sentence_spans, text, at, fail),
        variants=_variants(raw.get("variants", []), segments, at, fail),
    )


def _meta(raw: dict[str, Any], text: str, hard_negative_spans: list[Span]) -> dict[str, Any]:
    kinds = sorted({h["kind"] for h in raw.get("hard_negatives", [])})
    return {
        "topic": raw["topic"], "register": raw["register"], "outlet": raw["outlet"],
        "date": raw["date"], "headline": raw["headline"].strip(),
        "words": len(text.split()), "hard_negatives": kinds, "profile": [],
    }


def _attributions(items: list[dict], at, fail) -> list[dict[str, Any]]:
    ids = [item["id"] for item in items]
    out = []
    for i, item in enumerate(items):
        base = f"attributions/{i}"
        if ids.count(item["id"]) > 1:
            raise fail(f"{base}/id", f"id {item['id']!r} is used more than once")
        parent = item.get("parent")
        if parent is not None and (parent not in ids or parent == item["id"]):
            raise fail(f"{base}/parent", f"parent {parent!r} is not another attribution's id")
        context = at(item["in"], f"{base}/in") if "in" in item else None
        cue = _cue(item, base, context, at)
        source = item.get("source")
        out.append({
            "id": item["id"],
            "source": None if source is None
            else at(source, f"{base}/source", context, near=cue).to_json(),
            "cue": cue.to_json(),
            "content": at(item["content"], f"{base}/content", context, near=cue).to_json(),
            "source_type": item["type"],
            "parent": parent,
        })
    _check_acyclic(out, fail)
    return out


def _cue(item: dict[str, Any], base: str, context: Span | None, at) -> Span:
    """The cue's span; a cue that occurs more than once is taken nearest a unique content."""
    try:
        return at(item["cue"], f"{base}/cue", context)
    except NewsdacError as ambiguous:
        try:
            content = at(item["content"], f"{base}/content", context)
        except NewsdacError:
            raise ambiguous from None
        return at(item["cue"], f"{base}/cue", context, near=content)


def _check_acyclic(attributions: list[dict[str, Any]], fail) -> None:
    parent_of = {a["id"]: a["parent"] for a in attributions}
    for start in parent_of:
        seen, node = set(), start
        while node is not None:
            if node in seen:
                raise fail("attributions", f"attribution {start!r} is its own ancestor")
            seen.add(node)
            node = parent_of[node]


def _sentences(items: list[dict], spans: list[Span], text: str, at, fail) -> list[dict[str, Any]]:
    labelled: dict[int, dict[str, Any]] = {}
    for i, item in enumerate(items):
        anchor = at(item["at"], f"sentences/{i}/at")
        index = next((k for k, s in enumerate(spans) if s.contains(anchor)), None)
        if index is None:
            raise fail(f"sentences/{i}/at",
                       f"{anchor.of(text)!r} is not inside a single sentence; "
                       "`newsdac corpus show` lists the sentences")
        if index in labelled:
            raise fail(f"sentences/{i}/at", f"sentence {index} is labelled twice")
        cues = []
        for j, cue in enumerate(item.get("cues", [])):
            span = at({"text": cue["text"], "n": cue.get("n")} if cue.get("n") else cue["text"],
                      f"sentences/{i}/cues/{j}", spans[index])
            cues.append({**span.to_json(), "type": cue["type"]})
        labelled[index] = {"certainty": item["certainty"], "cues": sorted(
            cues, key=lambda c: (c["start"], c["end"]))}
    return [{**span.to_json(), **labelled.get(k, {"certainty": "certain", "cues": []})}
            for k, span in enumerate(spans)]


def _variants(items: list[dict], segments, at, fail) -> list[tuple[int, str]]:
    out = []
    for i, item in enumerate(items):
        anchor = at(item["of"], f"variants/{i}/of")
        index = next((k for k, (_, s) in enumerate(segments) if s.contains(anchor)), None)
        if index is None or segments[index][0] == "headline":
            raise fail(f"variants/{i}/of", "must point inside one standfirst or body paragraph")
        variant = " ".join(item["text"].split())
        out.append((index, variant))
    return out


def read_sources(folder: Path) -> list[CleanArticle]:
    """Resolve every ``*.yaml`` source in ``folder``, sorted by article id."""
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        raise NewsdacError(f"{folder}: no annotation sources (*.yaml) found")
    return [resolve_source(load_source(p), p) for p in paths]
