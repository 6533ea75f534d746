"""The Albertslund meeting of 1 April 2019 from ../shared/referater, entered as a secretary would
with udsat's commands. Only loaded where the shared minutes are beside the clone."""

from __future__ import annotations

import json
import re

from tests.conftest import REFERATER, ok

NAME = "albertslund-udsatteraad-2019-04-01"
GOLD = json.loads((REFERATER / f"{NAME}.json").read_text(encoding="utf-8"))
TEXT = (REFERATER / f"{NAME}.txt").read_text(encoding="utf-8")
HELD = "1/4-2019"


def _sections() -> dict[str, dict[str, str]]:
    """Each item's text in the minutes, split into Sagsfremstilling and Beslutning/Orientering."""
    titles = [item["title"] for item in GOLD["items"]]
    starts = sorted((TEXT.rindex(f"\n{t}"), t) for t in titles)
    found = {}
    for (start, title), (end, _) in zip(starts, [*starts[1:], (len(TEXT), "")], strict=True):
        body = TEXT[start + len(title) + 1 : end]
        parts = re.split(r"\n(Sagsfremstilling|Beslutning|Orientering):\n", body)
        found[title] = {
            label: " ".join(text.split())
            for label, text in zip(parts[1::2], parts[2::2], strict=True)
        }
        found[title]["all"] = body
    return found


SECTIONS = _sections()


def build() -> None:
    meeting = GOLD["meeting"]
    ok("init", "--council", "Udsatterådet Albertslund")
    for name in meeting["participants"] + meeting["absent"]:
        ok("member", "add", name, *(["--short", "Helge Bo"] if name == "Helge Bo Jensen" else []))
    ok("member", "add", "Kirsten Holm", "--from", "1. januar 2018")
    ok("member", "leave", "Kirsten", "--date", "31. marts 2019")
    for guest in meeting["guests"]:
        ok("member", "add", guest, "--role", "gæst")
    ok("member", "add", meeting["referent"], "--role", "sekretær")
    ok("meeting", "add", "1. april 2019 kl. 16.00 – 18.00", "--place", meeting["place"])
    ok(
        "attendance",
        HELD,
        *[a for n in meeting["absent"] for a in ("--absent", n)],
        *[a for n in meeting["guests"] for a in ("--guest", n)],
        "--referent",
        "Carina",
    )
    for item in GOLD["items"]:
        texts = SECTIONS[item["title"]]
        args = ["item", "add", HELD, item["title"]]
        if "Sagsfremstilling" in texts:
            args += ["--background", texts["Sagsfremstilling"]]
        if "Orientering" in texts:
            args += ["--kind", "orientering", "--decision", texts["Orientering"]]
        elif "Beslutning" in texts:
            args += ["--decision", texts["Beslutning"]]
        ok(*args)
    for action in GOLD["actions"]:
        item = next(t for t, s in SECTIONS.items() if action["source_sentence"][:40] in s["all"])
        owners = [a for o in action["owners"] for a in ("--owner", o)]
        ok("--today", "2019-04-01", "add-action", action["what"], *owners, "--item", item)
