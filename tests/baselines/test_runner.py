"""The runner: blind prediction, no test data in training, atomic predictions files."""

from __future__ import annotations

import json

import pytest

from newsdac.baselines import SYSTEMS, runner
from newsdac.baselines.registry import Entry


class Spy:
    """Wraps a system and records which ids and fields it was given."""

    seen: dict[str, list] = {"fit": [], "predict": []}

    def __init__(self, inner):
        self.inner = inner

    def fit(self, train, dev):
        Spy.seen["fit"] += [r["id"] for r in train + dev]
        return self.inner.fit(train, dev) and self

    def predict(self, records):
        Spy.seen["predict"] += [sorted(r) for r in records]
        return self.inner.predict(records)


@pytest.fixture
def corpus(tiny_release, monkeypatch):
    monkeypatch.setenv("NEWSDAC_CORPUS", str(tiny_release.parent))
    return tiny_release


def test_fit_never_sees_test_ids_and_predict_never_sees_gold(corpus, tmp_path, monkeypatch):
    spied = {name: Entry(e.name, e.task, e.kind, e.description,
                         lambda e=e: Spy(e.make())) for name, e in SYSTEMS.items()}
    monkeypatch.setattr(runner, "SYSTEMS", spied)
    Spy.seen = {"fit": [], "predict": []}
    runs = runner.run(split="test", bootstrap=0, root=tmp_path)
    assert len(runs) == len(SYSTEMS)
    assert set(Spy.seen["fit"]) == {"nd-9001", "nd-9002"}
    assert all(fields == ["id", "meta", "text"] for fields in Spy.seen["predict"])


def test_predictions_are_written_with_a_header_and_scored(corpus, tmp_path):
    (run,) = runner.run(system="cert-lexicon", bootstrap=50, root=tmp_path)
    lines = run.path.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["header"]["system"] == "baseline-cert-lexicon"
    assert [json.loads(x)["id"] for x in lines[1:]] == ["nd-9003"]
    assert not list(run.path.parent.glob(".*"))
    table = runner.results_table([run])
    assert "| certainty | cert-lexicon | rules | macro_f1 |" in table
    assert "newsdac:9.9.9|split:test|task:certainty|metric:macro_f1|bs:50" in table


def test_systems_are_deterministic(corpus, tmp_path):
    first = runner.run(task="attribution", bootstrap=0, root=tmp_path / "a")
    second = runner.run(task="attribution", bootstrap=0, root=tmp_path / "b")
    for a, b in zip(first, second, strict=True):
        assert a.path.read_bytes() == b.path.read_bytes()


def test_unknown_task_or_system_is_an_error():
    from newsdac.errors import NewsdacError
    with pytest.raises(NewsdacError, match="unknown system 'magic'"):
        runner.choose(system="magic")
    with pytest.raises(NewsdacError, match="unknown task 'sarcasm'"):
        runner.choose(task="sarcasm")
