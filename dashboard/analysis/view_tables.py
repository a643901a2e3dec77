"""Small result tables as column arrays, and a table's rows found per cost centre once.

The page reads a view's tables column by column; a pandas frame charges tens of microseconds a
column read, filter or copy, which on a filter click added up to more than the figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True, eq=False)
class ViewTable:
    """A small result table as column arrays.

    The page reads a view's tables column by column; a pandas frame charges tens of microseconds
    a column read, filter or copy, which on a filter click added up to more than the figures.
    `frame()` gives the same table as a pandas frame, for exports and tests.
    """

    columns: Mapping[str, np.ndarray]
    dtypes: Mapping[str, object]

    @classmethod
    def of(cls, frame: pd.DataFrame) -> ViewTable:
        return cls({c: frame[c].to_numpy() for c in frame.columns}, dict(frame.dtypes.items()))

    @classmethod
    def from_arrays(cls, columns: Mapping[str, np.ndarray]) -> ViewTable:
        """Text (object arrays) as pandas' `str`, as pandas infers it."""
        return cls(columns, {c: "str" if v.dtype == object else v.dtype for c, v in columns.items()})

    def take(self, rows: np.ndarray | slice) -> ViewTable:
        return ViewTable({c: v[rows] for c, v in self.columns.items()}, self.dtypes)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame({c: pd.array(v, dtype=self.dtypes[c]) for c, v in self.columns.items()})


class AreaRows:
    """A table's rows per cost centre, found once: a selection's rows are then taken by position."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.table = ViewTable.of(frame)
        codes, areas = pd.factorize(frame["service_area"])
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(len(areas) + 1))
        self.positions = {area: order[bounds[i] : bounds[i + 1]] for i, area in enumerate(areas)}

    def of(self, areas: Iterable[str]) -> ViewTable:
        """The rows of `areas`, in the table's order."""
        found = [self.positions[a] for a in dict.fromkeys(areas) if a in self.positions]
        rows = np.sort(np.concatenate(found)) if found else np.array([], dtype=np.intp)
        if len(rows) and rows[-1] - rows[0] == len(rows) - 1:  # consecutive: a slice, no copy
            return self.table.take(slice(rows[0], rows[-1] + 1))
        return self.table.take(rows)
