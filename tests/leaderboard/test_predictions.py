"""Malformed predictions never crash the scorer: one clear message, exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdac.cli import main
from newsdac.errors import NewsdacError
from newsdac.leaderboard.scorer import score
from tests.leaderboard.conftest import write_jsonl


def _first(perfect: Path) -> dict:
    return json.loads(perfect.read_text(encoding="utf-8").splitlines()[0])


CASES = {
    "bad json": (lambda r: json.dumps(r)[:-3] + "\n", r"\.jsonl:1: not valid JSON"),
    "not an object": (lambda r: "[1, 2]\n", r":1: article \?: field \(record\): a record must"),
    "unknown id": (lambda r: json.dumps({**r, "id": "nd-0999"}) + "\n",
                   r":1: article nd-0999: field id: unknown article id"),
    "duplicate id": (lambda r: (json.dumps(r) + "\n") * 2,
                     r":2: article nd-9000: field id: duplicate id, first seen on line 1"),
    "no layers": (lambda r: json.dumps({"id": r["id"]}) + "\n", r"no record carries any layer"),
    "offset out of range": (
        lambda r: json.dumps({**r, "sentences": [{"start": 0, "end": 10**6,
                                                  "certainty": "certain", "cues": []}]}) + "\n",
        r":1: article nd-9000: field sentences/0: end 1000000 is past the end of text"),
    "reversed offsets": (
        lambda r: json.dumps({**r, "sentences": [{"start": 9, "end": 3,
                                                  "certainty": "certain", "cues": []}]}) + "\n",
        r"field sentences/0: start 9 must be < end 3"),
    "unknown label": (
        lambda r: json.dumps({**r, "sentences": [{"start": 0, "end": 3,
                                                  "certainty": "sure", "cues": []}]}) + "\n",
        r"field sentences/0/certainty: 'sure' is not one of"),
    "wrong type": (
        lambda r: json.dumps({**r, "attributions": {"a": 1}}) + "\n",
        r"field attributions: \{'a': 1\} is not of type 'array'"),
    "misspelt layer": (lambda r: json.dumps({"id": r["id"], "attribution": []}) + "\n",
                       r"Additional properties are not allowed \('attribution' was unexpected"),
    "empty file": (lambda r: "", r"file is empty"),
    "binary file": (lambda r: "\x00\x01PK\x03\x04", r"not valid JSON"),
    "other corpus version": (
        lambda r: json.dumps({"header": {"corpus_version": "0.0.9"}}) + "\n" + json.dumps(r)
        + "\n", r":1: field header/corpus_version: predictions are for corpus 0.0.9, gold is"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_malformation_gives_one_clear_message(gold, perfect, tmp_path, case):
    make, message = CASES[case]
    path = tmp_path / "pred.jsonl"
    path.write_text(make(_first(perfect)), encoding="utf-8")
    with pytest.raises(NewsdacError, match=message):
        score(gold, path, bootstrap=0)


def test_undecodable_bytes_are_reported_as_binary(gold, tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\xfa")
    with pytest.raises(NewsdacError, match="not UTF-8 text"):
        score(gold, path, bootstrap=0)


def test_a_matching_header_is_accepted(gold, perfect, tmp_path):
    lines = [json.dumps({"header": {"corpus_version": "9.9.9", "system": "x"}})]
    lines += perfect.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "with_header.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert score(gold, path, bootstrap=0).tasks["certainty"].scores["macro_f1"].value == 1.0


def test_cli_reports_malformed_predictions_with_exit_code_2(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "nd-0999", "sentences": []}\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "newsdac.cli", "score", "--gold",
                           "latest:test", "--pred", str(path)], capture_output=True, text=True)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "article nd-0999: field id: unknown article id" in done.stderr


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**6) | st.floats(allow_nan=True)
    | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "start", "end", "label", "original", "source", "cue", "content",
                         "source_type", "parent", "certainty", "cues", "type", "duplication",
                         "attributions", "sentences", "header", "x"]), children, max_size=4),
    max_leaves=12)


def _mutations(base: dict):
    """Files derived from a valid record: a field replaced, bytes cut, or junk."""
    layer_names = ["duplication", "attributions", "sentences"]
    replaced = st.builds(lambda layer, value: json.dumps({**base, layer: value}),
                         st.sampled_from(layer_names + ["id"]), _json_values)
    nested = st.builds(
        lambda layer, key, value: json.dumps(
            {**base, layer: [{**item, key: value} for item in base[layer][:2]]}),
        st.sampled_from(layer_names),
        st.sampled_from(["start", "end", "label", "original", "source", "cue", "content",
                         "source_type", "parent", "certainty", "cues", "type"]),
        _json_values)
    cut = st.integers(0, len(json.dumps(base))).map(lambda n: json.dumps(base)[:n])
    junk = st.binary(max_size=60).map(lambda b: b.decode("latin-1"))
    whole = _json_values.map(json.dumps)
    return st.lists(replaced | nested | cut | junk | whole, min_size=1, max_size=3)


@settings(max_examples=1000, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(data=st.data())
def test_fuzzed_prediction_files_never_raise_anything_but_a_newsdac_error(
        gold, perfect, tmp_path, data):
    lines = data.draw(_mutations(_first(perfect)))
    path = tmp_path / "fuzz.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    try:
        report = score(gold, path, bootstrap=0)
    except NewsdacError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        for result in report.tasks.values():
            for s in result.scores.values():
                assert s.value == s.value  # never NaN


def test_fuzz_through_the_cli_returns_0_or_2(tmp_path, capsys):
    for i, text in enumerate(["", "{", "null", '{"id": 5}', "\ufeff{}", '{"id":"nd-0001"}']):
        path = write_jsonl(tmp_path / f"{i}.jsonl", [])
        path.write_text(text, encoding="utf-8")
        assert main(["score", "--pred", str(path), "--bootstrap", "0"]) == 2


def test_the_documented_example_is_a_valid_predictions_record():
    from newsdac.leaderboard.predictions import _VALIDATOR
    from tests.conftest import REPO

    doc = (REPO / "leaderboard" / "METRICS.md").read_text(encoding="utf-8")
    block = doc.split("```json\n")[1].split("```")[0].splitlines()
    header, record = (json.loads(line) for line in block)
    assert set(header) == {"header"}
    assert list(_VALIDATOR.iter_errors(record)) == []
    assert {"duplication", "attributions", "sentences"} <= set(record)
