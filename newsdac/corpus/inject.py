"""The seeded artifact injector: clean article in, extracted-looking text and gold out.

It pastes the kinds of noise that crawlers and extraction tools leave in news
text (repeated headlines, placeholders, boilerplate, repeated paragraphs and
bodies, near-duplicates), records each as a gold duplication span linked to its
original, and moves every attribution and certainty offset to the new text.
Randomness comes from one ``random.Random`` seeded by build seed and article id,
so the same sources always give the same bytes.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

from newsdac.corpus.source import CleanArticle
from newsdac.sentences import split_sentences
from newsdac.spans import Span

#: Share of articles that stay exactly as written.
CLEAN_SHARE = 0.3

#: Probability of each operation in an article that is not clean.
OPERATION_RATES: dict[str, float] = {
    "standfirst_first": 0.3,
    "repeated_headline": 0.45,
    "placeholder": 0.5,
    "boilerplate": 0.55,
    "repeated_paragraph": 0.5,
    "near_duplicate": 0.65,
    "repeated_body": 0.5,
}


@dataclass(frozen=True)
class Templates:
    """The strings an injector may paste: placeholders, boilerplate, and teaser headlines."""

    placeholders: tuple[str, ...]
    boilerplate: tuple[str, ...]
    teasers: tuple[str, ...]


#: Train articles draw artifacts from ``seen``; dev and test from ``held_out``, which
#: shares no string with it, so memorising train's boilerplate does not score on test.
TEMPLATES: dict[str, Templates] = {
    "seen": Templates(
        placeholders=(
            "Empty line {n}", "[image]", "[Image]", "Loading...", "[embedded content]",
            "null", "Image: placeholder", "{{caption}}", "Video unavailable", "[photo {n}]",
            "undefined", "Loading comments...",
        ),
        boilerplate=(
            "Advertisement", "ADVERTISEMENT", "Share this article",
            "Share on Facebook Share on X Email", "Sign up for our morning briefing",
            "Subscribe to continue reading", "\u00a9 2026 {outlet}. All rights reserved.",
            "Follow us for more updates", "Story continues below advertisement",
            "Skip to main content", "Comments are closed for this article.",
            "Read more: {teaser}", "Related: {teaser}", "Most read", "Cookie settings",
        ),
        teasers=(
            "Harbour ferry timetable changes from Monday", "Five things to watch this week",
            "How the new parking rules affect you",
            "Weekend weather: showers clearing by Sunday", "Local bakery wins regional award",
            "Council publishes updated bin collection calendar",
        ),
    ),
    "held_out": Templates(
        placeholders=(
            "[gallery]", "Photo: {{credit}}", "%%CAPTION%%", "[video {n}]", "Image {n} of 12",
            "NaN", "[object Object]", "Embed code missing", "<placeholder>", "Map loading\u2026",
            "TBC", "[infobox]",
        ),
        boilerplate=(
            "Continue reading the main story", "Listen to this article \u00b7 4 min",
            "Newsletter: get the evening edition in your inbox",
            "You have 3 free articles left this month", "Print this page", "Back to top",
            "Report an error", "Copyright {outlet} 2026", "More from {outlet}",
            "Trending now: {teaser}", "Watch: {teaser}", "Accept all cookies",
            "Download our app", "Sponsored content", "Tags: news, region",
        ),
        teasers=(
            "Night buses return to the old town", "Quiz: how well do you know the coast?",
            "Ten years of the riverside market", "Why your water bill is going up",
            "Photo essay: the last shift at the mill", "Readers' letters, 14 November",
        ),
    ),
}


def templates_for(split: str) -> Templates:
    """The template inventory for an article of ``split``."""
    return TEMPLATES["seen" if split == "train" else "held_out"]


_QUOTE_SWAPS = (("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'"))


@dataclass
class Line:
    """One line of the extracted text: an original segment or an inserted artifact."""

    text: str
    segment: int | None = None
    label: str | None = None
    original: tuple[int, int] | None = None  # first and last segment index it repeats


@dataclass
class Extracted:
    """An article after injection: text, gold duplication layer and shifted layers."""

    text: str
    duplication: list[dict[str, Any]]
    attributions: list[dict[str, Any]]
    sentences: list[dict[str, Any]]
    profile: list[str] = field(default_factory=list)


def inject(article: CleanArticle, seed: int) -> Extracted:
    """Inject artifacts into ``article`` deterministically for ``seed``."""
    rng = random.Random(f"newsdac:{seed}:{article.id}")
    lines = [Line(article.text[s.start:s.end], segment=k) for k, (_, s) in
             enumerate(article.segments)]
    profile: list[str] = []
    ops: list[str] = []
    if rng.random() >= CLEAN_SHARE:
        ops = [op for op, rate in OPERATION_RATES.items() if rng.random() < rate]
        if not set(ops) - {"standfirst_first"}:
            ops.append(rng.choice(["placeholder", "boilerplate", "repeated_headline"]))
        profile = [op for op in ops if op in LINE_OPERATIONS
                   and LINE_OPERATIONS[op](article, lines, rng)]
    text, starts, duplication = _render(lines)
    pasted = _repeat_body(article, starts, text, rng) if "repeated_body" in ops else None
    if pasted is not None:  # pasting the body needs the rendered text, so it comes last
        text, item = pasted
        duplication.append(item)
        profile.append("repeated_body")
    shift = _shifter(article, starts)
    return Extracted(
        text=text,
        duplication=sorted(duplication, key=lambda d: (d["start"], d["end"])),
        attributions=[_shift_attribution(a, shift) for a in article.attributions],
        sentences=sorted(({**shift(s), "certainty": s["certainty"],
                           "cues": [{**shift(c), "type": c["type"]} for c in s["cues"]]}
                          for s in article.sentences), key=lambda s: s["start"]),
        profile=profile,
    )


def _protected(article: CleanArticle) -> set[int]:
    """Segment indices k such that an annotation span crosses the k | k+1 boundary."""
    spans = [Span.from_json(a[r]) for a in article.attributions
             for r in ("source", "cue", "content") if a[r]]
    crossed = set()
    for k, (_, seg) in enumerate(article.segments[:-1]):
        if any(s.start < seg.end < s.end for s in spans):
            crossed.add(k)
    return crossed


def _free_gaps(article: CleanArticle, lines: list[Line], after: int = -1) -> list[int]:
    """Positions in ``lines`` where a new line may go without splitting an annotation.

    Position p means "before lines[p]"; ``after`` limits gaps to those following the
    line that holds segment ``after``.
    """
    protected = _protected(article)
    first = next((i + 1 for i, ln in enumerate(lines) if ln.segment == after), 1)
    gaps = []
    for p in range(max(first, 1), len(lines) + 1):
        prev = lines[p - 1]
        if prev.segment is not None and prev.segment in protected and p < len(lines) \
                and lines[p].segment == prev.segment + 1:
            continue
        gaps.append(p)
    return gaps


def _paragraphs(article: CleanArticle) -> list[int]:
    return [k for k, (kind, _) in enumerate(article.segments) if kind != "headline"]


def _standfirst_first(article: CleanArticle, lines: list[Line], rng: random.Random) -> bool:
    if len(article.segments) < 2 or article.segments[1][0] != "standfirst" \
            or 0 in _protected(article):
        return False
    lines[0], lines[1] = lines[1], lines[0]
    return True


def _repeated_headline(article: CleanArticle, lines: list[Line], rng: random.Random) -> bool:
    head = next(i for i, ln in enumerate(lines) if ln.segment == 0)
    if head + 1 not in _free_gaps(article, lines):
        return False
    lines.insert(head + 1, Line(lines[head].text, label="repeated_headline", original=(0, 0)))
    return True


def _placeholder(article: CleanArticle, lines: list[Line], rng: random.Random) -> bool:
    pool = templates_for(article.split).placeholders
    for _ in range(rng.choice((1, 1, 2, 3))):
        position = rng.choice(_free_gaps(article, lines))
        text = rng.choice(pool).format(n=position + 1)
        lines.insert(position, Line(text, label="placeholder"))
    return True


def _boilerplate(article: CleanArticle, lines: list[Line], rng: random.Random) -> bool:
    pool = templates_for(article.split)
    for _ in range(rng.choice((1, 1, 2, 3))):
        position = rng.choice(_free_gaps(article, lines))
        text = rng.choice(pool.boilerplate).format(outlet=article.meta["outlet"],
                                                   teaser=rng.choice(pool.teasers))
        lines.insert(position, Line(text, label="boilerplate"))
    return True


def _copy_paragraphs(article: CleanArticle, lines: list[Line], rng: random.Random,
                     near: bool) -> bool:
    """Paste one paragraph again, or two for near-duplicates one time in three."""
    for _ in range(rng.choice((1, 1, 2)) if near else 1):
        _copy_paragraph(article, lines, rng, near)
    return True


def _copy_paragraph(article: CleanArticle, lines: list[Line], rng: random.Random,
                    near: bool) -> None:
    candidates = _paragraphs(article)
    if near and article.variants and rng.random() < 0.7:
        segment, text = rng.choice(article.variants)
    else:
        segment = rng.choice(candidates)
        original = article.text[slice(*_bounds(article, segment))]
        text = near_copy(original, rng) if near else original
    gaps = _free_gaps(article, lines, after=segment)
    label = "near_duplicate" if near else "repeated_paragraph"
    nearby = gaps[:2] if rng.random() < 0.6 else gaps
    lines.insert(rng.choice(nearby), Line(text, label=label, original=(segment, segment)))


def _bounds(article: CleanArticle, segment: int) -> tuple[int, int]:
    span = article.segments[segment][1]
    return span.start, span.end


def _render(lines: list[Line]) -> tuple[str, dict[int, int], list[dict[str, Any]]]:
    """Join lines; return the text, each segment's new start, and artifact items."""
    starts: dict[int, int] = {}
    pending: list[tuple[int, Line]] = []
    offset = 0
    for ln in lines:
        if ln.segment is not None:
            starts[ln.segment] = offset
        else:
            pending.append((offset, ln))
        offset += len(ln.text) + 1
    text = "\n".join(ln.text for ln in lines)
    items = []
    for start, ln in pending:
        original = None
        if ln.original is not None:
            first, last = ln.original
            end_line = next(x for x in lines if x.segment == last)
            original = {"start": starts[first], "end": starts[last] + len(end_line.text)}
        items.append({"start": start, "end": start + len(ln.text), "label": ln.label,
                      "original": original})
    return text, starts, items


def _repeat_body(article: CleanArticle, starts: dict[int, int], text: str,
                 rng: random.Random) -> tuple[str, dict[str, Any]] | None:
    """Paste the body (or a run of two or more paragraphs) again at the end."""
    body = [k for k, (kind, _) in enumerate(article.segments) if kind == "paragraph"]
    if len(body) < 2:
        return None
    if rng.random() < 0.6:
        first, last = body[0], body[-1]
    else:
        first = rng.choice(body[:-1])
        last = rng.choice([k for k in body if k > first])
    end = starts[last] + len(article.segments[last][1])
    run = text[starts[first]:end]
    near = rng.random() < 0.2
    copy = near_copy(run, rng) if near else run
    start = len(text) + 1
    item = {"start": start, "end": start + len(copy),
            "label": "near_duplicate" if near else "repeated_body",
            "original": {"start": starts[first], "end": end}}
    return text + "\n" + copy, item


def near_copy(text: str, rng: random.Random) -> str:
    """A copy of ``text`` with one or two small edits, guaranteed to differ from it."""
    edits = [e for e in EDITS if e(text, rng) != text]
    rng.shuffle(edits)
    copy = text
    for edit in edits[:rng.choice((1, 1, 2))]:
        copy = edit(copy, rng)
    if copy == text:
        copy = text + " "
    return copy


def _swap_quotes(text: str, rng: random.Random) -> str:
    if any(curly in text for curly, _ in _QUOTE_SWAPS):
        for curly, straight in _QUOTE_SWAPS:
            text = text.replace(curly, straight)
        return text
    return re.sub(r'"([^"\n]*)"', "\u201c\\1\u201d", text)


def _drop_last_sentence(text: str, rng: random.Random) -> str:
    sentences = split_sentences(text)
    if len(sentences) < 2 or "\n" in text[sentences[-2].end:sentences[-1].start]:
        return text
    return text[:sentences[-2].end]


def _typo(text: str, rng: random.Random) -> str:
    words = [m for m in re.finditer(r"[a-z]{6,}", text)]
    if not words:
        return text
    word = words[rng.randrange(len(words))]
    i = word.start() + rng.randrange(1, len(word.group()) - 2)
    return text[:i] + text[i + 1] + text[i] + text[i + 2:]


def _double_space(text: str, rng: random.Random) -> str:
    spaces = [m.start() for m in re.finditer(r"(?<=\S) (?=\S)", text)]
    if not spaces:
        return text
    i = spaces[rng.randrange(len(spaces))]
    return text[:i] + "  " + text[i + 1:]


def _dash(text: str, rng: random.Random) -> str:
    return text.replace("\u2014", "--").replace("\u2013", "-")


EDITS = (_swap_quotes, _drop_last_sentence, _typo, _double_space, _dash)


def _shifter(article: CleanArticle, starts: dict[int, int]):
    """A function mapping a clean-text span dict to its place in the extracted text."""
    segments = [span for _, span in article.segments]

    def move(offset: int, is_end: bool) -> int:
        k = next(i for i, s in enumerate(segments)
                 if s.start <= offset < s.end or (is_end and s.start < offset <= s.end))
        return offset - segments[k].start + starts[k]

    def shift(span: dict[str, Any]) -> dict[str, int]:
        return {"start": move(span["start"], False), "end": move(span["end"], True)}

    return shift


def _shift_attribution(att: dict[str, Any], shift) -> dict[str, Any]:
    return {**att, **{role: shift(att[role]) if att[role] else None
                      for role in ("source", "cue", "content")}}


#: Operations on the list of lines, before rendering; "repeated_body" runs after it.
LINE_OPERATIONS = {
    "standfirst_first": _standfirst_first,
    "repeated_headline": _repeated_headline,
    "placeholder": _placeholder,
    "boilerplate": _boilerplate,
    "repeated_paragraph": lambda a, lines, rng: _copy_paragraphs(a, lines, rng, near=False),
    "near_duplicate": lambda a, lines, rng: _copy_paragraphs(a, lines, rng, near=True),
}
