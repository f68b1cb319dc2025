"""The release bar: volumes and variety a 1.x release must reach."""

from __future__ import annotations

import copy

import pytest

from newsdac.corpus.stats import bar_failures
from newsdac.labels import CERTAINTY_LEVELS, CUE_TYPES, DUPLICATION_LABELS, SOURCE_TYPES
from newsdac.loaders import load_records, versions


def _passing() -> dict:
    return {"total": {
        "articles": 300, "attributions": 3000, "nested_attributions": 150, "sentences": 6000,
        "cues": 1500, "duplication_spans": 600, "clean_share": 0.25,
        "topics": {f"t{i}": 1 for i in range(8)}, "registers": {f"r{i}": 1 for i in range(5)},
        "source_types": dict.fromkeys(SOURCE_TYPES, 150),
        "certainty": dict.fromkeys(CERTAINTY_LEVELS, 300),
        "cue_types": dict.fromkeys(CUE_TYPES, 100),
        "duplication_labels": {**dict.fromkeys(DUPLICATION_LABELS, 60), "near_duplicate": 150},
    }, "variety": {"distinct_reporting_cues": 60, "max_cue_string_share": 0.10,
                   "top_cue_strings": [{"text": "may", "share": 0.10}]}}


def test_a_release_exactly_at_the_bar_passes():
    assert bar_failures(_passing()) == []


def test_each_shortfall_is_named():
    stats = copy.deepcopy(_passing())
    stats["total"]["source_types"]["media"] = 149
    stats["total"]["certainty"]["possible"] = 12
    stats["total"]["clean_share"] = 0.2
    stats["variety"]["max_cue_string_share"] = 0.131
    stats["variety"]["top_cue_strings"][0]["text"] = "could"
    failures = bar_failures(stats)
    assert len(failures) == 4
    assert "source_types: media is 149, needs at least 150" in failures
    assert any("certainty: possible is 12" in f for f in failures)
    assert any("'could' covers 13.1%" in f for f in failures)
    assert any(f.startswith("clean_share") for f in failures)


def test_certain_sentences_have_no_floor():
    stats = copy.deepcopy(_passing())
    stats["total"]["certainty"]["certain"] = 0
    assert bar_failures(stats) == []


@pytest.mark.parametrize("version", ["1.0.0", "1.1.0"])
def test_a_1x_release_meets_the_bar(version):
    from newsdac.corpus.stats import corpus_stats
    assert version in versions()
    stats = corpus_stats(load_records("articles", version=version), version)
    assert bar_failures(stats) == []
