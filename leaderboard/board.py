"""Build the leaderboard: re-score every entry, then write results JSON, README and site.

Every number on the board comes from re-scoring the submitted predictions
with the official scorer; nothing a submitter claims is copied.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from jinja2 import Environment, FileSystemLoader
from tqdm import tqdm

from newsdac.io import write_text_atomic
from newsdac.leaderboard.predictions import read_predictions
from newsdac.leaderboard.scorer import Gold, load_gold, stats_matrix, task_pairs
from newsdac.leaderboard.signature import Signature
from newsdac.leaderboard.significance import (
    DEFAULT_SEED,
    interval,
    paired_bootstrap,
    resample_weights,
    resampled_stats,
)
from newsdac.leaderboard.submissions import ROOT, SPLIT, Entry, entries
from newsdac.leaderboard.tasks import TASKS

HERE = Path(__file__).resolve().parent
SITE_ASSETS = HERE / "site" / "assets"
BOOTSTRAP = 1000
#: Differences from the leader with a paired-bootstrap p-value at or above this are marked.
ALPHA = 0.05


@dataclass
class Row:
    """One entry's score on one task (or overall)."""

    slug: str
    system: str
    value: float
    ci: tuple[float, float]
    reference: bool
    stats: np.ndarray | None = None
    n_articles: int | None = None
    rank: int | None = None
    p_vs_leader: float | None = None

    @property
    def tied_with_leader(self) -> bool:
        return self.p_vs_leader is not None and self.p_vs_leader >= ALPHA


@dataclass
class Board:
    """Everything the README and the site show."""

    corpus: str
    split: str
    bootstrap: int
    tasks: dict[str, list[Row]]
    signatures: dict[str, str]
    overall: list[Row]
    entries: list[Entry]


def _score_entry(entry: Entry, gold: Gold, weights: np.ndarray) -> dict[str, Row]:
    rows = {}
    for task_name, path in entry.predictions.items():
        task = TASKS[task_name]
        predictions = read_predictions(path, gold.by_id, gold.version)
        scored, boot = gold, weights
        if entry.partial:
            scored = Gold(gold.version, gold.split,
                          [r for r in gold.records if r["id"] in predictions.records])
            boot = resample_weights(len(scored.records), weights.shape[0], DEFAULT_SEED)
        stats = stats_matrix(task, task_pairs(task, scored, predictions))
        metric = task.metrics[task.headline]
        rows[task_name] = Row(entry.slug, entry.metadata["system"],
                              float(metric(stats.sum(axis=0))),
                              interval(metric(resampled_stats(stats, boot))),
                              entry.reference, stats,
                              len(scored.records) if entry.partial else None)
    return rows


def _rank(rows: list[Row], weights: np.ndarray, task: str | None) -> list[Row]:
    """Sort by score, number ranked rows, and test each against the leader."""
    rows.sort(key=lambda r: (r.reference, -r.value, r.system, r.slug))
    ranked = [r for r in rows if not r.reference]
    for position, row in enumerate(ranked, start=1):
        row.rank = position
    if task is not None and ranked:
        leader, metric = ranked[0], TASKS[task].metrics[TASKS[task].headline]
        for row in ranked[1:]:
            row.p_vs_leader = paired_bootstrap(leader.stats, row.stats, metric,
                                               weights)["p_value"]
    return rows


def _overall(per_entry: dict[str, dict[str, Row]], weights: np.ndarray) -> list[Row]:
    rows = []
    for rows_by_task in per_entry.values():
        if set(rows_by_task) != set(TASKS):
            continue
        first = next(iter(rows_by_task.values()))
        boot = weights if first.n_articles is None else resample_weights(
            first.n_articles, weights.shape[0], DEFAULT_SEED)
        boots = [TASKS[t].metrics[TASKS[t].headline](resampled_stats(r.stats, boot))
                 for t, r in rows_by_task.items()]
        rows.append(Row(first.slug, first.system,
                        float(np.mean([r.value for r in rows_by_task.values()])),
                        interval(np.mean(boots, axis=0)), first.reference,
                        n_articles=first.n_articles))
    return _rank(rows, weights, None)


def build_board(root: Path = ROOT, bootstrap: int = BOOTSTRAP) -> Board:
    """Re-score every entry on the test split of the newest corpus version they use."""
    all_entries = entries(root)
    versions = sorted({e.metadata["corpus_version"] for e in all_entries},
                      key=lambda v: tuple(map(int, v.split("."))))
    gold = load_gold(f"{versions[-1] if versions else 'latest'}:{SPLIT}")
    current = [e for e in all_entries if e.metadata["corpus_version"] == gold.version]
    weights = resample_weights(len(gold.records), bootstrap, DEFAULT_SEED)
    per_entry = {e.slug: _score_entry(e, gold, weights)
                 for e in tqdm(current, desc="scoring entries", unit="entry", leave=False)}
    tasks = {name: _rank([rows[name] for rows in per_entry.values() if name in rows],
                         weights, name) for name in TASKS}
    signatures = {name: str(Signature(gold.version, gold.split, name, TASKS[name].headline,
                                      bootstrap)) for name in TASKS}
    signatures["overall"] = str(Signature(gold.version, gold.split, "all", "newsdac_score",
                                          bootstrap))
    return Board(gold.version, gold.split, bootstrap, tasks, signatures,
                 _overall(per_entry, weights), current)


def results_json(board: Board) -> dict[str, Any]:
    """Plain JSON of the board, keyed by task, as committed in ``results.json``."""
    def row(r: Row) -> dict[str, Any]:
        return {"slug": r.slug, "system": r.system, "value": round(r.value, 6),
                "ci": [round(r.ci[0], 6), round(r.ci[1], 6)], "rank": r.rank,
                "reference": r.reference, "n_articles": r.n_articles,
                "p_vs_leader": None if r.p_vs_leader is None else round(r.p_vs_leader, 6)}
    return {"corpus_version": board.corpus, "split": board.split, "bootstrap": board.bootstrap,
            "signatures": board.signatures,
            "tasks": {name: [row(r) for r in rows] for name, rows in board.tasks.items()},
            "overall": [row(r) for r in board.overall]}


def _environment(html: bool) -> Environment:
    """Templates for HTML escape everything from submissions; Markdown escapes per cell."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=html,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["score"] = lambda v: f"{v:.3f}"
    return env


def render_markdown(board: Board) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;") \
            .replace("\n", " ")
    env = _environment(html=False)
    env.filters["cell"] = cell
    return env.get_template("README.md.j2").render(board=board, tasks=TASKS, alpha=ALPHA)


def chart_bars(rows: list[Row], width: int = 560, bar: int = 22) -> dict[str, Any]:
    """Coordinates for an SVG bar chart of scores with interval whiskers (scale 0..1)."""
    left = 190
    scale = width - left - 60
    bars = [{"y": 10 + k * (bar + 8), "x": left, "w": max(1.0, r.value * scale),
             "lo": left + r.ci[0] * scale, "hi": left + r.ci[1] * scale,
             "label": r.system, "value": r.value, "reference": r.reference}
            for k, r in enumerate(rows)]
    return {"width": width, "height": 20 + len(rows) * (bar + 8), "bar": bar, "bars": bars,
            "left": left, "scale": scale}


def render_site(board: Board) -> str:
    charts = {name: chart_bars(rows) for name, rows in board.tasks.items()}
    charts["overall"] = chart_bars(board.overall)
    return _environment(html=True).get_template("index.html.j2").render(
        board=board, tasks=TASKS, charts=charts, alpha=ALPHA)


def board_files(board: Board) -> dict[str, str]:
    """The generated files, relative to ``leaderboard/``."""
    return {
        "README.md": render_markdown(board),
        "results.json": json.dumps(results_json(board), indent=2, ensure_ascii=False) + "\n",
        "site/index.html": render_site(board),
    }


def write_board(files: dict[str, str], out: Path = HERE) -> list[Path]:
    """Write the generated files under ``out``; a board written elsewhere also gets a copy
    of the page's static assets (``site/assets/``, kept as source in this folder)."""
    written = []
    for rel, text in files.items():
        write_text_atomic(out / rel, text)
        written.append(out / rel)
    assets = out / "site" / "assets"
    if assets.resolve() != SITE_ASSETS.resolve():
        shutil.copytree(SITE_ASSETS, assets, dirs_exist_ok=True)
        written += sorted(assets.iterdir())
    return written
