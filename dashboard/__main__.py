"""Command line: `python -m dashboard ingest REPORT.txt --out DIR`, `check [--data DIR]`, `seal [--data DIR]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.intake.ingest import check, ingest, seal
from dashboard.store.files import DEFAULT_DATA_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    p_ingest = commands.add_parser("ingest", help="parse a report's text into the tidy data files")
    p_ingest.add_argument("report", type=Path, help="the report as text extracted from its PDF (UTF-8)")
    p_ingest.add_argument("--out", type=Path, required=True, help="folder to write the data files to")
    p_check = commands.add_parser("check", help="validate and reconcile a data folder")
    p_check.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data folder (default: the bundled data/)")
    p_seal = commands.add_parser(
        "seal", help="after a hand edit (rows appended to social_media.csv): check the folder, then write its manifest"
    )
    p_seal.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data folder (default: the bundled data/)")
    args = parser.parse_args(argv)  # usage errors exit 2
    if args.command == "ingest":
        return ingest(args.report, args.out)
    if args.command == "seal":
        return seal(args.data)
    return check(args.data)


if __name__ == "__main__":
    sys.exit(main())
