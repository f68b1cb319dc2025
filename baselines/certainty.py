"""Certainty baselines: a majority-level floor, a hedge lexicon (level from the strongest
cue), and learned models (a TF-IDF sentence classifier and a token cue tagger)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from newsdac.baselines.attribution import EVIDENTIAL_ADVERBS, REPORTING_VERBS
from newsdac.baselines.registry import Record, register
from newsdac.baselines.text import Unit, sentences, tokens

#: Cue phrases by type, with the level each implies on its own (None: no change).
HEDGES: dict[str, tuple[str, str | None]] = {
    **dict.fromkeys(["may", "might", "could", "possibly", "perhaps", "maybe"],
                    ("modal", "possible")),
    **dict.fromkeys(["likely", "probably", "unlikely", "should", "almost certainly"],
                    ("modal", "probable")),
    **dict.fromkeys(["reportedly", "allegedly", "purportedly", "supposedly",
                     "reports suggest", "it is understood"], ("evidential", "uncommitted")),
    **dict.fromkeys(["appears", "appear", "appeared", "seems", "seem", "seemed",
                     "apparently", "looks set"], ("appearance", "probable")),
    **dict.fromkeys(["about", "approximately", "roughly", "around", "at least", "nearly",
                     "almost", "more than", "up to", "some", "an estimated", "as many as"],
                    ("approximator", None)),
    **dict.fromkeys(["expected", "believed", "suspected", "estimated", "thought",
                     "feared", "predicted", "projected"], ("speculative", "probable")),
    **dict.fromkeys(["unclear", "if", "whether", "uncertain", "unconfirmed"],
                    ("other", "uncommitted")),
}
STRENGTH = {"certain": 0, "probable": 1, "possible": 2, "uncommitted": 3}
_HEDGE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, HEDGES), key=len, reverse=True))
                    + r")\b", re.IGNORECASE)


def lexicon_cues(text: str, sentence: Unit) -> list[dict[str, Any]]:
    """Every lexicon match inside the sentence, as a typed cue."""
    return [{"start": sentence.start + m.start(), "end": sentence.start + m.end(),
             "type": HEDGES[m.group().lower()][0]} for m in _HEDGE.finditer(sentence.text)]


def _is_reported(sentence: Unit) -> bool:
    words = {t.text.lower() for t in tokens(sentence.text)}
    return bool(words & REPORTING_VERBS) or "according" in words \
        or bool(re.search(r"[\u201c\"]", sentence.text))


def lexicon_level(sentence: Unit, cues: list[dict[str, Any]], text: str) -> str:
    """The strongest level any cue implies; questions and reported speech are uncommitted."""
    if sentence.text.rstrip().endswith("?") or _is_reported(sentence):
        return "uncommitted"
    levels = [HEDGES[text[c["start"]:c["end"]].lower()][1] for c in cues]
    return max((lv for lv in levels if lv), key=STRENGTH.__getitem__, default="certain")


@register("cert-majority", "certainty", "floor", "Every sentence gets the majority train level.")
class MajorityLevel:
    def __init__(self):
        self.level = "certain"

    def fit(self, train: list[Record], dev: list[Record]) -> MajorityLevel:
        counts = Counter(s["certainty"] for r in train for s in r["sentences"])
        self.level = counts.most_common(1)[0][0] if counts else "certain"
        return self

    def predict(self, records: list[Record]) -> list[list[dict[str, Any]]]:
        return [[{"start": s.start, "end": s.end, "certainty": self.level, "cues": []}
                 for s in sentences(r["text"])] for r in records]


@register("cert-lexicon", "certainty", "rules",
          "Hedge lexicon by cue type; level from the strongest cue, reported speech and "
          "questions uncommitted.")
class LexiconLevel:
    def fit(self, train: list[Record], dev: list[Record]) -> LexiconLevel:
        return self

    def predict(self, records: list[Record]) -> list[list[dict[str, Any]]]:
        out = []
        for record in records:
            text, items = record["text"], []
            for s in sentences(text):
                cues = lexicon_cues(text, s)
                items.append({"start": s.start, "end": s.end,
                              "certainty": lexicon_level(s, cues, text), "cues": cues})
            out.append(items)
        return out


def _cue_token_features(text: str, sentence: Unit) -> tuple[list[Unit], list[dict]]:
    toks = tokens(text, sentence.start, sentence.end)
    lower = [t.text.lower() for t in toks]
    feats = []
    for k, word in enumerate(lower):
        f = {"w": word, "suffix": word[-3:], "lex": HEDGES.get(word, ("none",))[0],
             "bigram_lex": HEDGES.get(f"{word} {lower[k + 1]}" if k + 1 < len(lower) else "",
                                      ("none",))[0],
             "prev_bigram_lex": HEDGES.get(f"{lower[k - 1]} {word}" if k else "", ("none",))[0]}
        for d in (-2, -1, 1, 2):
            f[f"w{d}"] = lower[k + d] if 0 <= k + d < len(lower) else "<pad>"
        feats.append(f)
    return toks, feats


def _gold_cue_type(sentence_cues: list[dict[str, Any]], token: Unit) -> str:
    return next((c["type"] for c in sentence_cues if c["start"] <= token.start < c["end"]), "O")


def _sentence_features(text: str, sentence: Unit) -> dict[str, float]:
    cues = lexicon_cues(text, sentence)
    feats = {f"cue_{c['type']}": 1.0 for c in cues}
    feats["question"] = float(sentence.text.rstrip().endswith("?"))
    feats["quote"] = float(bool(re.search(r"[\u201c\"]", sentence.text)))
    words = {t.text.lower() for t in tokens(sentence.text)}
    feats["reporting_verb"] = float(bool(words & REPORTING_VERBS))
    feats["evidential"] = float(bool(words & EVIDENTIAL_ADVERBS))
    return feats


@register("cert-learned", "certainty", "learned",
          "Logistic regression on TF-IDF word n-grams plus lexicon features for the level; a "
          "logistic-regression token tagger for typed cues.")
class LearnedCertainty:
    def __init__(self, seed: int = 0):
        self.ngrams = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)
        self.extra = DictVectorizer()
        self.level_model = LogisticRegression(max_iter=3000, C=4.0, class_weight="balanced",
                                              random_state=seed)
        self.cue_features = DictVectorizer()
        self.cue_model = LogisticRegression(max_iter=3000, C=4.0, random_state=seed)

    def _levels_matrix(self, texts, extras, fit: bool):
        if fit:
            return hstack([self.ngrams.fit_transform(texts), self.extra.fit_transform(extras)])
        return hstack([self.ngrams.transform(texts), self.extra.transform(extras)])

    def fit(self, train: list[Record], dev: list[Record]) -> LearnedCertainty:
        texts, extras, levels, cue_feats, cue_tags = [], [], [], [], []
        for record in train:
            text = record["text"]
            for gold in record["sentences"]:
                unit = Unit(gold["start"], gold["end"], text[gold["start"]:gold["end"]])
                texts.append(unit.text)
                extras.append(_sentence_features(text, unit))
                levels.append(gold["certainty"])
                toks, feats = _cue_token_features(text, unit)
                cue_feats += feats
                cue_tags += [_gold_cue_type(gold["cues"], t) for t in toks]
        self.level_model.fit(self._levels_matrix(texts, extras, fit=True), levels)
        self.cue_model.fit(self.cue_features.fit_transform(cue_feats), cue_tags)
        return self

    def _cues(self, text: str, sentence: Unit) -> list[dict[str, Any]]:
        toks, feats = _cue_token_features(text, sentence)
        if not toks:
            return []
        tags = self.cue_model.predict(self.cue_features.transform(feats))
        cues: list[dict[str, Any]] = []
        for t, tag in zip(toks, tags, strict=True):
            if tag == "O":
                continue
            if cues and cues[-1]["type"] == tag and text[cues[-1]["end"]:t.start].isspace():
                cues[-1]["end"] = t.end
            else:
                cues.append({"start": t.start, "end": t.end, "type": str(tag)})
        return cues

    def predict(self, records: list[Record]) -> list[list[dict[str, Any]]]:
        out = []
        for record in records:
            text = record["text"]
            units = sentences(text)
            if not units:
                out.append([])
                continue
            matrix = self._levels_matrix([u.text for u in units],
                                         [_sentence_features(text, u) for u in units], fit=False)
            levels = self.level_model.predict(matrix)
            out.append([{"start": u.start, "end": u.end, "certainty": str(level),
                         "cues": self._cues(text, u)}
                        for u, level in zip(units, np.asarray(levels), strict=True)])
        return out
