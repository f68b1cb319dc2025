"""The ``newsdac`` command line: one entry point, subcommands found in a registry."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from newsdac import __version__
from newsdac.errors import NewsdacError

Handler = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Handler]] = {}


def command(name: str, help_text: str, configure: Callable[[argparse.ArgumentParser], None]):
    """Register a subcommand (``name`` may be two words, such as ``corpus build``)."""
    def register(handler: Handler) -> Handler:
        COMMANDS[name] = (help_text, configure, handler)
        return handler
    return register


def _no_args(parser: argparse.ArgumentParser) -> None:
    """For commands that take no arguments."""


def _source_files(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", type=Path,
                        help="source files (default: every file in corpus/src)")


def _sources(files: list[Path]):
    from newsdac.corpus.source import load_source, read_sources, resolve_source
    from newsdac.paths import sources_root
    if not files:
        return read_sources(sources_root())
    return [resolve_source(load_source(p), p) for p in files]


def _corpus_check_args(parser: argparse.ArgumentParser) -> None:
    _source_files(parser)
    parser.add_argument("--second", action="store_true",
                        help="the files are second annotations (corpus/agreement/<id>.yaml): "
                        "resolve them against their raw text, without showing any gold")


@command("corpus check", "resolve annotation sources and report anchor errors",
         _corpus_check_args)
def _corpus_check(args: argparse.Namespace) -> int:
    if args.second:
        from newsdac.corpus.reannotation import read_second
        _, records = _release_records("latest")
        for path in args.files:
            read_second(path, records)
        print(f"ok: {len(args.files)} second annotation(s) resolve cleanly")
        return 0
    articles = _sources(args.files)
    print(f"ok: {len(articles)} source(s) resolve cleanly")
    return 0


@command("corpus show", "print a resolved source: sentences, levels, cues, attributions",
         _source_files)
def _corpus_show(args: argparse.Namespace) -> int:
    from newsdac.corpus.show import render
    print("\n\n".join(render(a) for a in _sources(args.files)))
    return 0


def _validate_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, help="JSONL files of article records")


@command("validate", "check JSONL article records against the schema and the contract",
         _validate_args)
def _validate(args: argparse.Namespace) -> int:
    from newsdac.validate import validate_file
    failed = False
    for path in args.paths:
        count, errors = validate_file(path)
        for line in errors[:50]:
            print(line, file=sys.stderr)
        if len(errors) > 50:
            print(f"{path}: ... and {len(errors) - 50} more errors", file=sys.stderr)
        failed = failed or bool(errors)
        if not errors:
            print(f"{path}: {count} records valid")
    return 2 if failed else 0


@command("schema", "print the JSON Schema of an article record", _no_args)
def _schema(args: argparse.Namespace) -> int:
    import json

    from newsdac.schema import article_schema
    print(json.dumps(article_schema(), indent=2))
    return 0


def _build_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", required=True, help="release version, e.g. 0.1.0")
    parser.add_argument("--check", action="store_true",
                        help="rebuild in memory and compare with the committed release")


@command("corpus build", "build a release from corpus/src into corpus/releases/VERSION",
         _build_args)
def _corpus_build(args: argparse.Namespace) -> int:
    from newsdac.corpus.release import build_release, diff_release, write_release
    from newsdac.paths import releases_root, sources_root
    target = releases_root() / args.version
    files = build_release(sources_root(), target, args.version)
    if args.check:
        if not target.is_dir():
            raise NewsdacError(f"release {target} does not exist")
        changed = diff_release(files, target)
        if changed:
            raise NewsdacError(f"release {args.version} differs from a rebuild in: "
                               f"{', '.join(changed)}")
        print(f"release {args.version}: identical to a fresh build ({len(files)} files)")
        return 0
    print(write_release(files, target))
    return 0


def _stats_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", default="latest", help="release version (default: latest)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--bar", action="store_true",
                        help="also check the 1.x volume and variety bar; exit 2 if missed")


@command("corpus stats", "count articles, words, sentences, attributions, cues and artifacts",
         _stats_args)
def _corpus_stats(args: argparse.Namespace) -> int:
    import json

    from newsdac.corpus.stats import bar_failures, corpus_stats, stats_markdown
    from newsdac.loaders import load_records, release_path
    version = release_path(args.version).name
    stats = corpus_stats(load_records("articles", version=version), version)
    print(json.dumps(stats, indent=2) if args.json else stats_markdown(stats))
    if args.bar:
        failures = bar_failures(stats)
        if failures:
            raise NewsdacError(f"release {version} misses the bar: " + "; ".join(failures))
        print(f"release {version} meets the 1.x volume and variety bar", file=sys.stderr)
    return 0


def _splits_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--write", action="store_true",
                        help="write the proposed split into each unreleased source file")


@command("corpus splits", "propose stratified splits for unreleased articles", _splits_args)
def _corpus_splits(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from newsdac.corpus.hygiene import MAX_CROSS_SPLIT_JACCARD, cross_split_similarities
    from newsdac.corpus.splits import propose_splits, released_splits, split_table, write_split
    from newsdac.paths import sources_root
    articles = _sources([])
    proposal = propose_splits(articles, released_splits())
    print(split_table(articles, proposal))
    closest = cross_split_similarities([replace(a, split=proposal[a.id]) for a in articles])
    if closest:
        value, first, second = closest[0]
        print(f"closest pair across splits: {first} / {second}, word 5-gram Jaccard "
              f"{value:.3f} (the build refuses {MAX_CROSS_SPLIT_JACCARD})")
    if args.write:
        changed = [a.id for a in articles
                   if write_split(sources_root() / f"{a.id}.yaml", proposal[a.id])]
        print(f"updated {len(changed)} source file(s)")
    return 0


def _release_records(version: str) -> tuple[str, dict[str, dict]]:
    from newsdac.loaders import load_records, release_path
    resolved = release_path(version).name
    return resolved, {r["id"]: r for r in load_records("articles", version=resolved)}


def _sample_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", default="latest", help="release version (default: latest)")
    parser.add_argument("--n", type=int, help="sample size (default: max(40, 10%% of the release))")
    parser.add_argument("--seed", type=int, help="sampling seed (default: the study's seed)")


@command("corpus sample", "pick the agreement-study articles, stratified by topic and register",
         _sample_args)
def _corpus_sample(args: argparse.Namespace) -> int:
    from newsdac.corpus.agreement import AGREEMENT_SEED, agreement_sample
    _, records = _release_records(args.version)
    seed = AGREEMENT_SEED if args.seed is None else args.seed
    print(" ".join(agreement_sample(list(records.values()), args.n, seed)))
    return 0


def _blank_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", nargs="+", help="article ids (output of `newsdac corpus sample`)")
    parser.add_argument("--version", default="latest", help="release version (default: latest)")
    parser.add_argument("--out", type=Path, help="folder (default: corpus/agreement)")


@command("corpus blank", "write released articles as raw text only, for blind re-annotation",
         _blank_args)
def _corpus_blank(args: argparse.Namespace) -> int:
    from newsdac.corpus.reannotation import write_blanks
    from newsdac.paths import corpus_root
    _, records = _release_records(args.version)
    missing = [i for i in args.ids if i not in records]
    if missing:
        raise NewsdacError(f"article {missing[0]}: not in release {args.version}")
    out = args.out or corpus_root() / "agreement"
    paths = write_blanks([records[i] for i in args.ids], out)
    print(f"wrote {len(paths)} raw text(s) and annotation skeletons to {out}")
    return 0


def _agreement_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", default="latest", help="release version (default: latest)")
    parser.add_argument("--folder", type=Path, help="second annotations "
                        "(default: corpus/agreement)")
    parser.add_argument("--bootstrap", type=int, default=1000, help="resamples (default 1000)")
    parser.add_argument("--write", action="store_true",
                        help="replace the version's generated block of corpus/AGREEMENT.md "
                        "(and, for the latest release, the annotator-agreement board entry)")
    parser.add_argument("--disagreements", action="store_true",
                        help="list every certainty and attribution disagreement instead")


@command("corpus agreement", "score the second annotations against the released ones",
         _agreement_args)
def _corpus_agreement(args: argparse.Namespace) -> int:
    from newsdac.corpus.agreement import replace_block, study_block
    from newsdac.corpus.reannotation import read_reannotations
    from newsdac.io import write_text_atomic
    from newsdac.paths import corpus_root
    version, records = _release_records(args.version)
    second = read_reannotations(args.folder or corpus_root() / "agreement", records)
    if args.disagreements:
        from newsdac.corpus.agreement import disagreements
        print("\n".join(disagreements([records[r["id"]] for r in second], second)))
        return 0
    block = study_block([records[r["id"]] for r in second], second, version, args.bootstrap)
    if not args.write:
        print(block)
        return 0
    target = corpus_root() / "AGREEMENT.md"
    if not target.exists():
        raise NewsdacError(f"{target} does not exist")
    write_text_atomic(target, replace_block(target.read_text(encoding="utf-8"), block,
                                            version, target))
    print(f"wrote {target}")
    from newsdac.loaders import versions
    if version == versions()[-1]:
        print(f"wrote {_write_agreement_entry(second, version, records)}")
    return 0


def _write_agreement_entry(second: list[dict], version: str, records: dict[str, dict]) -> Path:
    """The leaderboard's annotator-agreement reference entry, for the latest release only."""
    from newsdac.corpus.agreement import AGREEMENT_ENTRY, agreement_entry
    from newsdac.io import jsonl_text, write_text_atomic
    from newsdac.leaderboard.submissions import ROOT, write_metadata_file
    metadata, lines = agreement_entry(second, version,
                                      {i: r["split"] for i, r in records.items()})
    folder = ROOT / AGREEMENT_ENTRY
    folder.mkdir(parents=True, exist_ok=True)
    write_text_atomic(folder / "predictions.jsonl", jsonl_text(lines))
    write_metadata_file(folder, metadata)
    return folder


def _score_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", default="latest:test",
                        help="VERSION[:SPLIT] of the gold release (default latest:test)")
    parser.add_argument("--pred", required=True, type=Path, help="predictions JSONL file")
    _scoring_options(parser)
    parser.add_argument("--by", action="append", default=[], metavar="FIELD",
                        help="breakdown: topic, register, label, source_type or certainty")
    parser.add_argument("--plot", type=Path, metavar="DIR", help="write PNG plots to DIR")


def _scoring_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--task", action="append", help="task to score (default: every task "
                        "whose layer the predictions carry); repeatable")
    parser.add_argument("--bootstrap", type=int, default=1000,
                        help="bootstrap resamples for intervals (default 1000, 0 = none)")
    parser.add_argument("--seed", type=int, default=12345, help="resampling seed")
    parser.add_argument("--json", action="store_true", help="print JSON")


@command("score", "score a predictions file with the official scorer", _score_args)
def _score(args: argparse.Namespace) -> int:
    import json

    from newsdac.leaderboard import report, scorer
    result = scorer.score(args.gold, args.pred, args.task, args.bootstrap, args.seed, args.by)
    for warning in result.warnings:
        print(f"newsdac: warning: {warning}", file=sys.stderr)
    print(json.dumps(result.to_json(), indent=2) if args.json else report.render(result))
    if args.plot:
        for path in report.write_plots(result, args.plot):
            print(f"wrote {path}", file=sys.stderr)
    return 0


def _compare_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", type=Path, help="predictions of system A")
    parser.add_argument("b", type=Path, help="predictions of system B")
    parser.add_argument("--gold", default="latest:test", help="VERSION[:SPLIT]")
    parser.add_argument("--trials", type=int, default=1000,
                        help="approximate randomization trials (default 1000)")
    _scoring_options(parser)


@command("compare", "paired significance tests of two systems per headline metric",
         _compare_args)
def _compare(args: argparse.Namespace) -> int:
    import json

    from newsdac.leaderboard import report, scorer
    result = scorer.compare(args.gold, args.a, args.b, args.task, args.bootstrap, args.trials,
                            args.seed)
    print(json.dumps(result, indent=2) if args.json else report.render_comparison(result))
    return 0


def _baselines_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--task", help="only this task's systems")
    parser.add_argument("--system", help="only this system")
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"),
                        help="split to predict and score (default test)")
    parser.add_argument("--version", default="latest", help="corpus version (default latest)")
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples")


@command("baselines run", "train, predict and score baselines; print the results table",
         _baselines_args)
def _baselines_run(args: argparse.Namespace) -> int:
    from newsdac.baselines import runner
    runs = runner.run(args.task, args.system, args.split, args.version, args.bootstrap)
    for r in runs:
        print(f"wrote {r.path}", file=sys.stderr)
    print(runner.results_table(runs))
    return 0


def _predict_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, help="UTF-8 text files, one article each")
    parser.add_argument("--json", action="store_true", help="print one JSON record per file")
    parser.add_argument("--version", default="latest", help="corpus version to train on")


@command("predict", "run the best baseline of each task on raw article text", _predict_args)
def _predict(args: argparse.Namespace) -> int:
    import json

    from newsdac.baselines.predict import best_systems, predict_texts, read_raw, render
    texts = {path.stem: read_raw(path) for path in args.files}
    systems = best_systems(args.version)
    print("using " + ", ".join(f"{task}: {name}" for task, (name, _) in systems.items()),
          file=sys.stderr)
    for record in predict_texts(texts, systems):
        print(json.dumps(record, ensure_ascii=False) if args.json else render(record) + "\n")
    return 0


def _check_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path,
                        help="entry folders (default: every entry in leaderboard/submissions)")


@command("leaderboard check", "validate leaderboard entries: slug, metadata, predictions",
         _check_args)
def _leaderboard_check(args: argparse.Namespace) -> int:
    from newsdac.leaderboard.submissions import ROOT, check_entry, entries
    checked = [check_entry(p, ROOT) for p in args.paths] if args.paths else entries(ROOT)
    for entry in checked:
        print(f"ok: {entry.slug} ({', '.join(entry.predictions)})")
    return 0


def _add_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("predictions", type=Path, help="predictions JSONL for the test split")
    parser.add_argument("--name", required=True, help="system name shown on the board")
    parser.add_argument("--meta", type=Path, help="JSON file with the other metadata fields")
    parser.add_argument("--slug", help="entry folder name (default: from --name)")


@command("leaderboard add", "create a checked leaderboard entry from a predictions file",
         _add_args)
def _leaderboard_add(args: argparse.Namespace) -> int:
    import json
    import re
    from datetime import date

    from newsdac.leaderboard.submissions import add_entry, tasks_in
    from newsdac.loaders import versions
    metadata = {}
    if args.meta:
        try:
            metadata = json.loads(args.meta.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise NewsdacError(f"{args.meta}: not readable JSON: {exc}") from None
        if not isinstance(metadata, dict):
            raise NewsdacError(f"{args.meta}: must hold a JSON object")
    metadata = {"date": date.today().isoformat(), "corpus_version": versions()[-1],
                "tasks": tasks_in(args.predictions), **metadata, "system": args.name}
    slug = args.slug or re.sub(r"[^a-z0-9]+", "-", args.name.lower()).strip("-")[:63]
    entry = add_entry(args.predictions, metadata, slug)
    print(f"added {entry.folder}; run `newsdac leaderboard build` and commit both")
    return 0


@command("leaderboard build", "re-score every entry and regenerate the board and site",
         _no_args)
def _leaderboard_build(args: argparse.Namespace) -> int:
    from newsdac.leaderboard.board import board_files, build_board, write_board
    for path in write_board(board_files(build_board())):
        print(f"wrote {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsdac", description=__doc__)
    parser.add_argument("--version", action="version", version=f"newsdac {__version__}")
    top = parser.add_subparsers(dest="command", required=True)
    groups: dict[str, argparse._SubParsersAction] = {}
    for name, (help_text, configure, handler) in COMMANDS.items():
        words = name.split()
        if len(words) == 2:
            if words[0] not in groups:
                group = top.add_parser(words[0], help=f"{words[0]} commands")
                groups[words[0]] = group.add_subparsers(dest="subcommand", required=True)
            sub = groups[words[0]].add_parser(words[1], help=help_text, description=help_text)
        else:
            sub = top.add_parser(name, help=help_text, description=help_text)
        configure(sub)
        sub.set_defaults(handler=handler)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; user errors print one line to stderr and return exit code 2."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except NewsdacError as exc:
        print(f"newsdac: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
