"""The manifest: `manifest.json` lists each data file of a folder with its size and SHA-256.

A reader compares the bytes it parsed with the manifest and refuses a folder that does not match
(`ManifestMismatch`): the folder is being replaced, or a file was edited by hand and needs
`python -m dashboard seal`. The manifest is written last, by an atomic rename.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dashboard.store.files import DEFAULT_DATA_DIR, write_atomically
from dashboard.store.schemas import OPTIONAL_FILES, SCHEMAS
from dashboard.store.validation import DataError

MANIFEST = "manifest.json"
SEAL_COMMAND = "python -m dashboard seal"
# Every file ingest writes into a data folder, the manifest last.
DATASET_FILES = (*SCHEMAS, MANIFEST)
MANIFEST_ABOUT = (
    "The files of this dataset, each with its size in bytes and SHA-256. Written last by "
    "`python -m dashboard ingest` or `python -m dashboard seal`; the dashboard refuses the folder "
    "while a file does not match (data/README.md)."
)


class ManifestMismatch(DataError):
    """The folder's files are not the ones its manifest lists: being replaced, or edited by hand."""


@dataclass(frozen=True)
class FileStamp:
    """A file's size and SHA-256, as the manifest lists it."""

    size: int
    sha256: str

    @classmethod
    def of(cls, data: bytes) -> FileStamp:
        return cls(len(data), hashlib.sha256(data).hexdigest())


def manifest_text(stamps: Mapping[str, FileStamp]) -> str:
    """The manifest of a dataset's files, in the order of SCHEMAS: deterministic, no timestamps."""
    files = {f: {"bytes": stamps[f].size, "sha256": stamps[f].sha256} for f in SCHEMAS if f in stamps}
    return json.dumps({"about": MANIFEST_ABOUT, "files": files}, indent=2, ensure_ascii=False) + "\n"


def seal_command(directory: Path) -> str:
    """The command that re-seals `directory` after a hand edit."""
    same = Path(directory).resolve() == DEFAULT_DATA_DIR.resolve()
    return f"`{SEAL_COMMAND}`" if same else f"`{SEAL_COMMAND} --data {directory}`"


def _line_of_key(text: str, key: str) -> str:
    at = text.find(json.dumps(key, ensure_ascii=False))
    return f", line {text.count(chr(10), 0, at) + 1}" if at >= 0 else ""


def read_manifest(directory: Path) -> dict[str, FileStamp] | None:
    """The files a folder's manifest lists; None where the folder has no manifest."""
    path = Path(directory) / MANIFEST
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DataError(f"{MANIFEST}: cannot read it: {exc.strerror}") from None
    redo = f"write it anew with {seal_command(directory)} once the data files are right"
    try:
        text = raw.decode("utf-8")
        document = json.loads(text)
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{MANIFEST}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); {redo}"
        ) from None
    except json.JSONDecodeError as exc:
        raise DataError(
            f"{MANIFEST}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg}); {redo}"
        ) from None
    files = document.get("files") if isinstance(document, dict) else None
    if not isinstance(files, dict):
        raise DataError(f'{MANIFEST}, line 1: expected an object whose "files" lists the data files; {redo}')
    stamps = {}
    for name, entry in files.items():
        where = MANIFEST + _line_of_key(text, name)
        if name not in SCHEMAS:
            raise DataError(f"{where}: lists '{name}', which is not a data file ({', '.join(SCHEMAS)}); {redo}")
        size, sha = (entry.get("bytes"), entry.get("sha256")) if isinstance(entry, dict) else (None, None)
        if type(size) is not int or size < 0 or not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise DataError(
                f'{where}: the entry of {name} needs "bytes" (a whole number) and "sha256" (64 hex digits); {redo}'
            )
        stamps[name] = FileStamp(size, sha)
    unlisted = [f for f in SCHEMAS if f not in stamps and f not in OPTIONAL_FILES]
    if unlisted:
        raise DataError(f"{MANIFEST}: does not list {', '.join(unlisted)}; {redo}")
    return stamps


def mismatches(stamps: Mapping[str, FileStamp], manifest: dict[str, FileStamp]) -> list[str]:
    """How the files as read differ from the manifest: one sentence a file."""
    found = []
    for file in SCHEMAS:
        listed, stamp = manifest.get(file), stamps.get(file)
        if listed == stamp:
            continue
        if stamp is None:
            found.append(f"{file} is listed in {MANIFEST} but missing")
        elif listed is None:
            found.append(f"{file} is not listed in {MANIFEST}")
        else:
            found.append(
                f"{file} does not match {MANIFEST} ({stamp.size} bytes, SHA-256 {stamp.sha256[:12]}…; "
                f"the manifest lists {listed.size} bytes, {listed.sha256[:12]}…)"
            )
    return found


def mismatch_message(directory: Path, found: list[str]) -> str:
    """What a reader says of a folder whose files do not match its manifest, and what to do."""
    more = f" (and {len(found) - 1} more file(s))" if len(found) > 1 else ""
    return (
        f"{found[0]}{more}: the folder {directory} is being replaced (the next request tries again), "
        f"or a file was edited by hand; after a hand edit, check and re-seal the folder with {seal_command(directory)}"
    )


def write_manifest(directory: Path, stamps: Mapping[str, FileStamp]) -> None:
    """Write a folder's manifest by an atomic rename: a reader finds the old one or the new one."""
    write_atomically(Path(directory) / MANIFEST, manifest_text(stamps).encode("utf-8"))
