"""Attribution baselines: a floor, a rule system (quotes, reporting verbs, "according to",
evidential adverbs, source-type rules) and a learned token tagger with linking."""

from __future__ import annotations

import re
from typing import Any

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from newsdac.baselines.duplication import BOILERPLATE, PLACEHOLDER
from newsdac.baselines.registry import Record, register, rules
from newsdac.baselines.text import Unit, sentences, tokens

REPORTING_VERBS = frozenset((
    "said", "says", "say", "told", "tells", "added", "adds", "warned", "warns", "insisted",
    "insists", "acknowledged", "acknowledges", "wrote", "writes", "noted", "notes",
    "argued", "argues", "estimated", "estimates", "claimed", "claims", "confirmed",
    "confirms", "announced", "announces", "stated", "states", "explained", "explains",
    "reported", "reports", "suggested", "suggests", "believed", "believes", "alleged",
    "alleges", "revealed", "reveals", "showed", "shows", "found", "finds", "admitted",
    "admits", "denied", "denies", "predicted", "predicts", "cautioned", "cautions",
    "stressed", "stresses", "emphasised", "emphasized", "recalled", "recalls", "conceded",
    "concedes", "maintained", "maintains", "described", "describes", "asserted", "asserts",
    "declared", "declares", "testified", "testifies", "urged", "urges", "indicated",
    "indicates", "accused", "accuses", "replied", "replies", "responded", "responds",
    "countered", "counters", "observed", "observes", "contended", "contends", "agreed",
    "agrees", "disclosed", "discloses", "reckoned", "reckons", "thinks", "thought",
    "expects", "expected",
))
EVIDENTIAL_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly",
                                "apparently"})
OPEN_QUOTES, CLOSE_QUOTES = "\u201c\"", "\u201d\""
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})

SOURCE_TYPE_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("unspecified", re.compile(r"^(reports?|rumou?rs?|it|speculation|accounts)\b", re.I)),
    ("anonymous", re.compile(r"\b(sources?|familiar with|not (to )?be named|anonymity|"
                             r"an? (senior |former )?(official|diplomat|insider|aide|person)|"
                             r"residents|witnesses|people|officials who)\b", re.I)),
    ("document", re.compile(r"\b(report|filings?|statement|study|documents?|letter|data|"
                            r"minutes|survey|memo|records|figures|ruling|judgment|paper|"
                            r"analysis|release)\b", re.I)),
    ("media", re.compile(r"\b(gazette|times|post|courier|herald|news|radio|tv|television|"
                         r"broadcaster|wire|examiner|journal|daily|tribune|chronicle|"
                         r"magazine|newspaper|observer|mail|press|bulletin|review|"
                         r"standard)\b", re.I)),
    ("official", re.compile(r"\b(ministry|minister|police|court|council|government|army|"
                            r"department|regulator|prosecutors?|officials|authority|"
                            r"authorities|agency|commission|parliament|judge|military|"
                            r"inspectorate|office)\b", re.I)),
    ("organization", re.compile(r"\b(company|firm|union|club|party|association|group|"
                                r"institute|university|foundation|federation|league|"
                                r"charity|network|coalition|ltd|inc|bank|board|logistics|"
                                r"systems|labs|foods|steel|air|airlines|mobile|networks|"
                                r"estates|medical|holdings|partners|energy|motors|trust|"
                                r"collective|operator)\b", re.I)),
)


def source_type(source: str | None) -> str:
    """Guess a source type from the source's words; named people are the fallback."""
    if source is None:
        return "unspecified"
    for kind, pattern in SOURCE_TYPE_RULES:
        if pattern.search(source):
            return kind
    return "person"


def _span(start: int, end: int) -> dict[str, int]:
    return {"start": start, "end": end}


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past spaces, commas, quotes and a leading 'that'."""
    strip = " ,;:\u201c\u201d\"'\u2018\u2019."
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    if text[start:end].lower().startswith("that "):
        start += 5
    return start, end


def _relation(text: str, source: tuple[int, int] | None, cue: tuple[int, int],
              content: tuple[int, int], ident: int) -> dict[str, Any] | None:
    content = _trim(text, *content)
    if content[1] - content[0] < 3:
        return None
    if source is not None:
        source = _trim(text, *source)
        if source[1] <= source[0]:
            source = None
    return {"id": f"r{ident}", "source": None if source is None else _span(*source),
            "cue": _span(*cue), "content": _span(*content),
            "source_type": source_type(None if source is None else text[slice(*source)]),
            "parent": None}


def _quote(text: str, sentence: Unit) -> tuple[int, int] | None:
    """The first quoted passage inside the sentence, without its marks."""
    match = re.search(r"[\u201c\"]([^\u201d\"]{3,})[\u201d\"]", sentence.text)
    if not match:
        return None
    return sentence.start + match.start(1), sentence.start + match.end(1)


def _source_around(text: str, toks: list[Unit], k: int) -> tuple[int, int] | None:
    """A noun phrase next to the reporting verb at token ``k``: after it when the verb
    follows a comma or closing quote ('..., said the minister'), else before it, back to
    the clause start (skipping relative clauses such as ', who asked not to be named,')."""
    after = toks[k + 1:k + 9]
    stop = next((i for i, t in enumerate(after) if t.text in {",", ".", "\u201d", "\""}), None)
    inverted = k > 0 and toks[k - 1].text in {",", "\u201d", "\""} and stop is not None \
        and 0 < stop <= 6
    if inverted and after:
        end = next((t.start for t in after if t.text in {",", ".", "\u201d", "\""}),
                   after[-1].end)
        return after[0].start, end
    start = None
    for j in range(k - 1, -1, -1):
        if toks[j].text in {"\u201d", "\"", ";", ":", "\u201c"}:
            break
        if toks[j].text == ",":
            nxt = toks[j + 1].text.lower() if j + 1 < k else "<verb>"
            if nxt not in {"<verb>", "who", "which", "whose", "a", "an", "the"}:
                break
            continue
        start = j
    if start is None:
        return None
    return toks[start].start, toks[k - 1].end


def rule_attributions(record: Record) -> list[dict[str, Any]]:
    """Attributions from surface patterns, one pass per sentence."""
    text, out = record["text"], []
    for sentence in sentences(text):
        if PLACEHOLDER.match(sentence.text) or BOILERPLATE.match(sentence.text):
            continue
        toks = tokens(text, sentence.start, sentence.end)
        lower = [t.text.lower() for t in toks]
        quote = _quote(text, sentence)
        for k, word in enumerate(lower):
            if word == "according" and k + 1 < len(lower) and lower[k + 1] == "to":
                end = next((t.start for t in toks[k + 2:] if t.text == ","), None)
                if end is None:
                    continue
                content = (end + 1, sentence.end) if toks[k].start == sentence.start \
                    else (sentence.start, toks[k].start)
                rel = _relation(text, (toks[k + 2].start, end), (toks[k].start, toks[k + 1].end),
                                content, len(out) + 1)
            elif word in EVIDENTIAL_ADVERBS:
                rel = _relation(text, None, (toks[k].start, toks[k].end),
                                (sentence.start, sentence.end), len(out) + 1)
            elif word in REPORTING_VERBS:
                source = _source_around(text, toks, k)
                if quote is not None and not quote[0] <= toks[k].start < quote[1]:
                    content = quote
                elif source is not None and source[0] > toks[k].start:
                    content = (sentence.start, toks[k].start)
                else:
                    that = next((t for t in toks[k + 1:k + 7] if t.text.lower() == "that"),
                                None)
                    content = ((that or toks[k]).end, sentence.end)
                rel = _relation(text, source, (toks[k].start, toks[k].end), content,
                                len(out) + 1)
            else:
                continue
            if rel is not None:
                out.append(rel)
    return _nest(out)


def _nest(relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give a relation whose cue lies inside another's content that one as parent."""
    for rel in relations:
        for other in relations:
            if other is not rel and other["content"]["start"] <= rel["cue"]["start"] \
                    and rel["cue"]["end"] <= other["content"]["end"]:
                rel["parent"] = other["id"]
                break
    return relations


@rules("att-none", "attribution", "floor", "Predicts no attribution.")
def no_attributions(record: Record) -> list[dict[str, Any]]:
    return []


rules("att-rules", "attribution", "rules",
      "Quotes, a reporting-verb lexicon, 'according to', evidential adverbs and source-type "
      "rules.")(rule_attributions)


ROLES = ("source", "cue", "content")


def _quote_state(text: str, toks: list[Unit]) -> list[bool]:
    inside, states = False, []
    for t in toks:
        if t.text in "\u201c\u201d\"":
            inside = t.text != "\u201d" and not (t.text == "\"" and inside)
            states.append(False)
        else:
            states.append(inside)
    return states


def token_features(text: str, sentence: Unit) -> tuple[list[Unit], list[dict[str, Any]]]:
    """Window features for every token of a sentence."""
    toks = tokens(text, sentence.start, sentence.end)
    lower = [t.text.lower() for t in toks]
    quoted = _quote_state(text, toks)
    verbs = [k for k, w in enumerate(lower) if w in REPORTING_VERBS or w in EVIDENTIAL_ADVERBS
             or (w == "according")]
    feats = []
    for k, t in enumerate(toks):
        nearest = min((v - k for v in verbs), key=abs, default=99)
        f = {"w": lower[k], "suffix": lower[k][-3:], "cap": t.text[:1].isupper(),
             "quoted": quoted[k], "verb": lower[k] in REPORTING_VERBS,
             "evidential": lower[k] in EVIDENTIAL_ADVERBS, "first": k == 0,
             "dist": max(-6, min(6, nearest)), "side": "none" if nearest == 99 else
             ("left" if nearest > 0 else "right" if nearest < 0 else "on"),
             "pos": min(k, 10)}
        for d in (-2, -1, 1, 2):
            j = k + d
            f[f"w{d}"] = lower[j] if 0 <= j < len(toks) else "<pad>"
            f[f"q{d}"] = quoted[j] if 0 <= j < len(toks) else False
        feats.append(f)
    return toks, feats


def _gold_role(record: Record, token: Unit) -> str:
    for att in record["attributions"]:
        for role in ("cue", "source", "content"):
            span = att[role]
            if span and span["start"] <= token.start < span["end"]:
                return role
    return "O"


def _runs(toks: list[Unit], tags: list[str], role: str) -> list[tuple[int, int]]:
    runs, current = [], None
    for t, tag in zip(toks, tags, strict=True):
        if tag == role:
            current = (current[0], t.end) if current else (t.start, t.end)
        elif current:
            runs.append(current)
            current = None
    if current:
        runs.append(current)
    return runs


def _content_side(contents: list[tuple[int, int]], cue: tuple[int, int]
                  ) -> tuple[int, int] | None:
    """The content of a cue: every content run on the side of the cue holding the nearest
    one, merged into a single span (content is contiguous in gold)."""
    if not contents:
        return None
    nearest = min(contents, key=lambda c: min(abs(c[0] - cue[1]), abs(cue[0] - c[1])))
    after = nearest[0] >= cue[1]
    side = [c for c in contents if (c[0] >= cue[1]) == after]
    return min(c[0] for c in side), max(c[1] for c in side)


def _source_side(sources: list[tuple[int, int]], cue: tuple[int, int],
                 content: tuple[int, int], text: str) -> tuple[int, int] | None:
    """The source of a cue: none for evidential adverbs; otherwise the nearest source run
    outside the content, preferring the side of the cue opposite the content."""
    if text[cue[0]:cue[1]].lower() in EVIDENTIAL_ADVERBS:
        return None
    outside = [s for s in sources if s[1] <= content[0] or s[0] >= content[1]]
    opposite = [s for s in outside if (s[0] >= cue[1]) != (content[0] >= cue[1])]
    pool = opposite or outside
    return min(pool, key=lambda s: min(abs(s[0] - cue[1]), abs(cue[0] - s[1])), default=None)


def candidate_features(text: str, rel: dict[str, Any]) -> dict[str, Any]:
    """Features of a candidate relation for the learned filter."""
    cue, content, source = rel["cue"], rel["content"], rel["source"]
    cue_text = text[cue["start"]:cue["end"]].lower()
    before = text[max(0, content["start"] - 1):content["start"]]
    source_text = text[source["start"]:source["end"]].lower() if source else ""
    return {"cue": cue_text, "evidential": cue_text in EVIDENTIAL_ADVERBS,
            "has_source": source is not None, "type": rel["source_type"],
            "source_words": min(len(source_text.split()), 8),
            "pronoun": source_text in PRONOUNS,
            "content_words": min(len(text[content["start"]:content["end"]].split()) // 4, 8),
            "quoted": before in OPEN_QUOTES, "content_first": content["start"] < cue["start"],
            "cue_capital": text[cue["start"]:cue["start"] + 1].isupper()}


def _matches_gold(rel: dict[str, Any], gold: list[dict[str, Any]]) -> bool:
    from newsdac.leaderboard.metrics.attribution import relation_score
    return any(relation_score(rel, g, exact=False) > 0 for g in gold)


def _cue_overlaps(rel: dict[str, Any], others: list[dict[str, Any]]) -> bool:
    return any(rel["cue"]["start"] < o["cue"]["end"] and o["cue"]["start"] < rel["cue"]["end"]
               for o in others)


@register("att-learned", "attribution", "learned",
          "Rule candidates kept or dropped by a logistic-regression filter, optionally plus "
          "relations from a logistic-regression token tagger for cues the rules missed; the "
          "filter threshold and the tagger switch are tuned on dev.", tunes_on_dev=True)
class LearnedAttribution:
    THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6)

    def __init__(self, seed: int = 0):
        self.threshold, self.use_tagger = 0.5, True
        self.vectorizer = DictVectorizer()
        self.model = LogisticRegression(max_iter=2000, C=1.0, class_weight="balanced",
                                        random_state=seed)
        self.filter_vectorizer = DictVectorizer()
        self.filter = LogisticRegression(max_iter=2000, C=1.0, random_state=seed)

    def fit(self, train: list[Record], dev: list[Record]) -> LearnedAttribution:
        features, labels = [], []
        for record in train:
            for sentence in sentences(record["text"]):
                toks, feats = token_features(record["text"], sentence)
                features += feats
                labels += [_gold_role(record, t) for t in toks]
        self.model.fit(self.vectorizer.fit_transform(features), labels)
        candidates, kept = [], []
        for record in train:  # the rules are not trained, so train candidates are honest
            for rel in rule_attributions(record):
                candidates.append(candidate_features(record["text"], rel))
                kept.append(_matches_gold(rel, record["attributions"]))
        self.filter.fit(self.filter_vectorizer.fit_transform(candidates), kept)
        self._tune(dev)
        return self

    def _tune(self, dev: list[Record]) -> None:
        """Pick the filter threshold and tagger switch with the best dev headline score."""
        from newsdac.leaderboard.scorer import headline_score

        settings = [(t, u) for t in self.THRESHOLDS for u in (False, True)]

        def dev_score(setting: tuple[float, bool]) -> float:
            self.threshold, self.use_tagger = setting
            return headline_score("attribution", dev, self.predict(dev))

        self.threshold, self.use_tagger = max(settings, key=dev_score) if dev else (0.5, True)

    def _tagged(self, text: str) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        for sentence in sentences(text):
            toks, feats = token_features(text, sentence)
            if not toks:
                continue
            tags = list(self.model.predict(self.vectorizer.transform(feats)))
            sources, contents = _runs(toks, tags, "source"), _runs(toks, tags, "content")
            for cue in _runs(toks, tags, "cue"):
                content = _content_side(contents, cue)
                if content is None:
                    continue
                rel = _relation(text, _source_side(sources, cue, content, text), cue, content,
                                len(items) + 1)
                if rel is not None:
                    items.append(rel)
        return items

    def predict(self, records: list[Record]) -> list[list[dict[str, Any]]]:
        out = []
        for record in records:
            text = record["text"]
            candidates = rule_attributions(record)
            kept = []
            if candidates:
                keep = self.filter.predict_proba(self.filter_vectorizer.transform(
                    [candidate_features(text, c) for c in candidates]))[:, 1]
                kept = [c for c, p in zip(candidates, keep, strict=True) if p >= self.threshold]
            extra = [t for t in self._tagged(text) if not _cue_overlaps(t, candidates)] \
                if self.use_tagger else []
            items = [{**rel, "id": f"r{i}", "parent": None}
                     for i, rel in enumerate(kept + extra, start=1)]
            out.append(_nest(items))
        return out
