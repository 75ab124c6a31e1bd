"""A small wire corpus in several outlets' styles, for the analysis commands (network, trends, search, sources)."""
from __future__ import annotations

import json
from pathlib import Path

ARTICLES = {
    # TASS: dateline with agency, no year: the weekday and the year the text names date it (2020-11-10 was a Tuesday)
    "a_tass.txt": "MOSCOW, November 10. /TASS/. Russian President Vladimir Putin and Azerbaijani President Ilham "
                  "Aliyev signed a joint statement on Tuesday night to end the fighting that began on September 27, "
                  "2020, the Kremlin press service said.\n\n"
                  "Armenian Prime Minister Nikol Pashinyan also signed the document. Putin said the ceasefire "
                  "would hold.\n",
    # AP: header date, "CITY (AP) —" dateline
    "b_ap.txt": " date 2020-10-02\nWASHINGTON (AP) \u2014 Secretary of State Mike Pompeo urged Armenia and Azerbaijan "
                "to stop the fighting on Friday.\n\nHe spoke with Nikol Pashinyan by phone. The ceasefire talks, "
                "he said, would resume in Geneva.\n",
    # a feature without date or dateline
    "c_undated.txt": "Pashinyan Visits the Front\n\nNikol Pashinyan met soldiers near Stepanakert. Vladimir Putin was "
                     "not mentioned by anyone there, but the ceasefire was.\n",
    # Reuters: header date, "CITY (Reuters) -", a year range
    "d_reuters.txt": " date 2020-10-05\nYEREVAN (Reuters) - Armenian Prime Minister Nikol Pashinyan told Reuters that "
                     "Ilham Aliyev had rejected the ceasefire. The two countries fought a war in 1992-1994.\n",
}
RECORDS = [  # an export with source and url fields
    {"id": "rfe-1", "source": "RFE/RL", "url": "https://example.org/news/1", "date": "2020-11-12",
     "text": "Ilham Aliyev told reporters in Baku that Vladimir Putin had kept his word. "
             "Russian peacekeepers arrived in Stepanakert."},
]


def write(dest: Path) -> Path:
    for name, text in ARTICLES.items():
        (dest / name).write_text(text, encoding="utf-8")
    (dest / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return dest


def texts(dest: Path) -> dict[str, str]:
    """doc_id -> the text kcli reads, to slice offsets back."""
    out = {Path(name).stem: (dest / name).read_text(encoding="utf-8") for name in ARTICLES}
    out.update({r["id"]: r["text"] for r in RECORDS})
    return out
