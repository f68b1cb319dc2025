"""Rule baselines for attribution and certainty on sentences written for the tests."""

from __future__ import annotations

import pytest

from newsdac.baselines.attribution import rule_attributions, source_type
from newsdac.baselines.certainty import LexiconLevel

TEXT = ("According to the port authority, the ship left at dawn.\n"
        "“We expect the line to reopen by Friday,” said Tomas Leird.\n"
        "The coach has reportedly resigned.\n"
        "The river may burst its banks tonight.\n"
        "Roughly 200 people gathered outside the court.")


def _roles(item):
    def cut(span):
        return None if span is None else TEXT[span["start"]:span["end"]]
    return cut(item["source"]), cut(item["cue"]), cut(item["content"]), item["source_type"]


def test_rules_find_according_to_quotes_and_evidentials():
    found = [_roles(a) for a in rule_attributions({"id": "x", "text": TEXT})]
    assert ("the port authority", "According to", "the ship left at dawn", "official") in found
    assert ("Tomas Leird", "said", "We expect the line to reopen by Friday", "person") in found
    assert (None, "reportedly", "The coach has reportedly resigned", "unspecified") in found
    assert len(found) == 3


@pytest.mark.parametrize("source, kind", [
    ("a security source", "anonymous"), ("two people familiar with the talks", "anonymous"),
    ("Reports", "unspecified"), ("court filings", "document"),
    ("the Carrow Examiner", "media"), ("the interior ministry", "official"),
    ("the Dockworkers' Union", "organization"), ("Ilse Marrot", "person"), (None, "unspecified"),
])
def test_source_type_rules(source, kind):
    assert source_type(source) == kind


def test_lexicon_levels_and_cues():
    (items,) = LexiconLevel().predict([{"id": "x", "text": TEXT}])
    by_text = {TEXT[s["start"]:s["end"]]: s for s in items}
    river = by_text["The river may burst its banks tonight."]
    assert river["certainty"] == "possible"
    assert [(TEXT[c["start"]:c["end"]], c["type"]) for c in river["cues"]] == [("may", "modal")]
    crowd = by_text["Roughly 200 people gathered outside the court."]
    assert crowd["certainty"] == "certain" and crowd["cues"][0]["type"] == "approximator"
    assert by_text["The coach has reportedly resigned."]["certainty"] == "uncommitted"
