"""Reading annotation sources: resolved layers and one clear error per mistake."""

from pathlib import Path

import pytest

from newsdac.corpus.source import load_source, resolve_source
from newsdac.errors import NewsdacError

MINIMAL = """\
id: nd-9100
split: dev
topic: politics
register: brief
outlet: The Orrin Post
date: 2026-01-05
headline: Council delays vote
body: |
  The council delayed the vote, a spokesman said. The delay may last a week.
{extra}"""


def _resolve(path: Path):
    return resolve_source(load_source(path), path)


def test_fixture_with_non_ascii_text_resolves_every_anchor(fixture_sources):
    article = _resolve(fixture_sources / "nd-9001.yaml")
    text = article.text
    by_id = {a["id"]: a for a in article.attributions}
    content = by_id["a1"]["content"]
    assert text[content["start"]:content["end"]].startswith("José Müller, who runs Café Ñandú")
    assert text.splitlines()[0].endswith("🎉")
    may = next(c for s in article.sentences for c in s["cues"] if c["type"] == "modal")
    assert text[may["start"]:may["end"]] == "may"


def test_unlisted_sentences_default_to_certain(write_source):
    article = _resolve(write_source(MINIMAL.format(extra="")))
    assert [s["certainty"] for s in article.sentences] == ["certain"] * 3


def test_sentence_labels_and_cues_resolve_inside_their_sentence(write_source):
    extra = ('sentences:\n  - at: "The delay"\n    certainty: possible\n'
             '    cues:\n      - {text: "may", type: modal}\n')
    article = _resolve(write_source(MINIMAL.format(extra=extra)))
    last = article.sentences[-1]
    assert article.text[last["start"]:last["end"]] == "The delay may last a week."
    assert last["certainty"] == "possible"
    assert article.text[last["cues"][0]["start"]:last["cues"][0]["end"]] == "may"


@pytest.mark.parametrize("extra, message", [
    ('attributions:\n  - {id: a1, source: "a mayor", cue: "said", content: "x", '
     'type: person}\n', r"attributions/0/source: anchor 'a mayor' not found"),
    ('attributions:\n  - {id: a1, source: "a spokesman", cue: "The", content: "vote", '
     'type: person}\n', r"attributions/0/cue: anchor 'The' is ambiguous"),
    ('attributions:\n  - {id: a1, source: null, cue: "said", content: "vote", type: person, '
     'parent: a9}\n', r"attributions/0/parent: parent 'a9'"),
    ('attributions:\n  - {id: a1, source: null, cue: "said", content: "vote", type: rumour}\n',
     r"attributions/0/type: 'rumour' is not one of"),
    ('sentences:\n  - {at: "said. The delay", certainty: possible}\n',
     r"sentences/0/at: 'said. The delay' is not inside a single sentence"),
    ('sentences:\n  - {at: "The delay", certainty: maybe}\n',
     r"sentences/0/certainty: 'maybe' is not one of"),
])
def test_source_mistakes_name_file_article_and_field(write_source, extra, message):
    path = write_source(MINIMAL.format(extra=extra))
    with pytest.raises(NewsdacError, match=message) as info:
        _resolve(path)
    assert str(info.value).startswith(f"{path}: article nd-9100: field ")


def test_file_name_must_match_id(write_source):
    with pytest.raises(NewsdacError, match="must equal the file name stem"):
        load_source(write_source(MINIMAL.format(extra=""), name="nd-9999"))


def test_invalid_yaml_names_the_line(write_source):
    with pytest.raises(NewsdacError, match=r"nd-9100.yaml:\d+: not valid YAML"):
        load_source(write_source("id: nd-9100\nheadline: [unclosed\n"))


def test_repeated_cue_and_source_resolve_near_a_unique_content(write_source):
    body = ('  The mayor said the bridge was safe. The engineer said it was not.\n'
            'attributions:\n  - {id: a1, source: "The engineer", cue: "said", '
            'content: "it was not", type: person}\n'
            '  - {id: a2, source: "The mayor", cue: "said", content: "the bridge was safe", '
            'type: person}\n')
    text = MINIMAL.split("body: |\n")[0] + "body: |\n" + body
    article = _resolve(write_source(text))
    cues = [article.text[a["cue"]["start"]:a["cue"]["end"] + 3] for a in article.attributions]
    assert cues == ["said it", "said th"]
