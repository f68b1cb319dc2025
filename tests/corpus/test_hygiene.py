"""Split hygiene: near-duplicate articles across splits stop the build."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdac.corpus.hygiene import check_split_hygiene, cross_split_similarities
from newsdac.corpus.source import read_sources
from newsdac.errors import NewsdacError
from newsdac.paths import sources_root
from tests.conftest import FIXTURES


def _pair(split_b: str, edit=lambda t: t):
    (a,) = read_sources(FIXTURES / "src")
    return [a, replace(a, id="nd-9002", split=split_b, text=edit(a.text))]


def test_a_copy_in_another_split_fails_the_build():
    with pytest.raises(NewsdacError, match=r"nd-9001~nd-9002 \(1.00\)"):
        check_split_hygiene(_pair("test"))


def test_a_copy_in_the_same_split_is_not_a_leak():
    assert check_split_hygiene(_pair("train")) == 0.0


def test_similarity_is_word_5gram_jaccard():
    half = _pair("dev", edit=lambda t: t[: len(t) // 2])
    (score, _, _), = cross_split_similarities(half)
    assert 0.4 < score < 0.6


def test_the_committed_sources_pass():
    assert check_split_hygiene(read_sources(sources_root())) < 0.2
