"""Leaderboard entries and the generated board: checks, escaping, determinism."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsdac.baselines import runner
from newsdac.cli import main
from newsdac.errors import NewsdacError
from newsdac.leaderboard.board import board_files, build_board, write_board
from newsdac.leaderboard.submissions import ROOT, add_entry, check_entry, check_slug
from tests.conftest import REPO

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def board_root(tiny_release, tmp_path_factory):
    """A leaderboard folder with the baselines and an entry with a hostile name."""
    import os
    old = os.environ.get("NEWSDAC_CORPUS")
    os.environ["NEWSDAC_CORPUS"] = str(tiny_release.parent)
    root = tmp_path_factory.mktemp("leaderboard")
    runner.run(bootstrap=0, root=root)
    hostile = root / "hostile.jsonl"
    shutil.copy(root / "submissions" / "baseline-learned" / "predictions.jsonl", hostile)
    add_entry(hostile, {"system": XSS, "authors": "<script>alert(2)</script>",
                        "description": "desc </td><script>alert(3)</script>",
                        "link": "https://example.org/a?b=<c>", "date": "2026-11-24",
                        "corpus_version": "9.9.9",
                        "tasks": ["duplication", "attribution", "certainty"],
                        "training_data": "train", "dev_tuning": False}, "hostile",
              root / "submissions")
    yield root
    if old is None:
        os.environ.pop("NEWSDAC_CORPUS")
    else:
        os.environ["NEWSDAC_CORPUS"] = old


@pytest.fixture(scope="module")
def site(board_root) -> Path:
    write_board(board_files(build_board(board_root / "submissions", bootstrap=200)), board_root)
    return board_root / "site" / "index.html"


def test_slugs_that_could_escape_are_rejected():
    for slug in ["..", "../x", "a/b", "A", "-x", "x" * 64, "", "x y"]:
        with pytest.raises(NewsdacError, match="invalid slug"):
            check_slug(slug)
    assert check_slug("team-42") == "team-42"


def _entry_copy(board_root, tmp_path, change) -> Path:
    root = tmp_path / "submissions"
    shutil.copytree(board_root / "submissions" / "baseline-learned", root / "entry")
    change(root / "entry")
    return root / "entry"


def _edit_meta(key, value):
    def change(folder):
        meta = json.loads((folder / "metadata.json").read_text())
        if value is None:
            meta.pop(key)
        else:
            meta[key] = value
        (folder / "metadata.json").write_text(json.dumps(meta))
    return change


def _edit_predictions(transform):
    def change(folder):
        path = folder / "predictions.jsonl"
        path.write_text(transform(path.read_text(encoding="utf-8")), encoding="utf-8")
    return change


@pytest.mark.parametrize("change, message", [
    (_edit_meta("authors", None), r"'authors' is a required property"),
    (_edit_meta("tasks", ["sarcasm"]), r"field tasks/0: 'sarcasm' is not one of"),
    (_edit_predictions(lambda t: t.replace('"corpus_version":"9.9.9"',
                                           '"corpus_version":"0.0.9"')),
     r"predictions are for corpus 0.0.9, gold is 9.9.9"),
    (_edit_predictions(lambda t: t.replace('"nd-9003"', '"nd-0999"')),
     r"article nd-0999: field id: unknown article id"),
])
def test_check_rejects_broken_entries(board_root, tmp_path, change, message):
    folder = _entry_copy(board_root, tmp_path, change)
    with pytest.raises(NewsdacError, match=message):
        check_entry(folder, folder.parent)


def test_cli_check_exits_2_on_a_bad_slug(tmp_path, capsys):
    bad = ROOT / ".." / "not-an-entry"
    assert main(["leaderboard", "check", str(bad)]) == 2
    assert "newsdac: error:" in capsys.readouterr().err


def test_add_refuses_and_leaves_nothing_behind(board_root, tmp_path):
    before = sorted(p.name for p in (board_root / "submissions").iterdir())
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "nd-0999", "sentences": []}\n')
    meta = json.loads((board_root / "submissions" / "baseline-learned" / "metadata.json")
                      .read_text())
    with pytest.raises(NewsdacError, match="unknown article id"):
        add_entry(bad, meta, "broken", board_root / "submissions")
    with pytest.raises(NewsdacError, match="'authors' is a required property"):
        add_entry(bad, {"system": "x"}, "broken", board_root / "submissions")
    with pytest.raises(NewsdacError, match="invalid slug"):
        add_entry(bad, meta, "../escape", board_root / "submissions")
    assert sorted(p.name for p in (board_root / "submissions").iterdir()) == before


def test_board_ranks_with_intervals_and_marks_reference_rows(board_root):
    board = build_board(board_root / "submissions", bootstrap=200)
    overall = board.overall
    assert [r.rank for r in overall] == list(range(1, len(overall) + 1))
    assert all(r.ci[0] <= r.value <= r.ci[1] for r in overall)
    assert overall[0].value >= overall[-1].value
    certainty = board.tasks["certainty"]
    assert all(r.p_vs_leader is not None for r in certainty[1:])


def test_build_is_deterministic(board_root):
    first = board_files(build_board(board_root / "submissions", bootstrap=200))
    assert first == board_files(build_board(board_root / "submissions", bootstrap=200))


def test_hostile_metadata_is_escaped_everywhere(site, board_root):
    html = site.read_text(encoding="utf-8")
    assert XSS not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>alert" not in html
    assert 'href="https://example.org/a?b=&lt;c&gt;"' in html
    readme = (board_root / "README.md").read_text(encoding="utf-8")
    assert XSS not in readme and "&lt;img src=x onerror=alert(1)&gt;" in readme


def test_site_has_no_network_references(site):
    text = "".join(p.read_text(encoding="utf-8") for p in site.parent.rglob("*.*")
                   if p.suffix in {".html", ".css", ".js"})
    assert "http://" not in text.replace("https://example.org", "")
    assert "//cdn" not in text and "<script src=\"http" not in text


def test_committed_board_equals_a_fresh_build(monkeypatch):
    monkeypatch.delenv("NEWSDAC_CORPUS", raising=False)
    committed = REPO / "leaderboard"
    files = board_files(build_board())
    stale = [rel for rel, text in files.items()
             if (committed / rel).read_text(encoding="utf-8") != text]
    assert stale == [], "run `newsdac leaderboard build` and commit the result"


def test_reference_rows_are_shown_but_not_ranked(board_root, tmp_path):
    root = tmp_path / "submissions"
    shutil.copytree(board_root / "submissions", root)
    meta = json.loads((root / "baseline-learned" / "metadata.json").read_text())
    add_entry(root / "baseline-learned" / "predictions.jsonl",
              {**meta, "system": "Human agreement", "reference": True}, "human-agreement", root)
    board = build_board(root, bootstrap=100)
    rows = {r.slug: r for r in board.tasks["certainty"]}
    assert rows["human-agreement"].rank is None and rows["human-agreement"].reference
    ranked = [r.rank for r in board.tasks["certainty"] if r.rank is not None]
    assert ranked == list(range(1, len(ranked) + 1))
    assert "| reference | Human agreement (human-agreement) |" in board_files(board)["README.md"]


def test_a_partial_reference_is_scored_only_on_the_articles_it_predicts(board_root, tmp_path):
    from newsdac.leaderboard.board import _score_entry
    from newsdac.leaderboard.scorer import Gold
    from newsdac.leaderboard.significance import resample_weights
    from newsdac.leaderboard.submissions import Entry
    from newsdac.loaders import load_records

    records = [{**r, "split": "test"} for r in load_records("articles", version="9.9.9")]
    gold = Gold("9.9.9", "test", records)
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({k: records[0][k] for k in (
        "id", "duplication", "attributions", "sentences")}) + "\n", encoding="utf-8")
    meta = {"system": "Human agreement", "reference": True}
    weights = resample_weights(len(records), 50, 0)
    partial = _score_entry(Entry("h", tmp_path, {**meta, "scored_on": "predicted_articles"},
                                 {"certainty": one}), gold, weights)["certainty"]
    full = _score_entry(Entry("f", tmp_path, meta, {"certainty": one}), gold,
                        weights)["certainty"]
    assert partial.n_articles == 1 and full.n_articles is None
    assert partial.value == pytest.approx(1.0)
    assert full.value < 1.0


def test_only_a_reference_may_be_scored_on_part_of_the_test_split(board_root, tmp_path):
    root = tmp_path / "submissions"
    shutil.copytree(board_root / "submissions", root)
    meta = json.loads((root / "baseline-learned" / "metadata.json").read_text())
    with pytest.raises(NewsdacError, match="reference"):
        add_entry(root / "baseline-learned" / "predictions.jsonl",
                  {**meta, "scored_on": "predicted_articles"}, "sneaky", root)
    assert not (root / "sneaky").exists()
