"""Build a corpus release: sources -> injected records -> per-config JSONL, card, manifest.

The build is a pure function of the annotation sources, the build seed and the
injector version, so the same inputs give the same bytes. A release folder is
immutable: building over an existing release that would change is refused.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from tqdm import tqdm

from newsdac.corpus.croissant import croissant
from newsdac.corpus.hygiene import check_split_hygiene
from newsdac.corpus.inject import inject
from newsdac.corpus.source import CleanArticle, read_sources
from newsdac.corpus.stats import corpus_stats, stats_markdown
from newsdac.errors import NewsdacError
from newsdac.io import jsonl_text
from newsdac.schema import CONFIGS, SCHEMA_VERSION, SPLITS, article_schema, yaml_features
from newsdac.validate import schema_errors, semantic_errors

BUILD_SEED = 13
#: Bump when the injector's output for the same sources and seed changes.
INJECTOR_VERSION = 2
MANIFEST = "MANIFEST.json"


def build_records(articles: list[CleanArticle], seed: int = BUILD_SEED) -> list[dict[str, Any]]:
    """Inject artifacts into every clean article and return validated release records."""
    records = []
    for article in tqdm(articles, desc="injecting artifacts", unit="article", leave=False):
        extracted = inject(article, seed)
        record = {
            "id": article.id,
            "split": article.split,
            "meta": {**article.meta, "profile": extracted.profile},
            "text": extracted.text,
            "duplication": extracted.duplication,
            "attributions": extracted.attributions,
            "sentences": extracted.sentences,
        }
        problems = schema_errors(record) or semantic_errors(record)
        if problems:
            field, message = problems[0]
            raise NewsdacError(f"article {article.id}: field {field}: {message} (after injection)")
        records.append(record)
    return records


def dumps_jsonl(records: list[dict[str, Any]]) -> bytes:
    """Canonical JSONL bytes: UTF-8, no ASCII escaping, compact, one record per line."""
    return jsonl_text(records).encode("utf-8")


def sources_digest(folder: Path) -> str:
    """SHA-256 over the names and bytes of every source file, in name order."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def release_files(records: list[dict[str, Any]], version: str) -> dict[str, bytes]:
    """Every data file of a release, by relative path, plus the schema and the card."""
    files: dict[str, bytes] = {}
    for config, fields in CONFIGS.items():
        for split in SPLITS:
            rows = [{f: r[f] for f in fields} for r in records if r["split"] == split]
            files[f"{config}/{split}.jsonl"] = dumps_jsonl(rows)
    files["croissant.json"] = (json.dumps(croissant(files, version), indent=2) + "\n").encode()
    files["article.schema.json"] = (json.dumps(article_schema(), indent=2) + "\n").encode()
    files["README.md"] = dataset_card(records, version).encode("utf-8")
    return files


def manifest(files: dict[str, bytes], version: str, sources: str, seed: int) -> bytes:
    """The MANIFEST.json bytes: provenance plus a SHA-256 and size for every file."""
    body = {
        "name": "newsdac",
        "version": version,
        "schema_version": SCHEMA_VERSION,
        "build_seed": seed,
        "injector_version": INJECTOR_VERSION,
        "sources_sha256": sources,
        "files": {path: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
                  for path, data in sorted(files.items())},
    }
    return (json.dumps(body, indent=2) + "\n").encode()


def build_release(src: Path, out: Path, version: str, seed: int = BUILD_SEED) -> dict[str, bytes]:
    """All files of release ``version`` built from ``src``, keyed by path relative to ``out``."""
    articles = read_sources(src)
    check_split_hygiene(articles)
    records = build_records(articles, seed)
    files = release_files(records, version)
    files[MANIFEST] = manifest(files, version, sources_digest(src), seed)
    return files


def write_release(files: dict[str, bytes], target: Path) -> str:
    """Write a release atomically; refuse to change an existing one. Returns what happened."""
    if target.exists():
        changed = diff_release(files, target)
        if not changed:
            return f"release {target} is up to date"
        raise NewsdacError(
            f"release {target} already exists and the build differs in {', '.join(changed[:5])}; "
            "releases are immutable: build a new version and add a CHANGELOG entry")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for rel, data in files.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return f"wrote release {target} ({len(files)} files)"


def diff_release(files: dict[str, bytes], target: Path) -> list[str]:
    """Relative paths whose bytes differ between ``files`` and the folder ``target``."""
    on_disk = {str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()}
    changed = sorted(rel for rel in set(files) | on_disk
                     if rel not in files or rel not in on_disk
                     or (target / rel).read_bytes() != files[rel])
    return changed


def dataset_card(records: list[dict[str, Any]], version: str) -> str:
    """The Hugging Face dataset card: YAML configs and features, then prose and stats."""
    header = {
        "pretty_name": f"NewsDAC {version}",
        "license": "cc-by-4.0",
        "language": ["en"],
        "task_categories": ["token-classification", "text-classification"],
        "size_categories": ["n<1K"] if len(records) < 1000 else ["1K<n<10K"],
        "configs": [{"config_name": name, "data_files": [
            {"split": split, "path": f"{name}/{split}.jsonl"} for split in SPLITS],
            **({"default": True} if name == "articles" else {})} for name in CONFIGS],
        "dataset_info": [{"config_name": name, "features": yaml_features(fields)}
                         for name, fields in CONFIGS.items()],
    }
    stats = corpus_stats(records, version)
    front = yaml.safe_dump(header, sort_keys=False, allow_unicode=True, width=100)
    return CARD_TEMPLATE.format(front=front, version=version, table=stats_markdown(stats))


CARD_TEMPLATE = """---
{front}---

# NewsDAC {version}

NewsDAC is a corpus of English news articles annotated, on the same text, for
three layers: **duplication and extraction artifacts** (repeated headlines,
paragraphs and bodies, near-duplicates, placeholders, boilerplate, each
duplicate linked to its original), **attribution** (source, cue and content
spans with a source type, nesting included) and **claim certainty** (a
FactBank-compatible level per sentence with the cue spans that carry it).

Every article is original prose written for this corpus; every person,
organisation, outlet, place and event in it is fictional. Artifacts are added
by a seeded injector, so their gold spans are exact by construction; dev and
test articles draw their placeholders, boilerplate and teasers from an
inventory that shares no string with train's, so memorising train artifacts
does not score on test. Attribution and certainty are annotated by hand under
`corpus/GUIDELINES.md`.

## Limitations

- The articles are written for the corpus, not sampled from real outlets:
  they cover the phenomena on purpose, so label frequencies differ from real
  news and scores do not transfer one to one.
- Each article has one released annotation. The agreement study in
  `corpus/AGREEMENT.md` re-annotated 40 articles blind, with AI annotator
  sessions working from the same guidelines: its figures bound how
  consistently the guidelines are applied, not how well people agree, so
  there is no measured human ceiling yet.
- Artifacts come from one injector (version recorded in `MANIFEST.json`); real
  extraction noise is more varied.

## Loading

```python
from datasets import load_dataset
# configs: articles, duplication, attribution, certainty
ds = load_dataset("corpus/releases/{version}", "articles")

from newsdac.loaders import load  # verifies MANIFEST.json checksums first
ds = load("certainty", split="dev", version="{version}")
```

## Configs

| config | fields | use |
|---|---|---|
| `articles` | id, split, meta, text, duplication, attributions, sentences | all layers |
| `duplication` | id, split, meta, text, duplication | artifact and duplicate detection |
| `attribution` | id, split, meta, text, attributions | attribution extraction |
| `certainty` | id, split, meta, text, sentences | certainty and cue detection |

Every offset is a Python string index (Unicode code point) into `text`,
end-exclusive. Fields and labels are defined in `corpus/SCHEMA.md`; the JSON
Schema is `article.schema.json` in this folder. Attribution and certainty are
annotated on original content only; nothing inside a duplication span is
annotated, and the official scorer ignores predictions there.

## Statistics

Generated by `newsdac corpus stats --version {version}`.

{table}

## Integrity

`MANIFEST.json` lists the SHA-256 of every file. A release never changes once
published; fixes are new versions listed in `corpus/CHANGELOG.md`. The release
is rebuilt byte for byte by `newsdac corpus build --version {version} --check`
from the sources it was built from. `croissant.json` describes the files and
fields in MLCommons Croissant 1.0 JSON-LD.

## Licence

The data is released under CC BY 4.0 (`LICENSE-DATA`). The code that builds
and scores it is under the MIT licence (`LICENSE`).
"""
