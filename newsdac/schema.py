"""The article record schema, built from the label tables in :mod:`newsdac.labels`.

Two views of one contract: a JSON Schema (for validation and outside tools,
committed as ``corpus/article.schema.json``) and Hugging Face ``datasets``
features (for the release card), so field names and labels exist in one place.
"""

from __future__ import annotations

from typing import Any

from newsdac.labels import (
    CERTAINTY_LEVELS,
    CUE_TYPES,
    DUPLICATION_LABELS,
    REGISTERS,
    SOURCE_TYPES,
    TOPICS,
)

SCHEMA_VERSION = "1"
SPLITS = ("train", "dev", "test")
ARTICLE_ID_PATTERN = r"^nd-[0-9]{4}$"
LAYERS = ("duplication", "attributions", "sentences")

#: The fields of ``meta`` in record order, with their JSON Schema.
META_FIELDS: dict[str, dict[str, Any]] = {
    "topic": {"enum": list(TOPICS), "description": "Topic, from the closed set in SCHEMA.md."},
    "register": {"enum": list(REGISTERS), "description": "Register (genre) of the writing."},
    "outlet": {"type": "string", "description": "The fictional outlet that published it."},
    "date": {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
             "description": "Publication date (fictional), ISO 8601."},
    "headline": {"type": "string", "description": "The headline as written."},
    "words": {"type": "integer", "minimum": 0,
              "description": "Whitespace-separated words of the clean article."},
    "hard_negatives": {"type": "array", "items": {"type": "string"},
                       "description": "Kinds of deliberate non-duplicates the article holds."},
    "profile": {"type": "array", "items": {"type": "string"},
                "description": "Injector operations applied, in order; empty means clean."},
}

_SPAN_PROPERTIES = {"start": {"type": "integer", "minimum": 0},
                    "end": {"type": "integer", "minimum": 1}}


def _span(extra: dict[str, Any] | None = None) -> dict[str, Any]:
    properties = {**_SPAN_PROPERTIES, **(extra or {})}
    return {"type": "object", "required": list(properties), "additionalProperties": False,
            "properties": properties}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"oneOf": [schema, {"type": "null"}]}


def article_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of one article record."""
    properties = {
        "id": {"type": "string", "pattern": ARTICLE_ID_PATTERN},
        "split": {"enum": list(SPLITS)},
        "meta": {"type": "object", "required": list(META_FIELDS),
                 "additionalProperties": False, "properties": META_FIELDS},
        "text": {"type": "string"},
        "duplication": {"type": "array", "items": _span({
            "label": {"enum": list(DUPLICATION_LABELS)},
            "original": _nullable(_span()),
        })},
        "attributions": {"type": "array", "items": {
            "type": "object",
            "required": ["id", "source", "cue", "content", "source_type", "parent"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string", "minLength": 1},
                "source": _nullable(_span()),
                "cue": _span(),
                "content": _span(),
                "source_type": {"enum": list(SOURCE_TYPES)},
                "parent": {"type": ["string", "null"]},
            },
        }},
        "sentences": {"type": "array", "items": _span({
            "certainty": {"enum": list(CERTAINTY_LEVELS)},
            "cues": {"type": "array", "items": _span({"type": {"enum": list(CUE_TYPES)}})},
        })},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://newsdac.example/schema/article-v{SCHEMA_VERSION}.json",
        "title": "NewsDAC article record",
        "type": "object",
        "required": ["id", "split", "meta", "text", *LAYERS],
        "additionalProperties": False,
        "properties": properties,
    }


def feature_spec(schema: dict[str, Any]) -> Any:
    """Translate a JSON Schema node into a ``datasets`` feature description."""
    if "oneOf" in schema:  # nullable span: Arrow structs are nullable
        return feature_spec(schema["oneOf"][0])
    kind = schema.get("type", "string")
    if "enum" in schema or kind == "string" or kind == ["string", "null"]:
        return "string"
    if kind == "integer":
        return "int64"
    if kind == "array":
        return [feature_spec(schema["items"])]
    return {name: feature_spec(sub) for name, sub in schema["properties"].items()}


def features(fields: list[str]):
    """``datasets.Features`` for a record restricted to ``fields`` (in that order)."""
    from datasets import Features, Value

    def build(spec: Any):
        if isinstance(spec, str):
            return Value(spec)
        if isinstance(spec, list):
            return [build(spec[0])]
        return {name: build(sub) for name, sub in spec.items()}

    properties = article_schema()["properties"]
    return Features({name: build(feature_spec(properties[name])) for name in fields})


#: Release configs: the full records and one convenient view per task, as field lists.
CONFIGS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "split", "meta", "text", "duplication", "attributions", "sentences"),
    "duplication": ("id", "split", "meta", "text", "duplication"),
    "attribution": ("id", "split", "meta", "text", "attributions"),
    "certainty": ("id", "split", "meta", "text", "sentences"),
}


def yaml_features(fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """The ``features:`` list of a dataset card's ``dataset_info`` for ``fields``."""
    properties = article_schema()["properties"]

    def entry(name: str, spec: Any) -> dict[str, Any]:
        if isinstance(spec, str):
            return {"name": name, "dtype": spec}
        if isinstance(spec, list):
            inner = spec[0]
            return {"name": name, "list": inner if isinstance(inner, str)
                    else [entry(k, v) for k, v in inner.items()]}
        return {"name": name, "struct": [entry(k, v) for k, v in spec.items()]}

    return [entry(name, feature_spec(properties[name])) for name in fields]


def prediction_schema() -> dict[str, Any]:
    """JSON Schema of one predictions record: the gold shape, only ``id`` required.

    ``text``, ``split`` and ``meta`` may be present (they are ignored), and a predicted
    duplicate may leave ``original`` null when the system does not link.
    """
    schema = article_schema()
    schema["title"] = "NewsDAC predictions record"
    schema["$id"] = schema["$id"].replace("article", "prediction")
    schema["required"] = ["id"]
    return schema
