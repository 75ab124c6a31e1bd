"""Hot-path rewrites answer exactly what the plain code they replaced answered."""
import re

from karabakh_cli.extract.actors import _occurrences

TEXTS = [
    "Lebed said. LEBED TO RUN. Alexander Lebed-style politics; Lebedev, Lebed's aide, and Lebed_2 met Lebed.",
    "U.S. officials met the U.S.S.R. envoy in Geneva.  Geneva-based staff, GENEVA and Genevan cheese.",
    "Mr. Pashinyan (Pashinyan) told Pashinyan-Aliyev talks: 'Aliyev, Aliyev.' Aliyevs. .Aliyev -Aliyev",
    "Kent 108-3: Kent, Kent County and KENT beat Kentucky; New York, New York Times, York.",
]
NAMES = [["Alexander Lebed", "Lebedev", "LEBED", "Lebed"], ["U.S.S.R.", "Geneva", "GENEVA", "U.S."],
         ["Pashinyan", "Aliyev", "ALIYEV"], ["New York Times", "New York", "Kentucky", "York", "KENT", "Kent"]]


def test_names_found_again_as_the_alternation_regex_finds_them():
    for text in TEXTS:
        for names in NAMES:
            names = sorted(names, key=len, reverse=True)
            regex = r"(?<![\w.-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])"
            want = [m.span() for m in re.finditer(regex, text)]
            assert list(_occurrences(text, names)) == want
    assert list(_occurrences(TEXTS[0], ["Lebed"])) == [(0, 5), (67, 72), (97, 102)]  # "Lebed's" too
