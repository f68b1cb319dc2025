"""Second annotations for the agreement study: raw text out, annotated layers back in.

``newsdac corpus blank`` writes a released article's ``text`` (artifacts included, no
layers) to ``<id>.txt``. A second annotator writes ``<id>.yaml`` beside it with all
three layers anchored in that text, in the source format plus a ``duplication`` list.
Reading the pair gives a record in the release shape, so the official scorer can
compare the two annotations in either direction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import yaml

from newsdac.corpus.source import SOURCE_SCHEMA, anchoring, resolve_layers
from newsdac.errors import NewsdacError
from newsdac.io import write_text_atomic
from newsdac.labels import DUPLICATION_LABELS, LINKED_DUPLICATION_LABELS
from newsdac.schema import ARTICLE_ID_PATTERN
from newsdac.spans import Span
from newsdac.validate import schema_problems

#: Artifacts are whole lines: ``[first, last]``, 1-based and inclusive, as ``cat -n`` shows.
_LINES = {"type": "array", "items": {"type": "integer", "minimum": 1}, "minItems": 2,
          "maxItems": 2}

REANNOTATION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": ARTICLE_ID_PATTERN},
        "annotator": {"type": "string"},
        "duplication": {"type": "array", "items": {
            "type": "object", "required": ["lines", "label"], "additionalProperties": False,
            "properties": {"lines": _LINES, "label": {"enum": list(DUPLICATION_LABELS)},
                           "original": {"oneOf": [_LINES, {"type": "null"}]}}}},
        "attributions": SOURCE_SCHEMA["properties"]["attributions"],
        "sentences": SOURCE_SCHEMA["properties"]["sentences"],
    },
}
_VALIDATOR = jsonschema.Draft202012Validator(REANNOTATION_SCHEMA)

SKELETON = """id: {id}
annotator: ""
duplication: []
attributions: []
sentences: []
"""


def write_blanks(records: list[dict[str, Any]], folder: Path) -> list[Path]:
    """Write ``<id>.txt`` (the raw text only) for each record; never touch an annotation."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for record in records:
        path = folder / f"{record['id']}.txt"
        write_text_atomic(path, record["text"])
        written.append(path)
        annotation = folder / f"{record['id']}.yaml"
        if not annotation.exists():
            write_text_atomic(annotation, SKELETON.format(id=record["id"]))
    return written


def read_reannotation(path: Path, base: dict[str, Any]) -> dict[str, Any]:
    """Read ``path`` (and its ``.txt``) into a record shaped like the released ``base``.

    Sentences inside the annotator's own duplication spans are dropped, as the release
    drops them: artifacts carry no certainty labels.
    """
    text_path = path.with_suffix(".txt")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8")
    except yaml.YAMLError as exc:
        raise NewsdacError(f"{path}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise NewsdacError(f"{exc.filename or path}: cannot read: {exc.strerror or exc}") from None
    problems = schema_problems(_VALIDATOR, raw, root="(top level)")
    if problems:
        field, message = problems[0]
        ident = raw.get("id", "?") if isinstance(raw, dict) else "?"
        raise NewsdacError(f"{path}: article {ident}: field {field}: {message}")
    if raw["id"] != base["id"] or text != base["text"]:
        raise NewsdacError(f"{path}: article {raw['id']}: field text: {text_path.name} is not "
                           f"the released text of {base['id']}; run `newsdac corpus blank`")
    duplication = _duplication(raw, text, path)
    layers = resolve_layers(raw, text, path)
    artifacts = [Span(d["start"], d["end"]) for d in duplication]
    sentences = [s for s in layers["sentences"]
                 if not any(a.contains(Span(s["start"], s["end"])) for a in artifacts)]
    return {**base, "duplication": duplication, "attributions": layers["attributions"],
            "sentences": sentences}


def _line_span(text: str, lines: list[int], fail, field_path: str) -> dict[str, int]:
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    first, last = lines
    if not first <= last <= len(starts):
        raise fail(field_path, f"lines {first}-{last} are not within 1-{len(starts)}")
    end = starts[last] - 1 if last < len(starts) else len(text)
    return {"start": starts[first - 1], "end": end}


def _duplication(raw: dict[str, Any], text: str, path: Path) -> list[dict[str, Any]]:
    _, fail = anchoring(text, path, raw["id"])
    items = []
    for i, item in enumerate(raw.get("duplication", [])):
        original = item.get("original")
        linked = item["label"] in LINKED_DUPLICATION_LABELS
        if linked != (original is not None):
            raise fail(f"duplication/{i}/original",
                       f"label {item['label']} {'needs' if linked else 'takes no'} original")
        items.append({**_line_span(text, item["lines"], fail, f"duplication/{i}/lines"),
                      "label": item["label"],
                      "original": None if original is None else
                      _line_span(text, original, fail, f"duplication/{i}/original")})
    return sorted(items, key=lambda d: (d["start"], d["end"]))


def read_reannotations(folder: Path, released: dict[str, dict[str, Any]]
                       ) -> list[dict[str, Any]]:
    """Every ``*.yaml`` second annotation in ``folder``, as records, sorted by id."""
    paths = sorted(folder.glob("nd-*.yaml"))
    if not paths:
        raise NewsdacError(f"{folder}: no second annotations (nd-*.yaml) found")
    return [read_second(path, released) for path in paths]


def read_second(path: Path, released: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The second annotation at ``path`` as a record, based on the released article of the
    same id; an id the release does not have is an error naming the file."""
    if path.stem not in released:
        raise NewsdacError(f"{path}: article {path.stem}: field id: not in the release")
    return read_reannotation(path, released[path.stem])
