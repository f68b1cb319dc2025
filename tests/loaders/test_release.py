"""Releases: deterministic build, immutability, checksums, datasets and pandas loading."""

from __future__ import annotations

import shutil

import pytest

from newsdac.corpus.release import build_release, diff_release, write_release
from newsdac.errors import NewsdacError
from newsdac.loaders import (
    attributions_frame,
    duplication_frame,
    load,
    load_records,
    sentences_frame,
    verify,
    versions,
)
from newsdac.paths import releases_root, sources_root
from newsdac.schema import CONFIGS, SPLITS
from tests.conftest import REPO


def test_build_is_deterministic(tiny_release):
    src = tiny_release.parent / "src"
    assert build_release(src, tiny_release / "9.9.9", "9.9.9") == \
        build_release(src, tiny_release / "9.9.9", "9.9.9")
    assert diff_release(build_release(src, tiny_release / "9.9.9", "9.9.9"),
                        tiny_release / "9.9.9") == []


def test_an_existing_release_is_never_overwritten_with_different_bytes(tiny_release):
    files = build_release(tiny_release.parent / "src", tiny_release / "9.9.9", "9.9.9")
    assert "up to date" in write_release(files, tiny_release / "9.9.9")
    changed = {**files, "articles/dev.jsonl": b"{}\n"}
    with pytest.raises(NewsdacError, match="immutable"):
        write_release(changed, tiny_release / "9.9.9")


def test_every_config_loads_with_datasets_load_dataset(tiny_release):
    from datasets import load_dataset

    for config, fields in CONFIGS.items():
        data = load_dataset(str(tiny_release / "9.9.9"), config)
        assert list(data) == list(SPLITS)
        assert data["train"].column_names == list(fields)


def test_non_ascii_offsets_round_trip_through_jsonl_and_arrow(tiny_release):
    data = load("articles", split="train", root=tiny_release)
    record = data[0]
    text = record["text"]
    strings = {text[s["start"]:s["end"]] for s in record["sentences"]}
    assert "Café owner José Müller wins Vallorme baking prize 🎉" in strings
    assert any(s.endswith("doubled next year 🍰.") for s in strings)
    content = {text[a["content"]["start"]:a["content"]["end"]] for a in record["attributions"]}
    assert "José Müller, who runs Café Ñandú in Vallorme’s old quarter, won the regional " \
           "baking prize on Saturday" in content
    assert load_records("articles", "train", root=tiny_release)[0]["text"] == text


def test_tampered_or_missing_file_is_a_clear_error(tiny_release, tmp_path):
    copy = tmp_path / "releases"
    shutil.copytree(tiny_release, copy)
    target = copy / "9.9.9" / "certainty" / "dev.jsonl"
    target.write_bytes(target.read_bytes().replace(b"uncommitted", b"certain", 1))
    with pytest.raises(NewsdacError, match=r"certainty/dev.jsonl: checksum mismatch"):
        load("certainty", root=copy)
    target.unlink()
    with pytest.raises(NewsdacError, match="listed in MANIFEST.json but missing"):
        verify(root=copy)


def test_unknown_version_config_and_split_are_errors(tiny_release):
    with pytest.raises(NewsdacError, match="unknown corpus version '0.0.0'"):
        load(version="0.0.0", root=tiny_release)
    with pytest.raises(NewsdacError, match="unknown config 'claims'"):
        load("claims", root=tiny_release)
    with pytest.raises(NewsdacError, match="unknown split 'validation'"):
        load(split="validation", root=tiny_release)


def test_pandas_views_have_one_row_per_item(tiny_release):
    data = load("articles", root=tiny_release)
    records = load_records(root=tiny_release)
    sentences = sentences_frame(data)
    assert len(sentences) == sum(len(r["sentences"]) for r in records)
    assert set(sentences.certainty) <= {"certain", "probable", "possible", "uncommitted"}
    attributions = attributions_frame(data["train"])
    assert len(attributions) == len(records[0]["attributions"])
    jury = attributions[attributions.attribution_id == "a1"].iloc[0]
    assert (jury.source, jury.cue, jury.source_type) == ("the jury", "announced", "organization")
    assert str(attributions.source_start.dtype) == "Int64"
    spans = duplication_frame(records)
    assert len(spans) == sum(len(r["duplication"]) for r in records)
    linked = spans.dropna(subset=["original"])
    assert all(linked.label.isin(["repeated_headline", "repeated_paragraph", "repeated_body",
                                  "near_duplicate"]))


def test_committed_releases_exist_and_the_latest_equals_a_rebuild():
    assert versions(), "no corpus release committed"
    latest = versions()[-1]
    files = build_release(sources_root(), releases_root() / latest, latest)
    assert diff_release(files, releases_root() / latest) == []


def test_committed_release_loads_every_config_and_split():
    for config in CONFIGS:
        data = load(config)
        assert all(len(data[split]) > 0 for split in SPLITS)
    assert releases_root() == REPO / "corpus" / "releases"


def test_two_releases_with_the_same_version_name_do_not_share_a_cache(tiny_release, tmp_path):
    other = tmp_path / "releases"
    shutil.copytree(tiny_release, other)
    records = load_records("certainty", "test", root=other)
    shortened = [{**records[0], "sentences": records[0]["sentences"][:1]}]
    from newsdac.corpus.release import dumps_jsonl, manifest
    files = {str(p.relative_to(other / "9.9.9")): p.read_bytes()
             for p in (other / "9.9.9").rglob("*") if p.is_file() and p.name != "MANIFEST.json"}
    files["certainty/test.jsonl"] = dumps_jsonl(shortened)
    (other / "9.9.9" / "certainty" / "test.jsonl").write_bytes(files["certainty/test.jsonl"])
    (other / "9.9.9" / "MANIFEST.json").write_bytes(manifest(files, "9.9.9", "x", 13))
    assert len(load("certainty", "test", root=tiny_release)[0]["sentences"]) > 1
    assert len(load("certainty", "test", root=other)[0]["sentences"]) == 1


def test_croissant_metadata_describes_every_file_and_field(tiny_release):
    import hashlib
    import json

    folder = tiny_release / "9.9.9"
    meta = json.loads((folder / "croissant.json").read_text(encoding="utf-8"))
    assert meta["conformsTo"] == "http://mlcommons.org/croissant/1.0"
    assert meta["@type"] == "sc:Dataset" and meta["version"] == "9.9.9"
    files = {d["contentUrl"]: d["sha256"] for d in meta["distribution"]}
    assert set(files) == {f"{c}/{s}.jsonl" for c in CONFIGS for s in SPLITS}
    for path, digest in files.items():
        assert hashlib.sha256((folder / path).read_bytes()).hexdigest() == digest
    sets = {r["name"]: r for r in meta["recordSet"]}
    assert set(sets) == set(CONFIGS)
    for config, fields in CONFIGS.items():
        assert [f["name"] for f in sets[config]["field"]] == list(fields)
    attributions = next(f for f in sets["attribution"]["field"] if f["name"] == "attributions")
    assert attributions["repeated"] is True
    assert [f["name"] for f in attributions["subField"]] == [
        "id", "source", "cue", "content", "source_type", "parent"]
