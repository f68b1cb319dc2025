"""Train, predict and score baselines: train on train, tune on dev, report on the chosen split.

Systems never see gold layers of the split they predict: they get records with
``id``, ``text`` and ``meta`` only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from newsdac.baselines.registry import COMBINATIONS, SYSTEMS, Entry
from newsdac.errors import NewsdacError
from newsdac.io import jsonl_text, write_text_atomic
from newsdac.leaderboard.scorer import Gold, Report, score
from newsdac.leaderboard.submissions import write_metadata_file
from newsdac.leaderboard.tasks import TASKS
from newsdac.loaders import load_records, release_path

LEADERBOARD = Path(__file__).resolve().parent.parent / "leaderboard"


def blind(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records without gold layers: what a system may see at prediction time."""
    return [{"id": r["id"], "text": r["text"], "meta": r["meta"]} for r in records]


def choose(task: str | None = None, system: str | None = None) -> list[Entry]:
    """Registered systems for a task and/or a name, in registry order."""
    if task is not None and task not in TASKS:
        raise NewsdacError(f"unknown task {task!r}; choose from {', '.join(TASKS)}")
    if system is not None and system not in SYSTEMS:
        raise NewsdacError(f"unknown system {system!r}; choose from {', '.join(SYSTEMS)}")
    return [e for e in SYSTEMS.values()
            if (task is None or e.task == task) and (system is None or e.name == system)]


@dataclass
class Run:
    """One system's predictions file and its score report."""

    entry: Entry
    path: Path
    report: Report


def is_entry(entry: Entry, split: str) -> bool:
    """Test predictions of a system outside every combination are a leaderboard entry of
    their own; the others reach the board through their combination."""
    return split == "test" and not any(entry.name in names for names in COMBINATIONS.values())


def predictions_path(entry: Entry, split: str, root: Path = LEADERBOARD) -> Path:
    """Where a system's predictions go under ``root`` (the leaderboard folder): its entry
    folder in ``submissions/``, or ``runs/<split>/``."""
    if is_entry(entry, split):
        return root / "submissions" / f"baseline-{entry.name}" / "predictions.jsonl"
    return root / "runs" / split / f"baseline-{entry.name}.jsonl"


def write_metadata(entry: Entry, version: str, folder: Path) -> None:
    """The leaderboard metadata of a single-task baseline entry."""
    write_metadata_file(folder, {
        "system": f"baseline: {entry.name}", "authors": "NewsDAC maintainers",
        "description": f"{entry.kind.capitalize()} baseline. {entry.description}",
        "link": None, "corpus_version": version, "tasks": [entry.task],
        "training_data": f"NewsDAC {version} train split" if entry.kind == "learned"
        else "none", "dev_tuning": entry.tunes_on_dev})


def run_system(entry: Entry, version: str, split: str, bootstrap: int,
               root: Path = LEADERBOARD) -> Run:
    """Fit on train (tuning on dev), predict ``split`` blind, write and score predictions."""
    train, dev = load_records(split="train", version=version), load_records(split="dev",
                                                                             version=version)
    target = load_records(split=split, version=version)
    system = entry.make().fit(train, dev)
    layer = TASKS[entry.task].layer
    predicted = system.predict(blind(target))
    records = [{"header": {"corpus_version": version, "split": split,
                           "system": f"baseline-{entry.name}"}}]
    records += [{"id": r["id"], layer: items}
                for r, items in zip(target, predicted, strict=True)]
    path = predictions_path(entry, split, root)
    write_text_atomic(path, jsonl_text(records))
    if is_entry(entry, split):
        write_metadata(entry, version, path.parent)
    report = score(Gold(version, split, target), path, tasks=[entry.task], bootstrap=bootstrap)
    return Run(entry, path, report)


def run(task: str | None = None, system: str | None = None, split: str = "test",
        version: str = "latest", bootstrap: int = 1000, root: Path = LEADERBOARD) -> list[Run]:
    """Run the chosen baselines with a progress bar; return their runs. On the test split,
    every combination whose three systems ran also becomes a three-task entry."""
    version = release_path(version).name
    entries = choose(task, system)
    runs = [run_system(e, version, split, bootstrap, root)
            for e in tqdm(entries, desc="baselines", unit="system")]
    if split == "test":
        write_combinations({r.entry.name: r for r in runs}, version, root)
    return runs


def write_combinations(runs: dict[str, Run], version: str, root: Path) -> list[Path]:
    """Merge per-task predictions into ``baseline-<combination>`` entries."""
    written = []
    for combo, names in COMBINATIONS.items():
        if not all(name in runs for name in names):
            continue
        merged: dict[str, dict[str, Any]] = {}
        for name in names:
            for line in runs[name].path.read_text(encoding="utf-8").splitlines()[1:]:
                record = json.loads(line)
                merged.setdefault(record["id"], {"id": record["id"]}).update(record)
        folder = root / "submissions" / f"baseline-{combo}"
        header = {"header": {"corpus_version": version, "split": "test",
                             "system": f"baseline-{combo}"}}
        write_text_atomic(folder / "predictions.jsonl", jsonl_text([header, *merged.values()]))
        parts = [SYSTEMS[n] for n in names]
        write_metadata_file(folder, {
            "system": f"baselines: {combo}", "authors": "NewsDAC maintainers",
            "description": f"The {combo} baselines together: " + ", ".join(names) + ".",
            "link": None, "corpus_version": version, "tasks": [p.task for p in parts],
            "training_data": f"NewsDAC {version} train split" if combo == "learned" else "none",
            "dev_tuning": any(p.tunes_on_dev for p in parts)})
        written.append(folder)
    return written


def results_table(runs: list[Run]) -> str:
    """A Markdown table: one row per system with its headline score and 95% interval,
    followed by the signature of each task's headline metric."""
    lines = ["| task | system | kind | metric | score | 95% CI |", "|---|---|---|---|---|---|"]
    signatures: dict[str, str] = {}
    for r in runs:
        result = r.report.tasks[r.entry.task]
        head = result.scores[result.headline]
        ci = f"[{head.ci[0]:.3f}, {head.ci[1]:.3f}]" if head.ci else ""
        lines.append(f"| {r.entry.task} | {r.entry.name} | {r.entry.kind} | {result.headline} "
                     f"| {head.value:.3f} | {ci} |")
        signatures.setdefault(r.entry.task, str(head.signature))
    lines += ["", *[f"- `{sig}`" for sig in signatures.values()]]
    return "\n".join(lines)
