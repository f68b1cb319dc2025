"""Sentence segmentation: boundaries, abbreviations, quotes and non-ASCII text."""

from newsdac.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [s.of(text) for s in split_sentences(text)]


def test_splits_on_terminal_punctuation_followed_by_capital():
    assert _texts("The dam held. Water fell! Was it luck? Nobody knows.") == [
        "The dam held.", "Water fell!", "Was it luck?", "Nobody knows."]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "Gen. Ilse Varn met Dr. Oto Brisk at St. Anselm. J. R. Hale arrived later."
    assert _texts(text) == ["Gen. Ilse Varn met Dr. Oto Brisk at St. Anselm.",
                            "J. R. Hale arrived later."]


def test_number_abbreviations_hold_only_before_a_number():
    text = "He lives at No. 4 Quay Street. Most deputies will vote no. A recount follows."
    assert _texts(text) == ["He lives at No. 4 Quay Street.", "Most deputies will vote no.",
                            "A recount follows."]


def test_closing_quotes_stay_with_their_sentence():
    text = "“We will rebuild.” She left. \"It is done,\" he said. Then silence."
    assert _texts(text) == ["“We will rebuild.”", "She left.", "\"It is done,\" he said.",
                            "Then silence."]


def test_line_breaks_always_end_sentences_and_blank_lines_vanish():
    assert _texts("Headline without stop\n\nBody starts here. Ends here") == [
        "Headline without stop", "Body starts here.", "Ends here"]


def test_offsets_are_code_points_on_non_ascii_text():
    text = "Café Ñandú opened 🎉. Müller smiled."
    spans = split_sentences(text)
    assert [s.of(text) for s in spans] == ["Café Ñandú opened 🎉.", "Müller smiled."]
    assert spans[1].start == text.index("Müller")


def test_lowercase_after_full_stop_is_not_a_boundary():
    assert _texts("The figure rose to 3.5 per cent. in March it fell.") == [
        "The figure rose to 3.5 per cent. in March it fell."]
