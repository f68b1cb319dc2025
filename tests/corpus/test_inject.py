"""The artifact injector: exact gold spans, correct links, shifted layers, determinism."""

from __future__ import annotations

import dataclasses
import random

import pytest

from newsdac.corpus.inject import CLEAN_SHARE, TEMPLATES, inject, near_copy, templates_for
from newsdac.corpus.source import read_sources
from newsdac.labels import LINKED_DUPLICATION_LABELS
from newsdac.paths import sources_root
from newsdac.validate import schema_errors, semantic_errors
from tests.conftest import FIXTURES

SEEDS = range(25)


@pytest.fixture(scope="module")
def articles():
    return read_sources(sources_root()) + read_sources(FIXTURES / "src")


def _span_text(text, span):
    return text[span["start"]:span["end"]]


def test_every_shifted_span_covers_the_same_words(articles):
    for article in articles:
        for seed in SEEDS:
            out = inject(article, seed)
            moved = sorted(out.sentences, key=lambda s: s["start"])
            assert out.sentences == moved
            by_text = {_span_text(out.text, s): s for s in out.sentences}
            for before in article.sentences:
                after = by_text[_span_text(article.text, before)]
                assert _span_text(article.text, before) == _span_text(out.text, after)
                for c0, c1 in zip(before["cues"], after["cues"], strict=True):
                    assert _span_text(article.text, c0) == _span_text(out.text, c1)
            for before, after in zip(article.attributions, out.attributions, strict=True):
                for role in ("source", "cue", "content"):
                    if before[role] is not None:
                        assert _span_text(article.text, before[role]) == \
                            _span_text(out.text, after[role])


def test_duplicates_link_to_earlier_identical_or_edited_text(articles):
    seen_labels = set()
    for article in articles:
        for seed in SEEDS:
            out = inject(article, seed)
            for item in out.duplication:
                seen_labels.add(item["label"])
                copy = _span_text(out.text, item)
                if item["label"] not in LINKED_DUPLICATION_LABELS:
                    assert item["original"] is None
                    continue
                original = _span_text(out.text, item["original"])
                assert item["original"]["end"] <= item["start"]
                if item["label"] == "near_duplicate":
                    assert copy != original
                else:
                    assert copy == original
    assert seen_labels == {"repeated_headline", "repeated_paragraph", "repeated_body",
                           "near_duplicate", "placeholder", "boilerplate"}


def test_original_content_is_kept_in_order_and_only_artifacts_are_added(articles):
    for article in articles:
        out = inject(article, 7)
        kept = out.text
        for item in sorted(out.duplication, key=lambda d: -d["start"]):
            kept = kept[:item["start"]] + kept[item["end"]:]
        lines = article.text.split("\n")
        if "standfirst_first" in out.profile:
            lines[0], lines[1] = lines[1], lines[0]
        assert [ln for ln in kept.split("\n") if ln] == lines


def test_injected_records_satisfy_the_contract(articles):
    for article in articles:
        for seed in SEEDS:
            out = inject(article, seed)
            record = {"id": article.id, "split": article.split,
                      "meta": {**article.meta, "profile": out.profile}, "text": out.text,
                      "duplication": out.duplication, "attributions": out.attributions,
                      "sentences": out.sentences}
            assert schema_errors(record) == []
            assert semantic_errors(record) == []


def test_same_seed_same_output_and_different_seeds_differ(articles):
    article = articles[0]
    assert inject(article, 3) == inject(article, 3)
    assert len({inject(article, s).text for s in SEEDS}) > 5


def test_clean_share_is_close_to_the_configured_rate(articles):
    article = articles[0]
    clean = sum(not inject(article, s).profile for s in range(2000))
    assert abs(clean / 2000 - CLEAN_SHARE) < 0.04


def test_seen_and_held_out_templates_share_no_string():
    seen, held_out = (dataclasses.astuple(TEMPLATES[k]) for k in ("seen", "held_out"))
    for ours, theirs in zip(seen, held_out, strict=True):
        assert not set(ours) & set(theirs)


def test_dev_and_test_artifacts_come_only_from_held_out_templates(articles):
    seen = templates_for("train")
    seen_strings = {t.split("{")[0] for t in seen.placeholders + seen.boilerplate if t[0] != "{"}
    pasted = {"dev": set(), "test": set()}
    for article in articles[:10]:
        for split in pasted:
            moved = dataclasses.replace(article, split=split)
            for seed in SEEDS:
                out = inject(moved, seed)
                pasted[split] |= {_span_text(out.text, d) for d in out.duplication
                                  if d["label"] in ("placeholder", "boilerplate")}
    for split, strings in pasted.items():
        assert strings, split
        assert not any(s.startswith(prefix) for s in strings for prefix in seen_strings
                       if prefix.strip()), split


def test_near_copy_always_differs_and_stays_close():
    rng = random.Random(0)
    text = "“The pumps are working,” she said. The river kept rising — slowly. Officials waited."
    for _ in range(200):
        copy = near_copy(text, rng)
        assert copy != text
        assert abs(len(copy) - len(text)) < len("Officials waited.") + 5
