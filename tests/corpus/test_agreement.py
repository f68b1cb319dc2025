"""The agreement study's tools: seeded stratified sample, blank texts, second annotations
read back into records, and agreement figures from the official scorer."""

from __future__ import annotations

from collections import Counter
from copy import deepcopy

import pytest

from newsdac.corpus.agreement import (
    AGREEMENT_ENTRY,
    FIGURES,
    agreement_entry,
    agreement_sample,
    below_bar,
    block_markers,
    compare_annotations,
    disagreements,
    replace_block,
    sample_size,
    study_block,
)
from newsdac.corpus.reannotation import read_reannotation, read_reannotations, write_blanks
from newsdac.errors import NewsdacError

TOPICS = ["politics", "conflict", "courts", "business", "science_health", "environment",
          "technology", "sport", "culture"]
REGISTERS = ["wire", "feature", "explainer", "brief", "liveblog", "press_release"]


def _fake_release(per_cell: int = 6) -> list[dict]:
    records, n = [], 0
    for topic in TOPICS:
        for register in REGISTERS:
            for _ in range(per_cell):
                n += 1
                records.append({"id": f"nd-{n:04d}",
                                "meta": {"topic": topic, "register": register}})
    return records


def test_sample_size_is_forty_or_ten_percent():
    assert sample_size(52) == 40
    assert sample_size(300) == 40
    assert sample_size(401) == 41
    assert sample_size(1000) == 100


def test_sample_is_seeded_stratified_and_spread():
    release = _fake_release()
    sample = agreement_sample(release)
    assert sample == agreement_sample(list(reversed(release)))
    assert sample != agreement_sample(release, seed=1)
    assert len(sample) == len(set(sample)) == 40
    meta = {r["id"]: r["meta"] for r in release}
    per_topic = Counter(meta[i]["topic"] for i in sample)
    assert set(per_topic) == set(TOPICS)
    assert max(per_topic.values()) - min(per_topic.values()) <= 1
    assert len({meta[i]["register"] for i in sample}) == len(REGISTERS)
    assert len({(meta[i]["topic"], meta[i]["register"]) for i in sample}) == 40


def test_sample_never_asks_for_more_than_the_release():
    release = _fake_release(per_cell=1)[:30]
    assert sorted(agreement_sample(release)) == sorted(r["id"] for r in release)


TEXT = ("Bridge to close for repairs\n"
        "Advertisement\n"
        "The bridge may close next week, the mayor said.\n"
        "Engineers found cracks in two piers.\n"
        "The bridge may close next week, the mayor said.")


def _base() -> dict:
    return {"id": "nd-9100", "split": "test",
            "meta": {"topic": "politics", "register": "brief"}, "text": TEXT,
            "duplication": [], "attributions": [], "sentences": []}


ANNOTATION = """id: nd-9100
annotator: test
duplication:
  - {lines: [2, 2], label: boilerplate}
  - {lines: [5, 5], label: repeated_paragraph, original: [3, 3]}
attributions:
  - id: a1
    source: {text: "the mayor", n: 1}
    cue: {text: "said", n: 1}
    content: {text: "The bridge may close next week", n: 1}
    type: official
sentences:
  - at: {text: "The bridge may close", n: 1}
    certainty: uncommitted
    cues:
      - {text: "may", type: modal}
"""


def test_blank_writes_raw_text_and_a_skeleton_but_never_overwrites(tmp_path):
    write_blanks([_base()], tmp_path)
    assert (tmp_path / "nd-9100.txt").read_text(encoding="utf-8") == TEXT
    (tmp_path / "nd-9100.yaml").write_text(ANNOTATION, encoding="utf-8")
    write_blanks([_base()], tmp_path)
    assert (tmp_path / "nd-9100.yaml").read_text(encoding="utf-8") == ANNOTATION


def test_second_annotation_reads_into_a_release_shaped_record(tmp_path):
    write_blanks([_base()], tmp_path)
    (tmp_path / "nd-9100.yaml").write_text(ANNOTATION, encoding="utf-8")
    record = read_reannotation(tmp_path / "nd-9100.yaml", _base())
    spans = [(TEXT[d["start"]:d["end"]], d["label"]) for d in record["duplication"]]
    assert spans == [("Advertisement", "boilerplate"),
                     ("The bridge may close next week, the mayor said.", "repeated_paragraph")]
    copy = record["duplication"][1]
    assert copy["original"]["end"] <= copy["start"]
    a1 = record["attributions"][0]
    assert TEXT[a1["content"]["start"]:a1["content"]["end"]] == "The bridge may close next week"
    assert a1["content"]["start"] < TEXT.index("Engineers")
    # sentences inside the annotator's own artifacts are dropped, as in a release
    texts = [TEXT[s["start"]:s["end"]] for s in record["sentences"]]
    assert "Advertisement" not in texts and texts.count(
        "The bridge may close next week, the mayor said.") == 1
    assert [s["certainty"] for s in record["sentences"]] == ["certain", "uncommitted", "certain"]


@pytest.mark.parametrize("edit, message", [
    (lambda y: y.replace("lines: [2, 2]", "lines: [2, 9]"), "field duplication/0/lines"),
    (lambda y: y.replace(", original: [3, 3]", ""), "field duplication/1/original"),
    (lambda y: y.replace("type: official", "type: mayor"), "field attributions/0/type"),
])
def test_bad_second_annotations_name_file_article_and_field(tmp_path, edit, message):
    write_blanks([_base()], tmp_path)
    (tmp_path / "nd-9100.yaml").write_text(edit(ANNOTATION), encoding="utf-8")
    with pytest.raises(NewsdacError, match=message) as caught:
        read_reannotation(tmp_path / "nd-9100.yaml", _base())
    assert "nd-9100.yaml: article nd-9100" in str(caught.value)


def test_text_that_is_not_the_released_text_is_refused(tmp_path):
    write_blanks([_base()], tmp_path)
    (tmp_path / "nd-9100.yaml").write_text(ANNOTATION, encoding="utf-8")
    (tmp_path / "nd-9100.txt").write_text(TEXT.replace("piers", "pillars"), encoding="utf-8")
    with pytest.raises(NewsdacError, match="field text"):
        read_reannotation(tmp_path / "nd-9100.yaml", _base())


@pytest.fixture
def annotated(tmp_path) -> dict:
    write_blanks([_base()], tmp_path)
    (tmp_path / "nd-9100.yaml").write_text(ANNOTATION, encoding="utf-8")
    return read_reannotation(tmp_path / "nd-9100.yaml", _base())


def test_identical_annotations_agree_perfectly_in_both_directions(annotated):
    directions = compare_annotations([annotated], [deepcopy(annotated)], "9.9.9", bootstrap=50)
    assert [(d.gold, d.predicted) for d in directions] == [("first", "second"),
                                                           ("second", "first")]
    for direction in directions:
        for task, metric, _ in FIGURES:
            assert direction.results[task].scores[metric].value == pytest.approx(1.0), metric
    assert below_bar(directions) == []


def test_disagreements_lower_the_right_figures(annotated):
    second = deepcopy(annotated)
    second["sentences"][1]["certainty"] = "possible"
    second["attributions"] = []
    second["duplication"] = second["duplication"][:1]
    first_as_gold, second_as_gold = compare_annotations([annotated], [second], "9.9.9",
                                                        bootstrap=0)
    cert = first_as_gold.results["certainty"].scores
    assert cert["kappa"].value < 1 and cert["alpha_ordinal"].value < 1
    assert cert["cue_span_f1"].value == pytest.approx(1.0)
    assert first_as_gold.results["attribution"].scores["relation_partial_f1"].value == 0
    dup = [d.results["duplication"].scores["span_exact_f1"].value
           for d in (first_as_gold, second_as_gold)]
    assert dup == pytest.approx([2 / 3, 2 / 3])
    assert any("relation" in line for line in below_bar([first_as_gold, second_as_gold]))


def test_generated_block_replaces_only_its_own_version(annotated, tmp_path):
    block = study_block([annotated], [annotated], "9.9.9", bootstrap=20)
    assert "| certainty level, Cohen's kappa | `kappa` | 1.000" in block
    assert "| nd-9100 | test | politics | brief |" in block
    start, end = block_markers("9.9.9")
    other_start, other_end = block_markers("9.9.8")
    assert block.startswith(start) and block.endswith(end)
    stale = f"{start}\nSTALE FIGURES\n{end}\n"
    kept = f"{other_start}\nOLDER FIGURES\n{other_end}\n"
    document = f"# Study\n\nBefore.\n\n{kept}\n{stale}"
    replaced = replace_block(document + "After.\n", block, "9.9.9", tmp_path / "A.md")
    assert replaced.startswith("# Study\n\nBefore.\n\n") and replaced.endswith("After.\n")
    assert "STALE FIGURES" not in replaced and block in replaced and "OLDER FIGURES" in replaced
    with pytest.raises(NewsdacError, match="no generated block for 9.9.7"):
        replace_block(document, block, "9.9.7", tmp_path / "A.md")


def test_agreement_entry_holds_only_test_articles_as_a_reference(annotated):
    dev = {**deepcopy(annotated), "id": "nd-9101", "split": "dev"}
    metadata, lines = agreement_entry([annotated, dev], "9.9.9",
                                      {"nd-9100": "test", "nd-9101": "dev"})
    assert lines[0] == {"header": {"corpus_version": "9.9.9", "split": "test",
                                   "system": "annotator-agreement"}}
    assert [line["id"] for line in lines[1:]] == ["nd-9100"]
    assert lines[1]["attributions"] == annotated["attributions"]
    assert metadata["reference"] is True and metadata["scored_on"] == "predicted_articles"
    assert "the 1 test articles" in metadata["description"]


def test_disagreements_list_each_differing_item_once(annotated):
    second = deepcopy(annotated)
    second["sentences"][1]["certainty"] = "possible"
    second["attributions"] = []
    lines = disagreements([annotated], [second])
    assert lines[0].startswith("certainty nd-9100 first=uncommitted second=possible | ")
    assert lines[1:] == ["attribution nd-9100 only-first cue='said' "
                         "content='The bridge may close next week'"]
    assert disagreements([annotated], [deepcopy(annotated)]) == []


@pytest.mark.parametrize("version", ["1.0.0", "1.1.0"])
def test_agreement_md_figures_are_what_the_command_writes(version):
    import json

    from newsdac.io import jsonl_text
    from newsdac.leaderboard.submissions import ROOT
    from newsdac.loaders import load_records, versions
    from newsdac.paths import corpus_root
    records = {r["id"]: r for r in load_records("articles", version=version)}
    second = read_reannotations(corpus_root() / "agreement", records)
    assert len(second) >= 40
    block = study_block([records[r["id"]] for r in second], second, version, 1000)
    assert block in (corpus_root() / "AGREEMENT.md").read_text(encoding="utf-8")
    if version == versions()[-1]:
        _, lines = agreement_entry(second, version, {i: r["split"] for i, r in records.items()})
        entry = ROOT / AGREEMENT_ENTRY
        assert (entry / "predictions.jsonl").read_text(encoding="utf-8") == jsonl_text(lines)
        assert json.loads((entry / "metadata.json").read_text())["corpus_version"] == version
