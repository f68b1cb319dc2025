"""Anchor resolution: unique strings, occurrence indices, scopes and clear failures."""

import pytest

from newsdac.corpus.anchors import resolve
from newsdac.errors import NewsdacError
from newsdac.spans import Span

TEXT = "The mayor said the bridge was safe. The engineer said it was not."


def test_unique_anchor_resolves_to_its_span():
    assert resolve(TEXT, "the bridge") == Span(15, 25)


def test_repeated_anchor_is_ambiguous_and_the_message_says_how_to_fix_it():
    with pytest.raises(NewsdacError, match=r"ambiguous: it occurs 2 times.*n: K"):
        resolve(TEXT, "said")


def test_occurrence_index_counts_from_one():
    assert resolve(TEXT, {"text": "said", "n": 2}).of(TEXT) == "said"
    assert resolve(TEXT, {"text": "said", "n": 2}).start == TEXT.rindex("said")


def test_scope_limits_the_search():
    scope = Span(TEXT.index("The engineer"), len(TEXT))
    assert resolve(TEXT, "said", scope).start == TEXT.rindex("said")


def test_missing_anchor_and_too_large_index_are_errors():
    with pytest.raises(NewsdacError, match="not found"):
        resolve(TEXT, "the tunnel")
    with pytest.raises(NewsdacError, match="occurs 2 times, not 3"):
        resolve(TEXT, {"text": "said", "n": 3})


def test_malformed_anchor_is_an_error():
    with pytest.raises(NewsdacError, match="quoted string"):
        resolve(TEXT, 42)


def test_anchors_match_whole_words_only():
    text = "The chamber heard he said so; then he left."
    assert resolve(text, {"text": "he", "n": 1}).start == text.index(" he ") + 1
    assert resolve(text, {"text": "he", "n": 2}).start == text.rindex(" he ") + 1
    with pytest.raises(NewsdacError, match="occurs 2 times"):
        resolve(text, "he")
    with pytest.raises(NewsdacError, match="not found"):
        resolve(text, "cham")


def test_near_picks_the_closest_of_several_occurrences():
    second_said = Span(TEXT.index("said it"), TEXT.index("said it") + 4)
    assert resolve(TEXT, "said", near=Span(TEXT.index("engineer"), TEXT.index("engineer") + 8)) \
        == second_said
    assert resolve(TEXT, "said", near=Span(0, 3)) == Span(10, 14)
    # an explicit n still wins over proximity
    assert resolve(TEXT, {"text": "said", "n": 1}, near=second_said) == Span(10, 14)


def test_near_does_not_break_a_tie():
    text = "said X said"
    with pytest.raises(NewsdacError, match="ambiguous"):
        resolve(text, "said", near=Span(5, 6))
