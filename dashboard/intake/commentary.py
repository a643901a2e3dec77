"""The report's prose, as the rows of `commentary.csv` and `service_areas.csv`.

Commentary is numbered by paragraph within its cost centre and topic: the prose above a table of
figures explains that table (topic `finance`), prose in the goals section is about the goals, and
prose that no table claims is the division's general commentary. The descriptions section
(KUVAUS …) describes each service area under a heading that names it in its own words.
"""

from __future__ import annotations

import re

from dashboard.store.names import slugify
from dashboard.store.schemas import FINANCE_TOPIC, GENERAL_TOPIC


class Prose:
    """The paragraphs read so far: commentary by cost centre and topic, descriptions by heading."""

    def __init__(self) -> None:
        self.commentary: list[dict] = []
        self.descriptions: list[dict] = []
        self.pending: list[str] = []  # paragraphs waiting for the table they may introduce

    def add(self, division: str, service_area: str, topic: str, paragraphs: list[str]) -> None:
        start = sum(1 for c in self.commentary if c["service_area"] == service_area and c["topic"] == topic)
        for i, text in enumerate(paragraphs, start=start + 1):
            self.commentary.append(
                {"division": division, "service_area": service_area, "topic": topic, "paragraph": i, "text": text}
            )

    def claim_pending(self, division: str, service_area: str) -> None:
        """The prose above a table of figures is that table's commentary."""
        self.add(division, service_area, FINANCE_TOPIC, self.pending)
        self.pending = []

    def flush_pending(self, division: str) -> None:
        """Prose that no table claimed is kept as the division's general commentary."""
        if self.pending:
            self.add(division, "", GENERAL_TOPIC, self.pending)
            self.pending = []

    def service_area_rows(self, division: str, division_title: str, cost_centres: list[str]) -> list[dict]:
        """Match each description heading ("Tietohallinto- ja digipalvelu -palvelualue") to a cost centre."""
        records = []
        counts: dict[str, int] = {}
        for d in self.descriptions:
            stem = re.sub(r"\s*-?palvelualue$", "", d["heading"]).strip()
            match = next((a for a in cost_centres if slugify(a).startswith(slugify(stem))), None)
            if d["heading"] == division_title:
                match = ""
            area = match if match is not None else stem
            counts[area] = counts.get(area, 0) + 1
            records.append(
                {
                    "division": division,
                    "service_area": area,
                    "heading": d["heading"],
                    "paragraph": counts[area],
                    "text": d["text"],
                }
            )
        return records
