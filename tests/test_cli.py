"""The command line: corpus commands on the committed corpus, errors as exit code 2."""

from __future__ import annotations

import json

from newsdac.cli import main
from newsdac.loaders import load_records, versions


def test_corpus_check_and_show_on_the_committed_sources(capsys):
    assert main(["corpus", "check"]) == 0
    assert "resolve cleanly" in capsys.readouterr().out
    assert main(["corpus", "show", "corpus/src/nd-0001.yaml"]) == 0
    assert "<a1> unspecified" in capsys.readouterr().out


def test_corpus_build_check_confirms_the_latest_release(capsys):
    assert main(["corpus", "build", "--version", versions()[-1], "--check"]) == 0
    assert "identical to a fresh build" in capsys.readouterr().out


def test_corpus_stats_json_counts_the_release(capsys):
    assert main(["corpus", "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    records = load_records()
    assert stats["total"]["articles"] == len(records)
    assert stats["total"]["attributions"] == sum(len(r["attributions"]) for r in records)
    assert sum(stats["total"]["certainty"].values()) == stats["total"]["sentences"]
    assert sum(s["articles"] for s in stats["splits"].values()) == len(records)


def test_user_errors_exit_2_with_one_line(capsys):
    assert main(["corpus", "stats", "--version", "0.0.0"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsdac: error: unknown corpus version '0.0.0'")
    assert err.count("\n") == 1


def test_variety_report_counts_cue_wording(capsys):
    assert main(["corpus", "stats", "--json"]) == 0
    variety = json.loads(capsys.readouterr().out)["variety"]
    records = load_records()
    cues = sum(len(s["cues"]) for r in records for s in r["sentences"])
    top = variety["top_cue_strings"]
    assert top[0]["share"] == variety["max_cue_string_share"]
    assert top[0]["count"] / cues == __import__("pytest").approx(top[0]["share"], abs=1e-4)
    assert [row["count"] for row in top] == sorted((row["count"] for row in top), reverse=True)
    assert variety["distinct_reporting_cues"] >= len(variety["top_reporting_cues"])


def test_corpus_check_second_resolves_a_blind_annotation_without_printing_gold(tmp_path,
                                                                                capsys):
    record = load_records()[0]
    assert main(["corpus", "blank", record["id"], "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    first_line = record["text"].split("\n")[0]
    (tmp_path / f"{record['id']}.yaml").write_text(
        f"id: {record['id']}\nannotator: test\nduplication: []\nattributions: []\n"
        f"sentences:\n  - at: {{text: {json.dumps(first_line)}, n: 1}}\n"
        "    certainty: possible\n",
        encoding="utf-8")
    assert main(["corpus", "check", "--second", str(tmp_path / f"{record['id']}.yaml")]) == 0
    out = capsys.readouterr().out
    assert out == "ok: 1 second annotation(s) resolve cleanly\n"
    (tmp_path / f"{record['id']}.yaml").write_text(
        f"id: {record['id']}\nsentences:\n  - at: \"no such words here\"\n"
        f"    certainty: possible\n", encoding="utf-8")
    assert main(["corpus", "check", "--second", str(tmp_path / f"{record['id']}.yaml")]) == 2
    assert "not found" in capsys.readouterr().err


def test_corpus_splits_reports_the_closest_pair_across_splits(capsys):
    import re
    assert main(["corpus", "splits"]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    match = re.fullmatch(r"closest pair across splits: (nd-\d+) / (nd-\d+), word 5-gram "
                         r"Jaccard ([\d.]+) \(the build refuses 0.2\)", line)
    assert match and match.group(1) != match.group(2) and float(match.group(3)) < 0.2
