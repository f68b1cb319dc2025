"""The annotation agreement study: a seeded stratified sample of a release, and agreement
figures between its first (released) and second (blind) annotations.

Agreement is measured with the official scorer in both directions (second scored
against first, and first against second), so every figure has the scorer's
bootstrap interval and means exactly what it means on the leaderboard.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdac.errors import NewsdacError
from newsdac.leaderboard.predictions import Predictions
from newsdac.leaderboard.scorer import Gold, TaskResult, score_task
from newsdac.leaderboard.significance import DEFAULT_SEED, resample_weights
from newsdac.leaderboard.tasks import TASKS
from newsdac.schema import LAYERS

AGREEMENT_SEED = 2026
MIN_ARTICLES = 40
MIN_SHARE = 0.10

#: The figures the study reports: (task, metric, what it measures).
FIGURES: tuple[tuple[str, str, str], ...] = (
    ("certainty", "kappa", "certainty level, Cohen's kappa"),
    ("certainty", "alpha_ordinal", "certainty level, Krippendorff's alpha (ordinal)"),
    ("certainty", "macro_f1", "certainty level, macro-F1"),
    ("certainty", "cue_span_f1", "cue span F1 (exact)"),
    ("certainty", "cue_span_typed_f1", "cue span and type F1 (exact)"),
    ("attribution", "source_exact_f1", "attribution source span F1, exact"),
    ("attribution", "source_partial_f1", "attribution source span F1, partial"),
    ("attribution", "cue_exact_f1", "attribution cue span F1, exact"),
    ("attribution", "cue_partial_f1", "attribution cue span F1, partial"),
    ("attribution", "content_exact_f1", "attribution content span F1, exact"),
    ("attribution", "content_partial_f1", "attribution content span F1, partial"),
    ("attribution", "relation_partial_f1", "attribution relation F1, partial"),
    ("attribution", "source_type_kappa", "source type of matched relations, Cohen's kappa"),
    ("duplication", "span_exact_f1", "duplication span and label F1, exact"),
    ("duplication", "span_overlap_f1", "duplication span and label F1, character overlap"),
    ("duplication", "span_overlap_blind_f1", "duplication span F1, overlap, label ignored"),
)
#: Below these, a layer's guidelines must change and affected cases be re-annotated.
KAPPA_BAR = 0.6
SPAN_F1_BAR = 0.7


def sample_size(n_articles: int) -> int:
    """At least 40 articles and at least 10% of the release."""
    return max(MIN_ARTICLES, math.ceil(MIN_SHARE * n_articles))


def agreement_sample(records: list[dict[str, Any]], n: int | None = None,
                     seed: int = AGREEMENT_SEED) -> list[str]:
    """Pick ``n`` article ids stratified by topic and register, reproducibly for ``seed``.

    Each topic's (topic, register) strata are shuffled, then the sample takes one article
    per topic per round, moving through each topic's strata in turn, so topics are as even
    as their sizes allow and registers vary within every topic.
    """
    rng = random.Random(f"newsdac-agreement:{seed}")
    n = sample_size(len(records)) if n is None else n
    strata: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for record in sorted(records, key=lambda r: r["id"]):
        strata[record["meta"]["topic"]][record["meta"]["register"]].append(record["id"])
    queues: dict[str, list[list[str]]] = {}
    for topic in sorted(strata):
        cells = [sorted(ids) for _, ids in sorted(strata[topic].items())]
        for cell in cells:
            rng.shuffle(cell)
        rng.shuffle(cells)
        queues[topic] = cells
    chosen: list[str] = []
    turn = 0
    while len(chosen) < min(n, len(records)):
        for cells in queues.values():
            live = [c for c in cells if c]
            if live and len(chosen) < n:
                chosen.append(live[turn % len(live)].pop())
        turn += 1
    return sorted(chosen)


@dataclass
class Direction:
    """One direction of the comparison: which annotation plays gold, with its results."""

    gold: str
    predicted: str
    results: dict[str, TaskResult]


def compare_annotations(first: list[dict[str, Any]], second: list[dict[str, Any]],
                        version: str, bootstrap: int = 1000, seed: int = DEFAULT_SEED
                        ) -> list[Direction]:
    """Score ``second`` against ``first`` and ``first`` against ``second``."""
    weights = resample_weights(len(first), bootstrap, seed)
    directions = []
    for gold_name, gold_records, pred_name, pred_records in (
            ("first", first, "second", second), ("second", second, "first", first)):
        gold = Gold(version, "agreement", gold_records)
        predictions = Predictions(Path(pred_name), {r["id"]: r for r in pred_records},
                                  set(LAYERS))
        directions.append(Direction(gold_name, pred_name, {
            name: score_task(task, gold, predictions, weights, [])
            for name, task in TASKS.items()}))
    return directions


def figures_table(directions: list[Direction]) -> str:
    """The Markdown table of every figure, both directions, with 95% intervals."""
    head = ("| layer and measure | metric | " + " | ".join(
        f"{d.predicted} vs {d.gold} as gold" for d in directions) + " |")
    rows = [head, "|---|---|" + "---|" * len(directions)]
    for task, metric, label in FIGURES:
        cells = []
        for direction in directions:
            score = direction.results[task].scores[metric]
            ci = f" [{score.ci[0]:.3f}, {score.ci[1]:.3f}]" if score.ci else ""
            cells.append(f"{score.value:.3f}{ci}")
        rows.append(f"| {label} | `{metric}` | " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def per_label_table(directions: list[Direction], task: str) -> str:
    """Per-label F1 of the second annotation scored against the first, with support."""
    result = directions[0].results[task]
    rows = [f"| {TASKS[task].label_field} | F1 | support (first) |", "|---|---|---|"]
    for label, s in result.per_label.items():
        rows.append(f"| {label} | {s['f1']:.3f} | {s['support']} |")
    return "\n".join(rows) + "\n"


def below_bar(directions: list[Direction]) -> list[str]:
    """Figures under the study's bar (kappa 0.6, span F1 0.7) in the first direction."""
    flagged = []
    for task, metric, label in FIGURES:
        value = directions[0].results[task].scores[metric].value
        bar = KAPPA_BAR if "kappa" in metric or "alpha" in metric else SPAN_F1_BAR
        if value < bar:
            flagged.append(f"{label} ({metric} = {value:.3f} < {bar})")
    return flagged


AGREEMENT_ENTRY = "annotator-agreement"


def block_markers(version: str) -> tuple[str, str]:
    """The comment lines around the generated figures of ``version`` in AGREEMENT.md."""
    return (f"<!-- agreement:figures {version} — generated by "
            f"`newsdac corpus agreement --version {version} --write` -->",
            f"<!-- /agreement:figures {version} -->")


def study_block(first: list[dict[str, Any]], second: list[dict[str, Any]], version: str,
                bootstrap: int = 1000) -> str:
    """The generated part of AGREEMENT.md: sample, volumes, figures, per-label tables."""
    directions = compare_annotations(first, second, version, bootstrap)
    counts = {name: (sum(len(r["attributions"]) for r in records),
                     sum(len(s["cues"]) for r in records for s in r["sentences"]),
                     sum(len(r["duplication"]) for r in records))
              for name, records in (("first", first), ("second", second))}
    start, end = block_markers(version)
    lines = [start, "",
             f"Corpus {version}; {len(first)} articles, "
             f"{sum(len(r['sentences']) for r in first)} sentences (first annotation). "
             f"Intervals: 95% percentile bootstrap over articles, {bootstrap} resamples.", "",
             "| annotation | attributions | cues | duplication spans |", "|---|---|---|---|"]
    lines += [f"| {name} | {a} | {c} | {d} |" for name, (a, c, d) in counts.items()]
    lines += ["", figures_table(directions)]
    for task in ("certainty", "attribution", "duplication"):
        lines += [f"Per {TASKS[task].label_field}, second scored against first:", "",
                  per_label_table(directions, task)]
    flagged = below_bar(directions)
    lines += ["Below the bar (kappa or alpha < 0.6, span F1 < 0.7): "
              + ("; ".join(flagged) if flagged else "none") + ".", "",
              "Sample (`newsdac corpus sample`):", "",
              "| id | split | topic | register |", "|---|---|---|---|"]
    lines += [f"| {r['id']} | {r['split']} | {r['meta']['topic']} | {r['meta']['register']} |"
              for r in first]
    lines += ["", end]
    return "\n".join(lines)


def replace_block(document: str, block: str, version: str, path: Path) -> str:
    """``document`` with its generated block for ``version`` replaced by ``block``."""
    first, last = block_markers(version)
    start, end = document.find(first), document.find(last)
    if start < 0 or end < start:
        raise NewsdacError(f"{path}: no generated block for {version} ({first} ... {last})")
    return document[:start] + block + document[end + len(last):]


def agreement_entry(second: list[dict[str, Any]], version: str,
                    split_of: dict[str, str]) -> tuple[dict[str, Any], list[dict]]:
    """The leaderboard's annotator-agreement reference row: the blind second annotation of
    the sampled test articles, as metadata and predictions records for ``version``'s test
    split."""
    tested = [r for r in second if split_of[r["id"]] == "test"]
    metadata = {
        "system": "annotator agreement (blind second annotation)",
        "authors": "NewsDAC maintainers",
        "description": f"A blind second annotation of the {len(tested)} test articles in the "
                       "agreement sample, by AI annotator sessions working from the guidelines "
                       f"(corpus/AGREEMENT.md), scored against the {version} gold on those "
                       "articles only. Gold was corrected after reading these annotations, "
                       "so the row is an upper estimate, not a human ceiling.",
        "link": None,
        "corpus_version": version,
        "tasks": ["duplication", "attribution", "certainty"],
        "training_data": "none (annotation guidelines only)",
        "dev_tuning": False,
        "reference": True,
        "scored_on": "predicted_articles",
    }
    lines: list[dict] = [{"header": {"corpus_version": version, "split": "test",
                                     "system": AGREEMENT_ENTRY}}]
    lines += [{"id": r["id"], **{layer: r[layer] for layer in LAYERS}} for r in tested]
    return metadata, lines


def disagreements(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> list[str]:
    """Every item the two annotations disagree on, one line each, for reading by hand:
    certainty levels of shared sentences, and attributions keyed by their cue span."""
    lines = []
    for gold, other in zip(first, second, strict=True):
        text, aid = gold["text"], gold["id"]
        levels = {(s["start"], s["end"]): s["certainty"] for s in other["sentences"]}
        lines += [f"certainty {aid} first={s['certainty']} second={levels[(s['start'], s['end'])]}"
                  f" | {text[s['start']:s['end']]}" for s in gold["sentences"]
                  if levels.get((s["start"], s["end"]), s["certainty"]) != s["certainty"]]
        by_cue = [{(a["cue"]["start"], a["cue"]["end"]): a for a in r["attributions"]}
                  for r in (gold, other)]
        for name, mine, theirs in (("first", *by_cue), ("second", *reversed(by_cue))):
            lines += [f"attribution {aid} only-{name} cue={text[k[0]:k[1]]!r} content="
                      f"{text[a['content']['start']:a['content']['end']]!r}"
                      for k, a in mine.items() if k not in theirs]
        for key in by_cue[0].keys() & by_cue[1].keys():
            a, b = by_cue[0][key], by_cue[1][key]
            shown = {"content": [text[r["content"]["start"]:r["content"]["end"]] for r in (a, b)],
                     "source_type": [a["source_type"], b["source_type"]]}
            lines += [f"attribution {aid} {field} cue={text[key[0]:key[1]]!r} "
                      f"first={one!r} second={two!r}"
                      for field, (one, two) in shown.items() if one != two]
    return lines
