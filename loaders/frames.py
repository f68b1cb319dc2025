"""Flat pandas views of article records: one row per sentence, attribution or span."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd


def _records(data: Any) -> Iterable[dict[str, Any]]:
    """Accept a ``Dataset``, a ``DatasetDict`` or an iterable of record dicts."""
    if isinstance(data, dict):  # a DatasetDict, or any mapping of split name to records
        for split in data.values():
            yield from split
    else:
        yield from data


def _base(record: dict[str, Any]) -> dict[str, Any]:
    meta = record.get("meta") or {}
    return {"article_id": record["id"], "split": record.get("split"),
            "topic": meta.get("topic"), "register": meta.get("register")}


def _cut(text: str, span: dict[str, int] | None) -> str | None:
    return None if span is None else text[span["start"]:span["end"]]


def _frame(rows: list[dict[str, Any]], offsets: list[str]) -> pd.DataFrame:
    """A frame whose optional offset columns are nullable integers, not floats."""
    frame = pd.DataFrame(rows, columns=None if rows else offsets)
    return frame.astype(dict.fromkeys(offsets, "Int64"))


def sentences_frame(data: Any) -> pd.DataFrame:
    """One row per sentence: its text, offsets, certainty level, cue strings and types."""
    rows = []
    for record in _records(data):
        text = record["text"]
        for index, sent in enumerate(record["sentences"]):
            rows.append({**_base(record), "sentence_index": index, "start": sent["start"],
                         "end": sent["end"], "sentence": _cut(text, sent),
                         "certainty": sent["certainty"],
                         "cues": [_cut(text, c) for c in sent["cues"]],
                         "cue_types": [c["type"] for c in sent["cues"]]})
    return pd.DataFrame(rows)


def attributions_frame(data: Any) -> pd.DataFrame:
    """One row per attribution: the source, cue and content strings with their offsets."""
    rows = []
    for record in _records(data):
        text = record["text"]
        for att in record["attributions"]:
            row = {**_base(record), "attribution_id": att["id"],
                   "source_type": att["source_type"], "parent": att["parent"]}
            for role in ("source", "cue", "content"):
                span = att[role]
                row[role] = _cut(text, span)
                row[f"{role}_start"] = None if span is None else span["start"]
                row[f"{role}_end"] = None if span is None else span["end"]
            rows.append(row)
    return _frame(rows, [f"{role}_{edge}" for role in ("source", "cue", "content")
                         for edge in ("start", "end")])


def duplication_frame(data: Any) -> pd.DataFrame:
    """One row per duplication/artifact span, with the text of its original if linked."""
    rows = []
    for record in _records(data):
        text = record["text"]
        for item in record["duplication"]:
            original = item["original"]
            rows.append({**_base(record), "label": item["label"], "start": item["start"],
                         "end": item["end"], "span": _cut(text, item),
                         "original_start": None if original is None else original["start"],
                         "original_end": None if original is None else original["end"],
                         "original": _cut(text, original)})
    return _frame(rows, ["original_start", "original_end"])
