"""The library a running app serves: the newest good one in its data folder.

Replacing files in the data folder is picked up without a restart (the data module caches by the
files' signature and reloads when one changes). A replacement that fails validation or
reconciliation, or a folder whose files do not match its manifest (half replaced, or edited by
hand and not sealed), is rejected: it is logged once, `/healthz` reports it, and the last good
dataset keeps serving until the folder holds good data again. The data module caches a refusal
too, so a bad folder is read once per change of its files, not once per request. Each worker process keeps its own holder;
workers need not agree for long, because each reads the same folder on its next request.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from dashboard.store.findings import describe_finding
from dashboard.store.library import Library, load_library
from dashboard.store.validation import DataError

log = logging.getLogger(__name__)


def checked_library(directory: Path) -> Library:
    """`load_library`, refusing data whose printed figures disagree (a material discrepancy)."""
    library = load_library(directory)
    if not library.reconciliation.ok:  # one wrong number makes the dashboard worthless
        material = library.reconciliation.material
        raise DataError(
            f"{directory}: {len(material)} material discrepancies, the first: "
            + describe_finding(material.iloc[0])
            + "; run `python -m dashboard check` for all"
        )
    return library


@dataclass(frozen=True)
class Rejection:
    error: str
    since: dt.datetime


class LastGoodData:
    """One data folder's newest library that passed every check, and why a newer one was refused."""

    def __init__(self, directory: Path, library: Library) -> None:
        self.directory = directory
        self._good = library
        self._rejection: Rejection | None = None
        self._lock = threading.Lock()

    @property
    def rejection(self) -> Rejection | None:
        return self._rejection

    def get(self) -> Library:
        try:
            library = checked_library(self.directory)
        except DataError as exc:
            with self._lock:
                if self._rejection is None or self._rejection.error != str(exc):
                    log.error("rejected the data in %s, serving the last good data: %s", self.directory, exc)
                    self._rejection = Rejection(str(exc), dt.datetime.now(dt.UTC))
                return self._good
        with self._lock:
            if library is not self._good:
                log.info("loaded new data from %s (%d reports)", self.directory, len(library.reports))
                self._good = library
            if self._rejection is not None:
                log.info("the data in %s is good again", self.directory)
                self._rejection = None
        return library


_holders: dict[Path, LastGoodData] = {}
_holders_lock = threading.Lock()


def holder(directory: Path | str) -> LastGoodData:
    """The holder of a data folder, created (and the folder loaded and checked) on first use;
    raises `DataError` if the folder has never held good data in this process."""
    directory = Path(directory).resolve()
    with _holders_lock:
        found = _holders.get(directory)
    if found is not None:
        return found
    created = LastGoodData(directory, checked_library(directory))
    with _holders_lock:
        return _holders.setdefault(directory, created)
