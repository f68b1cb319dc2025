"""Human-readable views of scores: text tables and PNG plots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from newsdac.leaderboard.scorer import Report, TaskResult
from newsdac.leaderboard.tasks import TASKS


def _fmt(value: float) -> str:
    return f"{value:.4f}"


def _ci(ci: tuple[float, float] | None) -> str:
    return f"[{_fmt(ci[0])}, {_fmt(ci[1])}]" if ci else ""


def task_table(result: TaskResult) -> str:
    """All metrics of one task, the headline first and starred, then breakdowns."""
    head = result.scores[result.headline]
    names = [result.headline] + [n for n in result.scores if n != result.headline]
    width = max(len(n) for n in names) + 2
    lines = [f"== {result.task} ==", f"signature: {head.signature}",
             f"{'metric':<{width}}  {'value':>8}  95% CI"]
    for name in names:
        mark = " *" if name == result.headline else ""
        score = result.scores[name]
        lines.append(f"{name + mark:<{width}}  {_fmt(score.value):>8}  {_ci(score.ci)}")
    for field_name, groups in result.by.items():
        lines.append(f"-- by {field_name} --")
        for value, scores in groups.items():
            shown = {k: v for k, v in scores.items()
                     if k in (result.headline, "precision", "recall", "f1", "support")}
            lines.append(f"  {value:<20} " + "  ".join(
                f"{k}={v if isinstance(v, int) else _fmt(v)}" for k, v in shown.items()))
    return "\n".join(lines)


def render(report: Report) -> str:
    """The whole report as text: one table per task and the overall score."""
    parts = [f"NewsDAC scorer: {report.predictions} vs corpus {report.corpus} "
             f"split {report.split} ({report.n_articles} articles, bootstrap "
             f"{report.bootstrap}, seed {report.seed})"]
    parts += [f"warning: {w}" for w in report.warnings]
    parts += [task_table(r) for r in report.tasks.values()]
    if report.overall:
        parts.append(f"== overall ==\nnewsdac_score (mean of headlines)  "
                     f"{_fmt(report.overall.value)}  {_ci(report.overall.ci)}\n"
                     f"signature: {report.overall.signature}")
    return "\n\n".join(parts)


def render_comparison(result: dict[str, Any]) -> str:
    """Paired test results, one block per task."""
    lines = [f"A = {result['a']}\nB = {result['b']}\ncorpus {result['corpus']} split "
             f"{result['split']}, bootstrap {result['bootstrap']}, randomization trials "
             f"{result['trials']}"]
    for name, r in result["tasks"].items():
        boot, ar = r["paired_bootstrap"], r["approximate_randomization"]
        lines.append(f"== {name} ({r['metric']}) ==\nA {_fmt(r['a'])}  B {_fmt(r['b'])}  "
                     f"A-B {_fmt(boot['delta'])} {_ci(boot['ci'])}\n"
                     f"paired bootstrap p = {boot['p_value']:.4f}; approximate randomization "
                     f"p = {ar['p_value']:.4f}\nsignature: {r['signature']['string']}")
    return "\n\n".join(lines)


def write_plots(report: Report, folder: Path) -> list[Path]:
    """Per-label F1 bars for every task, confusion matrices where a task has one, and
    headline-by-group bars for each breakdown; returns the PNG paths written."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    written = []

    def save(fig, name: str) -> None:
        path = folder / name
        fig.tight_layout()
        fig.savefig(path, dpi=120)
        plt.close(fig)
        written.append(path)

    for name, result in report.tasks.items():
        labels = list(result.per_label)
        fig, ax = plt.subplots(figsize=(7, 3.5))
        ax.bar(labels, [result.per_label[lab]["f1"] for lab in labels], color="#4c72b0")
        ax.set_ylim(0, 1)
        ax.set_ylabel("F1")
        ax.set_title(f"{name}: F1 per {TASKS[name].label_field}")
        ax.tick_params(axis="x", rotation=30)
        save(fig, f"{name}_per_label.png")
        module_confusion = _confusion(name, result)
        if module_confusion is not None:
            fig, ax = plt.subplots(figsize=(5.5, 4.5))
            ax.imshow(module_confusion, cmap="Blues")
            cols = labels + (["missing"] if module_confusion.shape[1] > len(labels) else [])
            ax.set_xticks(range(len(cols)), cols, rotation=45, ha="right")
            ax.set_yticks(range(len(labels)), labels)
            for (i, j), v in np.ndenumerate(module_confusion):
                ax.text(j, i, int(v), ha="center", va="center", fontsize=8)
            ax.set_xlabel("predicted")
            ax.set_ylabel("gold")
            ax.set_title(f"{name}: confusion")
            save(fig, f"{name}_confusion.png")
        for field_name, groups in result.by.items():
            if field_name == TASKS[name].label_field:
                continue
            fig, ax = plt.subplots(figsize=(7, 3.5))
            ax.bar(list(groups), [g[result.headline] for g in groups.values()], color="#55a868")
            ax.set_ylim(0, 1)
            ax.set_ylabel(result.headline)
            ax.set_title(f"{name}: {result.headline} by {field_name}")
            ax.tick_params(axis="x", rotation=30)
            save(fig, f"{name}_by_{field_name}.png")
    return written


def _confusion(task: str, result: TaskResult) -> np.ndarray | None:
    confusion = TASKS[task].confusion
    if confusion is None or result.stats is None:
        return None
    return confusion(result.stats.sum(axis=0))
