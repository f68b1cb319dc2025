"""Run the best baseline of each task on raw article text.

The best system per task is the one with the highest dev headline score after
training on train; predictions use offsets into the text exactly as read
(bytes decoded as UTF-8, newlines untouched).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tqdm import tqdm

from newsdac.baselines.registry import SYSTEMS, System
from newsdac.baselines.runner import blind
from newsdac.errors import NewsdacError
from newsdac.leaderboard.predictions import layer_items
from newsdac.leaderboard.scorer import headline_score
from newsdac.leaderboard.tasks import TASKS
from newsdac.loaders import load_records


def read_raw(path: Path) -> str:
    """A text file as UTF-8, exactly (no newline translation)."""
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise NewsdacError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise NewsdacError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def best_systems(version: str = "latest") -> dict[str, tuple[str, System]]:
    """For each task, the name and fitted instance of the system best on dev."""
    train = load_records(split="train", version=version)
    dev = load_records(split="dev", version=version)
    best: dict[str, tuple[float, str, System]] = {}
    for entry in tqdm(list(SYSTEMS.values()), desc="training baselines", unit="system"):
        system = entry.make().fit(train, dev)
        value = headline_score(entry.task, dev, system.predict(blind(dev)))
        if entry.task not in best or value > best[entry.task][0]:
            best[entry.task] = (value, entry.name, system)
    return {task: (name, system) for task, (_, name, system) in best.items()}


def predict_texts(texts: dict[str, str], systems: dict[str, tuple[str, System]]
                  ) -> list[dict[str, Any]]:
    """One predictions record (all three layers) per ``id -> text``; artifacts found by the
    duplication system are excluded from the other layers, as the contract requires."""
    records = [{"id": ident, "text": text} for ident, text in texts.items()]
    layers = {TASKS[task].layer: system.predict(records)
              for task, (_, system) in systems.items()}
    out = []
    for k, record in enumerate(records):
        result = {"id": record["id"], "text": record["text"],
                  **{layer: items[k] for layer, items in layers.items()}}
        gold_like = {"duplication": result.get("duplication", [])}
        for layer in ("attributions", "sentences"):
            if layer in result:
                result[layer] = layer_items(gold_like, result, layer)
        out.append(result)
    return out


def render(record: dict[str, Any]) -> str:
    """A readable view: artifacts marked per line, uncertain sentences tagged, sources listed."""
    text, lines = record["text"], [f"# {record['id']}"]
    for item in record.get("duplication", []):
        snippet = text[item["start"]:item["end"]].replace("\n", " / ")
        link = f" <- [{item['original']['start']}:{item['original']['end']}]" \
            if item["original"] else ""
        lines.append(f"  ARTIFACT {item['label']}{link}: {snippet[:90]}")
    for sentence in record.get("sentences", []):
        if sentence["certainty"] != "certain" or sentence["cues"]:
            cues = ", ".join(f"{text[c['start']:c['end']]}:{c['type']}" for c in sentence["cues"])
            lines.append(f"  {sentence['certainty'].upper():<11} "
                         f"{text[sentence['start']:sentence['end']][:110]}"
                         + (f"  [cues: {cues}]" if cues else ""))
    for att in record.get("attributions", []):
        source = text[att["source"]["start"]:att["source"]["end"]] if att["source"] else "-"
        lines.append(f"  SOURCE ({att['source_type']}) {source!r} "
                     f"{text[att['cue']['start']:att['cue']['end']]!r} -> "
                     f"{text[att['content']['start']:att['content']['end']][:80]!r}")
    return "\n".join(lines)
