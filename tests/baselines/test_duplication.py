"""Duplication baselines on hand-made extracted text."""

from __future__ import annotations

from newsdac.baselines import SYSTEMS
from newsdac.baselines.duplication import BOILERPLATE, PLACEHOLDER, exact_repeats
from newsdac.baselines.registry import Rules

HEAD = "Flood barrier fails at Marrow Quay"
P1 = "The tidal barrier at Marrow Quay failed on Tuesday morning, sending water into town."
P2 = "Engineers had warned in March that the hinges were corroded, the council said."
TEXT = "\n".join([HEAD, HEAD, P1, "[image]", P2, P1, P2])


def _spans(items):
    return [(TEXT[d["start"]:d["end"]], d["label"],
             TEXT[d["original"]["start"]:d["original"]["end"]] if d["original"] else None)
            for d in items]


def test_exact_hash_finds_headline_repeat_and_repeated_body_with_links():
    found = _spans(exact_repeats({"id": "x", "text": TEXT}))
    assert found == [(HEAD, "repeated_headline", HEAD),
                     (P1 + "\n" + P2, "repeated_body", P1 + "\n[image]\n" + P2)] or found == [
        (HEAD, "repeated_headline", HEAD), (P1, "repeated_paragraph", P1),
        (P2, "repeated_paragraph", P2)]


def test_exact_hash_leaves_a_paraphrase_alone():
    paraphrase = "A tidal barrier gave way on Tuesday, flooding the lower town."
    text = "\n".join([HEAD, paraphrase, P1])
    assert exact_repeats({"id": "x", "text": text}) == []


def test_jaccard_flags_an_edited_copy_as_near_duplicate():
    edited = P2.replace("corroded", "corodded")
    text = "\n".join([HEAD, P1, P2, edited])
    system = SYSTEMS["dup-jaccard"].make()
    (items,) = system.predict([{"id": "x", "text": text}])
    assert [(text[d["start"]:d["end"]], d["label"]) for d in items] == [(edited, "near_duplicate")]
    assert text[items[0]["original"]["start"]:items[0]["original"]["end"]] == P2


def test_placeholder_and_boilerplate_patterns():
    assert all(PLACEHOLDER.match(s) for s in ["[image]", "Empty line 4", "Loading...", "null"])
    assert all(BOILERPLATE.match(s) for s in ["Advertisement", "Read more: Five things",
                                              "Share this article"])
    assert not PLACEHOLDER.match("The [image] of the town changed.")
    assert not BOILERPLATE.match("Advertisement revenue fell by a third, the firm said.")


def test_floor_predicts_nothing():
    assert isinstance(SYSTEMS["dup-none"].make(), Rules)
    assert SYSTEMS["dup-none"].make().predict([{"id": "x", "text": TEXT}]) == [[]]
