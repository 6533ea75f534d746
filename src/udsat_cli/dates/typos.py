"""Near misses: text that is a date or a meeting written slightly wrong (»15. marst«, »næste
mode«, »mødet i junni«, »igår«), told apart from words that name no day (»snarest«, »til næste
SUS«, »inden næste byrådsmøde«).

A word is a near miss of a date word (a month, a weekday, a holiday, a season, a meeting word, a
relative-day word) when one edit (two for long month, weekday, holiday and season names) turns it
into that word, and it is not a compound or an inflection of it (»byrådsmøde«, »næsten«). The
phrase is a misread date when correcting its near misses gives a phrase the grammar reads: that
reading is the guess offered in the refusal. A day number followed by a word close to the start
of a month (»3. sebt«) is a date whether or not a correction reads. Past days (»i går«) name a day
that is no deadline; they are offered as the date they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice, product

from udsat_cli.dates.grammar import (
    SEASON_ALIASES,
    NoReading,
    Reading,
    Season,
    TwoDays,
    default_seasons,
    read,
)
from udsat_cli.dates.vocab import (
    MONTH_WORD,
    MONTHS,
    NUMBERS,
    WEEKDAY_WORD,
    WEEKDAYS,
    month_number,
    weekday_number,
)
from udsat_cli.errors import InputError

HOLIDAYS = (
    "jul",
    "juleaften",
    "juledag",
    "nytår",
    "nytårsaften",
    "nytårsdag",
    "grundlovsdag",
    "sankthans",
    "mortensaften",
    "fastelavn",
    "palmesøndag",
    "påske",
    "påskedag",
    "påskesøndag",
    "skærtorsdag",
    "langfredag",
    "bededag",
    "himmelfart",
    "himmelfartsdag",
    "pinse",
    "pinsedag",
)
MEETING_WORDS = ("møde", "mødet", "møder", "rådsmøde", "rådsmødet")
RELATIVE_WORDS = (
    "næste",
    "kommende",
    "idag",
    "imorgen",
    "morgen",
    "overmorgen",
    "ugen",
    "udgangen",
    "slutningen",
    "starten",
    "begyndelsen",
    "midten",
    "primo",
    "medio",
    "ultimo",
    "årsskiftet",
)
# Units counted from today (»om to uger«): near misses only right after a number.
UNITS = ("dag", "dage", "uge", "uger", "måned", "måneder", "møder")
# Days that have passed: no deadline, but a day all the same (days back from today).
PAST = {"igår": 1, "iforgårs": 2}
ASCII = (("aa", "å"), ("oe", "ø"), ("ae", "æ"))
ENDINGS = "enrst"  # one letter that inflects a word: »næste-n«, »møde-r«, »maj-s«
_MONTH = re.compile(MONTH_WORD)
_WEEKDAY = re.compile(WEEKDAY_WORD)

_TOKEN = re.compile(r"\d+|[^\W\d_]+")


@dataclass(frozen=True)
class Guess:
    """The nearest reading of a misread date: the phrase as corrected, how it reads (None: it
    does not, but it is a date all the same), or the two days a day and month may be."""

    phrase: str
    reading: Reading | None = None
    either: tuple[date, date] | None = None


def distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from ``a`` to ``b``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def _targets(seasons: Mapping[str, Season]) -> list[tuple[str, int]]:
    """Each date word with the edits allowed to reach it: long distinctive names two."""
    named = [*MONTHS, *WEEKDAYS, *HOLIDAYS, *seasons, *SEASON_ALIASES]
    words = [(w, 2 if len(w) >= 7 else 1) for w in named if " " not in w]
    return words + [(w, 1) for w in (*MEETING_WORDS, *RELATIVE_WORDS)]


def _known(word: str, seasons: Mapping[str, Season]) -> bool:
    """A date word as the grammar reads it: »marts«, »mar«, »fredag«, »fre«, »sommerferien« …"""
    return (
        (_MONTH.fullmatch(word) is not None and month_number(word) is not None)
        or (_WEEKDAY.fullmatch(word) is not None and weekday_number(word) is not None)
        or word in seasons
        or word in SEASON_ALIASES
        or word in HOLIDAYS
        or word in MEETING_WORDS
        or word in RELATIVE_WORDS
        or word in UNITS
    )


def _corrections(word: str, after_number: bool, seasons: Mapping[str, Season]) -> list[str]:
    """The date words ``word`` is a near miss of, nearest first; [] when it is none."""
    if len(word) < 3 or _known(word, seasons):
        return []
    if (found := _ascii(word)) != word and _known(found, seasons):
        return [found]  # »moede«, »naeste«: Danish letters written in ASCII
    targets = _targets(seasons) + ([(u, 1) for u in UNITS] if after_number else [])
    scored = []
    for target, allowed in targets:
        if _grown(word, target):
            continue
        if abs(len(word) - len(target)) > allowed:
            continue
        if (d := distance(word, target)) <= allowed:
            scored.append((d, target))
    best = sorted(scored)
    return [target for d, target in best if d == best[0][0]] if best else []


def _grown(word: str, target: str) -> bool:
    """A compound or an inflection of ``target``, not a slip of the finger: »byrådsmøde«,
    »mødets«, »næsten«, »mandagen« (but »xmandag«, »januari«)."""
    if word.endswith(target):
        return len(word) - len(target) >= 2
    if word.startswith(target):
        return len(word) - len(target) >= 2 or word[-1] in ENDINGS
    return False


def _monthish(word: str) -> str | None:
    """The month a word after a day number is near: its whole name (»majs«, »aj«, »okotber«) or
    its start (»sebt«, »novembr«)."""
    if len(word) < 2 or month_number(word) is not None:
        return None
    whole = 2 if len(word) >= 6 else 1
    for name in MONTHS:
        if distance(word, name) <= whole:
            return name
        if len(word) >= 4 and distance(word, name[: len(word)]) <= 1:
            return name
    return None


def _ascii(word: str) -> str:
    for plain, danish in ASCII:
        word = word.replace(plain, danish)
    return word


def _past(words: list[str]) -> Iterator[tuple[int, int, int]]:
    """(first token, last token, days back) of each passed day: »igår«, »i går«, »i forgårs«."""
    for n, word in enumerate(words):
        if _ascii(word) in PAST:
            yield n, n, PAST[_ascii(word)]
        elif n and words[n - 1] == "i" and _ascii("i" + word) in PAST:
            yield n - 1, n, PAST[_ascii("i" + word)]


def near_miss(
    text: str,
    *,
    today: date,
    seasons: Mapping[str, Season] | None = None,
    deadline: bool = False,
) -> Guess | None:
    """The nearest reading of ``text`` when it is a date written wrong; None when it names no
    day (words to keep as they are). ``text`` is one the grammar could not read."""
    seasons = default_seasons() if seasons is None else seasons
    shown = " ".join(text.split())
    tokens = list(_TOKEN.finditer(shown))
    words = [t[0].lower() for t in tokens]
    edits: list[tuple[int, int, list[str]]] = []
    taken: set[int] = set()
    for first, last, back in _past(words):  # the day itself, to see how the phrase reads
        edits.append(
            (
                tokens[first].start(),
                tokens[last].end(),
                [(today - timedelta(days=back)).isoformat()],
            )
        )
        taken |= {first, last}
    strong = False
    for n, word in enumerate(words):
        if word.isdigit() or n in taken:
            continue
        before = words[n - 1] if n else ""
        after_number = before.isdigit() or before in NUMBERS
        options = _corrections(word, after_number, seasons)
        if before.isdigit() and len(before) <= 2 and (month := _monthish(word)):
            strong, options = True, options or [month]
        if options:
            edits.append((tokens[n].start(), tokens[n].end(), options))
    if not edits:
        return None
    edits.sort()
    for choice in islice(product(*(options for _, _, options in edits)), 16):
        phrase, at = "", 0
        for (start, end, _), word in zip(edits, choice, strict=True):
            phrase += shown[at:start] + word
            at = end
        phrase += shown[at:]
        try:
            found = read(phrase, today=today, seasons=seasons, deadline=deadline)
        except TwoDays as both:
            return Guess(phrase, either=both.days)
        except NoReading:
            continue
        except InputError:
            return Guess(phrase)
        return Guess(phrase, found)
    return Guess(shown) if strong else None
