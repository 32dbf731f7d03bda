"""`make eval`: how well legday reads the labelled calendar corpus.

Prints entries per language, accuracy, per-class precision and recall, a confusion matrix
(rows truth, columns predicted), blocking misses (race/hard/long read as anything that
lets strength in), false races and race-priority accuracy; `--misses` lists every misread
row. A malformed corpus row is one line naming file and line, exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from calendar_corpus import (
    BLOCKING,
    CLASSES,
    MISSING,
    CorpusError,
    Reading,
    Score,
    corpus_files,
    evaluate,
    load,
)

from legday.errors import LegdayError


def _share(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def report(score: Score, *, misses: bool) -> str:
    """The figures as text, in the order a reader checks them."""
    lines = [
        "entries per language: "
        + ", ".join(f"{lang} {n}" for lang, n in sorted(score.per_lang.items())),
        f"entries: {len(score.readings)}   accuracy: {100 * score.accuracy:.1f}%",
        "",
        f"{'class':<10}{'precision':>10}{'recall':>9}{'rows':>6}",
    ]
    for kind in CLASSES:
        there = sum(n for (t, _), n in score.confusion.items() if t == kind)
        lines.append(
            f"{kind:<10}{_share(score.precision(kind)):>10}{_share(score.recall(kind)):>9}"
            f"{there:>6}"
        )
    columns = list(CLASSES)
    if any(p == MISSING for _, p in score.confusion):
        columns.append(MISSING)
    lines += ["", "confusion (rows truth, columns predicted)"]
    lines.append(f"{'':<10}" + "".join(f"{c[:8]:>9}" for c in columns))
    for truth in CLASSES:
        cells = "".join(f"{score.confusion[(truth, c)]:>9}" for c in columns)
        lines.append(f"{truth:<10}{cells}")
    right, asked = score.priority_accuracy()
    lines += [
        "",
        f"blocking misses: {len(score.blocking_misses)}",
        f"false races: {len(score.false_races)}",
        f"race priority right: {right}/{asked}"
        + (f" ({100 * right / asked:.1f}%)" if asked else ""),
    ]
    if misses:
        lines += ["", "misread rows (calendar | title | truth -> predicted | reason)"]
        lines += [_miss(r) for r in score.misses]
    return "\n".join(lines)


def _miss(r: Reading) -> str:
    """One misread row; "!" marks a blocking miss or a false race."""
    grave = (r.row.truth in BLOCKING and r.predicted not in BLOCKING) or (
        r.predicted == "race" and r.row.truth != "race"
    )
    flag = "!" if grave else " "
    return (
        f"{flag} {r.row.file}:{r.row.line} {r.row.calendar} | {r.row.title} | "
        f"{r.row.truth} -> {r.predicted} | {r.reason}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--misses", action="store_true", help="list every misread row")
    parser.add_argument("files", nargs="*", type=Path, help="corpus CSVs (default: all)")
    args = parser.parse_args(argv)
    try:
        rows = load(args.files or corpus_files())
        if not rows:
            raise CorpusError("no corpus rows found")
        score = evaluate(rows)
    except (CorpusError, LegdayError) as error:
        print(f"classify_eval: {error}", file=sys.stderr)
        return 2
    print(report(score, misses=args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
