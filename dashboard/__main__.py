"""Command line: `python -m dashboard ingest REPORT... --out DIR`, `add REPORT... [--data DIR] [--replace]`,
`check [--data DIR]`, `seal [--data DIR]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.intake.ingest import add, check, ingest, seal
from dashboard.store.files import DEFAULT_DATA_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    p_ingest = commands.add_parser(
        "ingest", help="parse reports into a library of tidy data files (replacing the folder's)"
    )
    p_ingest.add_argument("reports", type=Path, nargs="+", help="reports as text extracted from their PDFs (UTF-8)")
    p_ingest.add_argument("--out", type=Path, required=True, help="folder to write the data files to")
    p_add = commands.add_parser("add", help="add reports to a folder's library (a report held already is skipped)")
    p_add.add_argument("reports", type=Path, nargs="+", help="reports as text extracted from their PDFs (UTF-8)")
    p_add.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data folder (default: the bundled data/)")
    p_add.add_argument(
        "--replace", action="store_true", help="replace a held report of the same division and date with other figures"
    )
    p_check = commands.add_parser("check", help="validate and reconcile a data folder")
    p_check.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data folder (default: the bundled data/)")
    p_seal = commands.add_parser(
        "seal", help="after a hand edit (rows appended to social_media.csv): check the folder, then write its manifest"
    )
    p_seal.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data folder (default: the bundled data/)")
    args = parser.parse_args(argv)  # usage errors exit 2
    if args.command == "ingest":
        return ingest(args.reports, args.out)
    if args.command == "add":
        return add(args.reports, args.data, replace=args.replace)
    if args.command == "seal":
        return seal(args.data)
    return check(args.data)


if __name__ == "__main__":
    sys.exit(main())
