"""`newsdac predict` on a raw article pasted twice, trained on the committed release."""

from __future__ import annotations

import json

import pytest

from newsdac.baselines.predict import best_systems, predict_texts, read_raw
from newsdac.cli import main
from tests.conftest import FIXTURES

RAW = FIXTURES / "raw" / "velsport-strike.txt"


@pytest.fixture(scope="module")
def record() -> dict:
    (result,) = predict_texts({"velsport-strike": read_raw(RAW)}, best_systems())
    return result


def _covered(items, start, end) -> int:
    return sum(max(0, min(end, d["end"]) - max(start, d["start"])) for d in items)


def test_flags_the_second_copy_and_the_artifacts_but_not_the_first_copy(record):
    text, dup = record["text"], record["duplication"]
    lines = text.split("\n")
    first_body = text.index(lines[3])
    second_body = text.index(lines[3], first_body + 1)
    assert _covered(dup, second_body, len(text.rstrip("\n"))) >= 0.9 * (
        len(text.rstrip("\n")) - second_body)
    assert _covered(dup, first_body, text.index("Empty line 7")) == 0
    assert _covered(dup, 0, len(lines[0])) == 0  # the paraphrasing standfirst stays
    labels = {(text[d["start"]:d["end"]], d["label"]) for d in dup}
    assert (lines[2], "repeated_headline") in labels
    assert ("Empty line 7", "placeholder") in labels


def test_finds_anonymous_media_and_person_sources_and_hedges(record):
    text = record["text"]
    kinds = {a["source_type"] for a in record["attributions"]}
    assert {"anonymous", "media", "person"} <= kinds
    sources = {text[a["source"]["start"]:a["source"]["end"]] for a in record["attributions"]
               if a["source"]}
    assert "The Velsport Evening Mail" in sources
    cue_words = {text[c["start"]:c["end"]].lower() for s in record["sentences"]
                 for c in s["cues"]}
    assert {"could", "may", "roughly"} <= cue_words
    assert any(s["certainty"] != "certain" for s in record["sentences"])


def test_offsets_are_into_the_text_exactly_as_read(tmp_path, capsys):
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"Storm hits coast\r\nStorm hits coast\r\nThe storm may strengthen.\r\n")
    assert main(["predict", str(crlf), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    raw = crlf.read_bytes().decode("utf-8")
    assert out["id"] == "crlf" and out["text"] == raw
    for sentence in out["sentences"]:
        assert "\r" not in raw[sentence["start"]:sentence["end"]]
