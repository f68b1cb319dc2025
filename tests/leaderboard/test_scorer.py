"""The scorer end to end: properties, artifacts ignored, intervals, signatures, comparison."""

from __future__ import annotations

import copy

import pytest

from newsdac.errors import NewsdacError
from newsdac.leaderboard.scorer import compare, score
from newsdac.leaderboard.signature import Signature
from tests.leaderboard.conftest import write_jsonl


def _headlines(report):
    return {name: r.scores[r.headline].value for name, r in report.tasks.items()}


def test_perfect_predictions_score_one_with_a_degenerate_interval(gold, perfect):
    report = score(gold, perfect, bootstrap=200)
    assert _headlines(report) == {"duplication": 1.0, "attribution": 1.0, "certainty": 1.0}
    assert report.tasks["certainty"].scores["mae"].value == 0.0
    assert report.overall.value == 1.0 and report.overall.ci == (1.0, 1.0)


def test_empty_predictions_score_zero_recall(gold, tmp_path):
    assert not any(a["parent"] for r in gold.records for a in r["attributions"])
    path = write_jsonl(tmp_path / "empty.jsonl", [
        {"id": r["id"], "duplication": [], "attributions": [], "sentences": []}
        for r in gold.records])
    report = score(gold, path, bootstrap=0)
    for result in report.tasks.values():
        for name, s in result.scores.items():
            if name.endswith("recall") and not name.startswith("clean_text"):
                # nested recall is vacuously 1: these gold articles have no nesting
                assert s.value == (1.0 if name == "nested_recall" else 0.0), name


def test_record_order_does_not_change_scores(gold, perfect, tmp_path):
    lines = perfect.read_text(encoding="utf-8").splitlines()
    records = [__import__("json").loads(x) for x in lines]
    noisy = copy.deepcopy(records)
    for r in noisy:
        r["attributions"] = r["attributions"][1:]
        r["sentences"] = [{**s, "certainty": "certain"} for s in r["sentences"]]
    a = score(gold, write_jsonl(tmp_path / "a.jsonl", noisy), bootstrap=100).to_json()
    b = score(gold, write_jsonl(tmp_path / "b.jsonl", list(reversed(noisy))),
              bootstrap=100).to_json()
    a.pop("predictions"), b.pop("predictions")
    assert a == b


def test_predictions_inside_gold_artifacts_are_ignored(gold, perfect, tmp_path):
    records = [__import__("json").loads(x) for x in perfect.read_text().splitlines()]
    target = next(i for i, g in enumerate(gold.records) if g["duplication"])
    artifact = gold.records[target]["duplication"][0]
    span = {"start": artifact["start"], "end": artifact["end"]}
    records[target]["attributions"].append({"id": "x1", "source": None, "cue": span,
                                            "content": span, "source_type": "unspecified",
                                            "parent": None})
    records[target]["sentences"].append({**span, "certainty": "possible", "cues": [
        {**span, "type": "modal"}]})
    records[target]["sentences"].sort(key=lambda s: s["start"])
    report = score(gold, write_jsonl(tmp_path / "extra.jsonl", records), bootstrap=0)
    assert _headlines(report) == {"duplication": 1.0, "attribution": 1.0, "certainty": 1.0}
    assert report.tasks["certainty"].scores["cue_span_precision"].value == 1.0


def test_missing_articles_count_as_empty_with_a_warning(gold, perfect, tmp_path):
    lines = perfect.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "partial.jsonl"
    path.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    report = score(gold, path, bootstrap=0)
    assert report.warnings == ["5 of 8 gold articles have no predictions and count as empty"]
    assert report.tasks["attribution"].scores["relation_partial_recall"].value < 1.0


def test_bootstrap_is_seeded_and_brackets_the_value(gold, perfect, tmp_path):
    records = [__import__("json").loads(x) for x in perfect.read_text().splitlines()]
    for i, r in enumerate(records):
        r["attributions"] = r["attributions"][: i + 1]
    path = write_jsonl(tmp_path / "some.jsonl", records)
    first = score(gold, path, bootstrap=300, seed=5).tasks["attribution"]
    again = score(gold, path, bootstrap=300, seed=5).tasks["attribution"]
    head = first.scores[first.headline]
    assert head.ci == again.scores[again.headline].ci
    assert head.ci[0] < head.value < head.ci[1]


def test_signature_names_everything_and_refuses_mismatches(gold, perfect):
    report = score(gold, perfect, tasks=["attribution"], bootstrap=50)
    signature = report.tasks["attribution"].scores["relation_partial_f1"].signature
    assert str(signature) == ("newsdac:9.9.9|split:test|task:attribution|"
                              "metric:relation_partial_f1|bs:50|scorer:0.2.0")
    assert report.overall is None
    with pytest.raises(NewsdacError, match="not comparable"):
        signature.require_comparable(Signature("9.9.9", "dev", "attribution",
                                               "relation_partial_f1", 50))


def test_breakdowns_by_topic_and_label(gold, perfect):
    report = score(gold, perfect, bootstrap=0, by=["topic", "certainty"])
    assert set(report.tasks["certainty"].by) == {"topic", "certainty"}
    assert set(report.tasks["certainty"].by["topic"]) == {"culture", "sport", "politics"}
    assert "certainty" not in report.tasks["attribution"].by
    with pytest.raises(NewsdacError, match="unknown --by field 'colour'"):
        score(gold, perfect, by=["colour"])


def test_compare_a_system_with_itself_and_with_nothing(gold, perfect, tmp_path):
    same = compare(gold, perfect, perfect, bootstrap=200, trials=200)
    for result in same["tasks"].values():
        assert result["paired_bootstrap"]["delta"] == 0.0
        assert result["approximate_randomization"]["p_value"] == 1.0
    empty = write_jsonl(tmp_path / "e.jsonl", [{"id": r["id"], "sentences": []}
                                               for r in gold.records])
    diff = compare(gold, perfect, empty, tasks=["certainty"], bootstrap=500, trials=500)
    result = diff["tasks"]["certainty"]
    assert result["paired_bootstrap"]["delta"] == 1.0
    assert result["paired_bootstrap"]["p_value"] < 0.01
    assert result["approximate_randomization"]["p_value"] < 0.05


def test_plots_are_written_as_png(gold, perfect, tmp_path):
    from newsdac.leaderboard import score as public_score
    from newsdac.leaderboard.report import write_plots

    report = public_score(gold, perfect, bootstrap=0, by=["topic"])
    paths = write_plots(report, tmp_path / "plots")
    names = sorted(p.name for p in paths)
    assert "certainty_confusion.png" in names and "attribution_confusion.png" in names
    assert "duplication_per_label.png" in names and "certainty_by_topic.png" in names
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in paths)


def test_cli_score_prints_signatures_and_json(capsys):
    from newsdac.cli import main
    from newsdac.loaders import versions
    from tests.conftest import REPO
    latest = versions()[-1]
    pred = REPO / "leaderboard" / "submissions" / "baseline-learned" / "predictions.jsonl"
    assert main(["score", "--gold", f"{latest}:test", "--pred", str(pred),
                 "--bootstrap", "50", "--json"]) == 0
    result = __import__("json").loads(capsys.readouterr().out)
    signature = result["tasks"]["attribution"]["scores"]["relation_partial_f1"]["signature"]
    assert signature["string"] == (f"newsdac:{latest}|split:test|task:attribution|"
                                   "metric:relation_partial_f1|bs:50|scorer:0.2.0")
    assert result["overall"]["value"] is not None
