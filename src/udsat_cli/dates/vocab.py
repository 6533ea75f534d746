"""Danish words for days, months, numbers and holidays."""

from __future__ import annotations

from datetime import date, timedelta

MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

NUMBERS = {
    "en": 1,
    "et": 1,
    "én": 1,
    "ét": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "syv": 7,
    "otte": 8,
    "ni": 9,
    "ti": 10,
    "elleve": 11,
    "tolv": 12,
    "fjorten": 14,
    "femten": 15,
    "tyve": 20,
    "tredive": 30,
}

MONTH_WORD = r"(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zæøå]*\.?"
WEEKDAY_WORD = r"(?:man|tirs|ons|tors|fre|lør|søn)(?:dag)?\.?"


def month_number(word: str) -> int | None:
    """ "april", "apr", "apr." -> 4; a word that merely starts like a month ("marked") -> None."""
    word = word.rstrip(".")
    for number, name in enumerate(MONTHS, start=1):
        if len(word) >= 3 and name.startswith(word):
            return number
    if word == "sept":
        return 9
    return None


def weekday_number(word: str) -> int | None:
    word = word.rstrip(".")
    for number, name in enumerate(WEEKDAYS):
        if len(word) >= 3 and name.startswith(word):
            return number
    return None


def number(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _easter(year: int) -> date:
    from dateutil.easter import easter

    return easter(year)


def holiday(name: str, year: int) -> date | None:
    """The date of a named Danish holiday in ``year``."""
    fixed = {
        "jul": (12, 24),
        "juleaften": (12, 24),
        "juledag": (12, 25),
        "1. juledag": (12, 25),
        "2. juledag": (12, 26),
        "nytår": (12, 31),
        "nytårsaften": (12, 31),
        "nytårsdag": (1, 1),
        "grundlovsdag": (6, 5),
        "sankthans": (6, 23),
        "sankt hans": (6, 23),
        "mortensaften": (11, 10),
        "fastelavn": None,
    }
    if (month_day := fixed.get(name)) is not None:
        month, day = month_day
        return date(year, month, day)
    easter_offsets = {
        "fastelavn": -49,
        "palmesøndag": -7,
        "påske": -3,
        "skærtorsdag": -3,
        "langfredag": -2,
        "påskedag": 0,
        "påskesøndag": 0,
        "2. påskedag": 1,
        "anden påskedag": 1,
        "store bededag": 26,
        "bededag": 26,
        "kristi himmelfartsdag": 39,
        "kristi himmelfart": 39,
        "kr. himmelfartsdag": 39,
        "himmelfart": 39,
        "pinse": 49,
        "pinsedag": 49,
        "2. pinsedag": 50,
        "anden pinsedag": 50,
    }
    if name in easter_offsets:
        return _easter(year) + timedelta(days=easter_offsets[name])
    return None


HOLIDAY_WORDS = (
    r"(?:jul|juleaften|1\. juledag|juledag|2\. juledag|nytårsaften|nytårsdag|nytår|grundlovsdag"
    r"|sankt ?hans|mortensaften|fastelavn|palmesøndag|påskedag|påskesøndag|påske|skærtorsdag"
    r"|langfredag|2\. påskedag|anden påskedag|store bededag|bededag|kristi himmelfartsdag"
    r"|kristi himmelfart|kr\. himmelfartsdag|himmelfart|pinsedag|pinse|2\. pinsedag"
    r"|anden pinsedag)"
)


def public_holidays(year: int) -> dict[date, str]:
    """The days a Danish municipality is closed: the public holidays (store bededag until 2023,
    when it was abolished), grundlovsdag, juleaftensdag and nytårsaftensdag."""
    easter = _easter(year)
    found = {
        date(year, 1, 1): "nytårsdag",
        easter - timedelta(days=3): "skærtorsdag",
        easter - timedelta(days=2): "langfredag",
        easter: "påskedag",
        easter + timedelta(days=1): "2. påskedag",
        easter + timedelta(days=39): "Kristi himmelfartsdag",
        easter + timedelta(days=49): "pinsedag",
        easter + timedelta(days=50): "2. pinsedag",
        date(year, 6, 5): "grundlovsdag",
        date(year, 12, 24): "juleaftensdag",
        date(year, 12, 25): "1. juledag",
        date(year, 12, 26): "2. juledag",
        date(year, 12, 31): "nytårsaftensdag",
    }
    if year <= 2023:
        found[easter + timedelta(days=26)] = "store bededag"
    return found


def day_off(day: date) -> str | None:
    """Why nobody meets on ``day`` (»en lørdag«, »2. pinsedag«), or None on a working day."""
    if day.weekday() >= 5:
        return f"en {WEEKDAYS[day.weekday()]}"
    return public_holidays(day.year).get(day)
