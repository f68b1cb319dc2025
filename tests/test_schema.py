"""The contract is defined once: code, JSON Schema file, SCHEMA.md and the card agree."""

from __future__ import annotations

import json

import pytest
import yaml

from newsdac import labels
from newsdac.corpus.stats import corpus_stats, stats_markdown
from newsdac.loaders import load_records, release_path
from newsdac.schema import CONFIGS, article_schema
from tests.conftest import REPO

CORPUS = REPO / "corpus"


def test_committed_json_schema_equals_the_generated_one():
    on_disk = json.loads((CORPUS / "article.schema.json").read_text(encoding="utf-8"))
    assert on_disk == article_schema()


@pytest.mark.parametrize("table", [
    labels.DUPLICATION_LABELS, labels.SOURCE_TYPES, labels.CERTAINTY_LEVELS,
    labels.CUE_TYPES, labels.TOPICS, labels.REGISTERS,
])
def test_schema_md_documents_every_label_with_its_meaning(table):
    doc = (CORPUS / "SCHEMA.md").read_text(encoding="utf-8")
    for label, meaning in table.items():
        assert f"| `{label}` | {meaning} |" in doc


def test_schema_md_names_every_record_field():
    doc = (CORPUS / "SCHEMA.md").read_text(encoding="utf-8")
    for field in article_schema()["properties"]:
        assert f"| `{field}` |" in doc


def test_card_declares_every_config_and_its_stats_table_matches_corpus_stats():
    folder = release_path()
    card = (folder / "README.md").read_text(encoding="utf-8")
    header = yaml.safe_load(card.split("---\n")[1])
    assert [c["config_name"] for c in header["configs"]] == list(CONFIGS)
    assert header["license"] == "cc-by-4.0"
    stats = corpus_stats(load_records(version=folder.name), folder.name)
    assert stats_markdown(stats) in card


def test_datasheet_key_figures_match_corpus_stats():
    import re

    text = (CORPUS / "DATASHEET.md").read_text(encoding="utf-8")
    line = re.search(r"^articles (\d+); words (\d+); sentences (\d+); attributions (\d+); "
                     r"cues (\d+); duplication spans (\d+); clean articles (\d+)\.$", text, re.M)
    total = corpus_stats(load_records(version="1.1.0"), "1.1.0")["total"]
    keys = ["articles", "words", "sentences", "attributions", "cues", "duplication_spans",
            "clean_articles"]
    assert [int(v) for v in line.groups()] == [total[k] for k in keys]


@pytest.mark.parametrize("config", list(CONFIGS))
def test_card_features_are_what_datasets_loads(config):
    from datasets import load_dataset_builder

    from newsdac.schema import features

    builder = load_dataset_builder(str(release_path()), config)
    assert builder.info.features == features(list(CONFIGS[config]))
