"""The communications figures the report states in its goals' realisation text, as `social_media.csv` rows.

Followers, their change, posts a month, press releases and their throughput, each channel's as
the report words them ("Facebook … seuraajia 4583 (30.9.2024)"), each with its date or period.
"""

from __future__ import annotations

import re

import pandas as pd

from dashboard.intake.numbers import parse_decimal
from dashboard.intake.report_text import DATE, ReportFormatError, iso_date
from dashboard.store.schemas import SOCIAL_CHANNELS, column_names

_COLUMNS = [name for name in column_names("social_media.csv") if name != "report"]  # frames() adds it
# How the report names each channel: as a word, but X in its genitive (a lone "X" is any letter).
CHANNEL_PATTERNS = {channel: rf"\b{re.escape(channel)}" for channel in SOCIAL_CHANNELS} | {"X": r"\bX:n\b"}


def extract_social_media(goals: list[dict], source: str) -> pd.DataFrame:
    """Every communications figure the report states, with its date or period as stated.

    Where the report gives only a change since "the previous review period", the earlier level is
    derived (value minus change) and labelled with the report's own words; no date is invented.
    """
    facts: dict[tuple, dict] = {}

    def add(
        channel: str, metric: str, value: float, date: str, label: str, derived: bool = False, note: str = ""
    ) -> None:
        key = (channel, metric, date, label, derived)
        row = dict(zip(_COLUMNS, (channel, metric, value, date, label, derived, note), strict=False))
        if key in facts and facts[key]["value"] != value:
            raise ReportFormatError(
                source,
                None,
                f"the report gives two values for {channel} {metric} at {label}: {facts[key]['value']} and {value}",
            )
        facts.setdefault(key, row)

    paragraphs = [p for g in goals for p in g["realisation"].split("\n")]
    for text in paragraphs:
        channel = next((name for name, pattern in CHANNEL_PATTERNS.items() if re.search(pattern, text)), None)
        if channel is None:
            continue
        rest = text
        if m := re.search(rf"kasvanut (\d+) seuraajalla (\w+kuusta) (\d{{4}}) \({DATE}\)", rest):
            add(
                channel,
                "follower_change",
                int(m[1]),
                iso_date(m[4], m[5], m[6]),
                f"{m[2]} {m[3]} – {m[4]}.{m[5]}.{m[6]}",
            )
            rest = rest.replace(m[0], "")
        if m := re.search(rf"(\d+) (?:seuraajaan |seuraajaa )?\({DATE}\)", rest):
            level, date, label = int(m[1]), iso_date(m[2], m[3], m[4]), f"{m[2]}.{m[3]}.{m[4]}"
            note = "raportissa 'kävijämäärä'" if re.search(r"[Kk]ävijämäärä", rest) else ""
            add(channel, "followers", level, date, label, note=note)
            if c := re.search(r"(\d+) seuraajaa (enemmän|vähemmän) kuin edellisellä tarkastelujaksolla", rest):
                change = int(c[1]) * (1 if c[2] == "enemmän" else -1)
                add(channel, "follower_change", change, date, f"edellinen tarkastelujakso – {label}")
                add(
                    channel,
                    "followers",
                    level - change,
                    "",
                    "edellinen tarkastelujakso",
                    derived=True,
                    note=f"johdettu: {level} − ({change:+d})",
                )
        if m := re.search(rf"(?:(noin|keskimäärin) )?(\d+) (?:julkaisua|kpl)/kk(?: \({DATE}\))?", rest):
            date, label = (iso_date(m[3], m[4], m[5]), f"{m[3]}.{m[4]}.{m[5]}") if m[3] else ("", "")
            add(channel, "posts_per_month", int(m[2]), date, label, note=m[1] or "")
        if m := re.search(r"käytössä (\d{2})-(\d{2})/(\d{4}) ja tiedotteita jaettu palvelun kautta (\d+) kpl", rest):
            add(channel, "releases", int(m[4]), "", f"{m[1]}-{m[2]}/{m[3]}")
        if m := re.search(r"läpimenoprosentti on (?:(keskimäärin) )?(\d+(?:,\d+)?) %", rest):
            value = parse_decimal(m[2])
            add(
                channel,
                "release_throughput_pct",
                int(value) if value == int(value) else float(value),
                "",
                "",
                note=m[1] or "",
            )
    frame = pd.DataFrame(list(facts.values()), columns=_COLUMNS)
    return frame.sort_values(
        ["channel", "metric", "derived", "date"], ascending=[True, True, False, True], kind="stable"
    ).reset_index(drop=True)
