"""`newsdac validate`: each broken rule gives one clear line naming file, line, id, field."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsdac.cli import main
from newsdac.corpus.release import build_records, dumps_jsonl
from newsdac.corpus.source import read_sources
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def record() -> dict:
    (article,) = read_sources(FIXTURES / "src")
    records = build_records([article], seed=1)
    assert records[0]["duplication"], "seed 1 must inject artifacts into the fixture"
    return records[0]


def _write(tmp_path: Path, *records: dict, raw: str | None = None) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_bytes(raw.encode() if raw is not None else dumps_jsonl(list(records)))
    return path


def _validate(path: Path, capsys) -> tuple[int, list[str]]:
    code = main(["validate", str(path)])
    return code, capsys.readouterr().err.strip().splitlines()


def test_a_valid_file_passes(tmp_path, record, capsys):
    assert main(["validate", str(_write(tmp_path, record))]) == 0
    assert "1 records valid" in capsys.readouterr().out


def _break_offset(r):
    r["attributions"][0]["content"]["end"] = len(r["text"]) + 5


def _break_order(r):
    r["sentences"][2]["end"] = r["sentences"][2]["start"]


def _break_label(r):
    r["sentences"][0]["certainty"] = "definite"


def _break_link(r):
    item = next(d for d in r["duplication"] if d["original"])
    item["original"] = {"start": item["end"] - 1, "end": item["end"] + 1}


def _break_parent(r):
    r["attributions"][0]["parent"] = "a42"


def _break_overlap(r):
    r["sentences"][1]["start"] = r["sentences"][0]["end"] - 3


def _break_artifact(r):
    item = r["duplication"][0]
    r["attributions"][0]["cue"] = {"start": item["start"], "end": item["end"]}


@pytest.mark.parametrize("breaker, field, message", [
    (_break_offset, "attributions/0/content", "past the end of text"),
    (_break_order, "sentences/2", "must be < end"),
    (_break_label, "sentences/0/certainty", "'definite' is not one of"),
    (_break_link, "duplication/", "must link to earlier text"),
    (_break_parent, "attributions/0/parent", "parent 'a42' is not another attribution"),
    (_break_overlap, "sentences/1", "overlaps or precedes the previous sentence"),
    (_break_artifact, "attributions/0/cue", "inside a duplication/artifact span"),
])
def test_each_broken_rule_is_reported_on_one_line(tmp_path, record, capsys, breaker, field,
                                                  message):
    bad = copy.deepcopy(record)
    breaker(bad)
    path = _write(tmp_path, record | {"id": "nd-9002"}, bad)
    code, lines = _validate(path, capsys)
    assert code == 2
    assert len(lines) >= 1
    first = lines[0]
    assert first.startswith(f"{path}:2: article nd-9001: field {field}")
    assert message in first


def test_bad_json_names_the_line(tmp_path, record, capsys):
    good = json.dumps(record, ensure_ascii=False)
    code, lines = _validate(_write(tmp_path, raw=good + "\n{not json\n"), capsys)
    assert code == 2
    assert lines == [f"newsdac: error: {tmp_path / 'records.jsonl'}:2: not valid JSON: "
                     "Expecting property name enclosed in double quotes (column 2)"]


def test_duplicate_ids_and_empty_or_binary_files_are_rejected(tmp_path, record, capsys):
    code, lines = _validate(_write(tmp_path, record, record), capsys)
    assert code == 2 and "duplicate id, first seen on line 1" in lines[0]
    code, lines = _validate(_write(tmp_path, raw=""), capsys)
    assert code == 2 and lines[0].endswith("file is empty")
    path = tmp_path / "blob.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    code, lines = _validate(path, capsys)
    assert code == 2 and "not UTF-8 text" in lines[0]


def test_cli_process_exits_2_without_traceback(tmp_path):
    path = _write(tmp_path, raw="[1, 2\n")
    done = subprocess.run([sys.executable, "-m", "newsdac.cli", "validate", str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "records.jsonl:1: not valid JSON" in done.stderr


def test_locations_never_break_the_one_line_message():
    from newsdac.errors import where
    assert where("f.jsonl", 3, "nd-\n0001", "id") == "f.jsonl:3: article 'nd-\\n0001': field id"
    assert where("f.jsonl", 3, "nd-0001", "id") == "f.jsonl:3: article nd-0001: field id"
