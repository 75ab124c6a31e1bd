"""Word lists the rules read (``data/timex.json``): months, weekdays, numbers, units, seasons, holidays, tense cues."""

from __future__ import annotations

import json
from pathlib import Path

_DATA = json.loads((Path(__file__).resolve().parents[2] / "data" / "timex.json").read_text("utf-8"))
MONTHS: dict[str, int] = _DATA["months"]
WEEKDAYS: dict[str, int] = _DATA["weekdays"]
NUMBERS: dict[str, int] = _DATA["numbers"]
ORDINALS: dict[str, int] = _DATA["ordinals"]
UNITS: dict[str, str] = _DATA["units"]
SEASONS: dict[str, str] = _DATA["seasons"]
DAY_PARTS: dict[str, str] = _DATA["day_parts"]
HOLIDAYS: dict[str, list[int]] = _DATA["holidays"]
FLOATING: dict[str, list[int]] = _DATA["floating_holidays"]
VAGUE: list[str] = _DATA["vague_numbers"]
TENSE_CUES: dict[str, list[str]] = _DATA["tense_cues"]
RECENT_REACH: dict[str, int] = {k: v for k, v in _DATA["recent_reach_days"].items() if not k.startswith("_")}
POSITION_NOUNS: set[str] = set(_DATA["noun_of_date"]["position_nouns"])
TO_BE_PARTICIPLES: set[str] = set(_DATA["to_be_participles"]["words"])

_MIN_YEAR, _MAX_YEAR = 1000, 2199

