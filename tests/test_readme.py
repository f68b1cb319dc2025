"""The README's quick start and results table stay true."""

from __future__ import annotations

import json
import re

from newsdac.baselines.registry import COMBINATIONS
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_test_one():
    blocks = re.findall(r"<!-- (main|test)-command -->\n```bash\n(.+)\n```", README)
    assert [name for name, _ in blocks] == ["main", "test"]
    assert "pytest" in blocks[1][1] and "baselines run" in blocks[0][1]
    assert "<!-- test-command -->" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_results_table_matches_the_committed_leaderboard():
    board = json.loads((REPO / "leaderboard" / "results.json").read_text(encoding="utf-8"))
    entry_of = {name: f"baseline-{combo}" for combo, names in COMBINATIONS.items()
                for name in names}
    pattern = r"^\| (\w+) \| ([\w-]+) \| \w+ \| \w+ \| ([\d.]+) \| \[([\d.]+), ([\d.]+)\] \|$"
    rows = re.findall(pattern, README, flags=re.M)
    assert len(rows) == 10
    for task, system, value, low, high in rows:
        slug = entry_of.get(system, f"baseline-{system}")
        row = next(r for r in board["tasks"][task] if r["slug"] == slug)
        assert (f"{row['value']:.3f}", f"{row['ci'][0]:.3f}", f"{row['ci'][1]:.3f}") == \
            (value, low, high), system
