"""Reading what secretaries write: "senest fredag d. 31. maj", "til efteråret", "næste møde".

``read`` turns one phrase into a ``Reading``: a date (with an optional time or time range), or a
reference to a meeting that is resolved when a report runs. It never guesses: text it cannot read,
a weekday that does not fit the date, or a phrase with two plausible readings is an ``InputError``
that says so.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from udsat_cli.dates.vocab import (
    HOLIDAY_WORDS,
    MONTH_WORD,
    MONTHS,
    WEEKDAY_WORD,
    WEEKDAYS,
    holiday,
    month_number,
    number,
    weekday_number,
)
from udsat_cli.errors import AmbiguousError, InputError

EXAMPLES = "»23. maj 2019«, »næste fredag« eller »næste møde«"
Season = tuple[str, str]  # ("06-27", "08-09"): first and last day as month-day


class NoReading(InputError):
    """The phrase names no date at all (not a wrong or ambiguous date)."""


class TwoDays(AmbiguousError):
    """A day and month without a year that may be the one just passed or the next."""

    def __init__(self, message: str, *, days: tuple[date, date]) -> None:
        super().__init__(message)
        self.days = days


@dataclass(frozen=True)
class Reading:
    """kind: "date", "meeting" (the meeting held on ``date``), "first_meeting_after" (the first
    meeting on or after ``date``) or "nth_meeting_after" (the ``n``-th meeting after the meeting
    the phrase was written at)."""

    kind: str
    date: date | None = None
    time: str | None = None
    end_time: str | None = None
    n: int | None = None
    # A day and month without a year: the year was filled in (see _nearest_day).
    year_filled: bool = field(default=False, compare=False)


class Context:
    """What a phrase is read against. The shipped seasons are loaded only if a phrase needs them."""

    def __init__(
        self,
        today: date,
        prefer: str = "future",
        seasons: Mapping[str, Season] | None = None,
        *,
        deadline: bool = False,
    ) -> None:
        self.today = today
        # For what recurs (holidays, months, seasons, weeks): "future", the next one (typed
        # today); "nearest" (a date in minutes). A day and month without a year is always the
        # nearest such day; as a ``deadline`` a passed one is refused as ambiguous.
        self.prefer = prefer
        self.deadline = deadline
        self._seasons = seasons

    @property
    def seasons(self) -> Mapping[str, Season]:
        if self._seasons is None:
            self._seasons = default_seasons()
        return self._seasons


def default_seasons() -> dict[str, Season]:
    """The shipped seasons, a fresh dict the caller may change (a council's own are added)."""
    return dict(_shipped_seasons())


@cache  # an import reads hundreds of phrases; the file is read once per run
def _shipped_seasons() -> tuple[tuple[str, Season], ...]:
    from udsat_cli.datafiles import load_json

    return tuple(
        (name, (span["start"], span["end"]))
        for name, span in load_json("seasons.json").items()
        if not name.startswith("_")
    )


def read(
    text: str,
    *,
    today: date,
    prefer: str = "future",
    seasons: Mapping[str, Season] | None = None,
    deadline: bool = False,
) -> Reading:
    ctx = Context(today, prefer, seasons, deadline=deadline)
    phrase = normalize(text)
    if not phrase:
        raise InputError(f"Der står ingen dato; skriv fx {EXAMPLES}.")
    for reader, triggers in READERS:
        if triggers is not None and not any(t in phrase for t in triggers):
            continue
        try:
            found = reader(phrase, ctx)
        except (ValueError, OverflowError):
            raise InputError(f"»{quoted(text)}« er ikke en gyldig dato.") from None
        except InputError as error:  # quote what the user wrote, not our normalized form
            error.message = error.message.replace(f"»{phrase}«", f"»{quoted(text)}«")
            raise
        if found is not None:
            return _checked(found, text)
    raise NoReading(f"Kan ikke læse »{quoted(text)}« som en dato; skriv fx {EXAMPLES}.")


def quoted(text: str) -> str:
    """The user's text on one line and of sane length, to quote in an error."""
    shown = " ".join(text.split())
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _checked(found: Reading, text: str) -> Reading:
    if found.date is not None and not date(1900, 1, 1) <= found.date <= date(2199, 12, 31):
        raise InputError(f"»{quoted(text)}« ligger uden for årene 1900–2199.")
    return found


def normalize(text: str) -> str:
    s = quoted(text).lower().replace("\u00a0", " ")
    s = re.sub(r"[–—‒−]", "-", s)
    s = s.replace(",", " ").replace("'", "")
    s = re.sub(r"(\d)\.(?=[a-zæøå])", r"\1. ", s)  # "1.april" -> "1. april"
    s = re.sub(r"\b(\d{1,2})/(\d{1,2}) (\d{4})\b", r"\1/\2/\3", s)  # "27/5 2013"
    # Header forms of agenda systems: "d.10.11.16", "10, november, 2016 - 14:00", "Kl: 14.00".
    s = re.sub(r"\bd\.(?=\d)", "d. ", s)
    s = re.sub(r"(\d{4}) - (?=\d{1,2}[.:]\d{2}\b)", r"\1 kl. ", s)
    s = re.sub(r"\bkl\b\.?\s*:?\s*", "kl. ", s)
    s = re.sub(r"\bdags dato\b", "i dag", s)
    s = re.sub(r"\b(?:d\.|den|dato|senest|ca\.|cirka)(?=\s|$)", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"[\s.;:!?]+$", "", s)
    return s


# --- small helpers ----------------------------------------------------------------------------


def _md(spec: str, year: int) -> date:
    month, day = (int(p) for p in spec.split("-"))
    return date(year, month, day)


def _choose(candidates: list[date], ctx: Context) -> date:
    if ctx.prefer == "nearest":
        return min(candidates, key=lambda d: (abs((d - ctx.today).days), d))
    return next(d for d in sorted(candidates) if d >= ctx.today)


def _yearly(make: Callable[[int], date | None], ctx: Context, year: int | None = None) -> date:
    """A date that recurs every year: the given year's, or the next (or nearest) occurrence."""
    if year is not None:
        found = make(year)
        if found is None:
            raise ValueError(year)
        return found
    candidates = [d for y in range(ctx.today.year - 1, ctx.today.year + 6) if (d := make(y))]
    return _choose(candidates, ctx)


def _full_year(text: str | None, ctx: Context) -> int | None:
    if text is None:
        return None
    if len(text) == 4:
        return int(text)
    yy = int(text)
    options = sorted((c for c in (1900 + yy, 2000 + yy)), key=lambda y: abs(y - ctx.today.year))
    near, far = options
    if abs(abs(far - ctx.today.year) - abs(near - ctx.today.year)) < 20:
        raise AmbiguousError(
            f"Årstallet »{text}« kan være både {near} og {far}; skriv årstallet med fire cifre."
        )
    return near


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _friday_of_week(year: int, week: int) -> date:
    return date.fromisocalendar(year, week, 5)


def _hhmm(hour: str, minute: str | None) -> str:
    h, m = int(hour), int(minute or 0)
    if h > 23 or m > 59:
        raise ValueError(f"{h}:{m}")
    return f"{h:02d}:{m:02d}"


# --- the grammar ------------------------------------------------------------------------------

YEAR = r"(\d{4}|\d{2})"
TIME = (
    r"(?:fra )?(?P<kl>kl\. )?(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?"
    r"(?:\s*(?:-|til)\s*(?:kl\. )?(?P<h2>\d{1,2})(?:[.:](?P<m2>\d{2}))?)?"
)
NUMERIC = r"(?P<d>\d{1,2})\s*[./-]\s*(?P<m>\d{1,2})(?:\s*[./-]\s*(?P<y>\d{4}|\d{2}))?"
LONG = rf"(?P<ld>\d{{1,2}})\.? ?(?P<lm>{MONTH_WORD})(?: (?P<ly>\d{{4}}|\d{{2}}))?"
ISO = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
DAY = rf"(?:(?P<wd>{WEEKDAY_WORD}) )?(?:{ISO}|{NUMERIC}|{LONG})"
ABSOLUTE = rf"(?:(?:til|på|inden|før|ved|fra|i) )?{DAY}(?: {TIME})?"


def _day(m: re.Match[str], ctx: Context) -> tuple[date, bool]:
    """The date in a match of DAY, with its weekday checked, and whether the year was filled in."""
    filled = False
    if m["iy"]:
        found = date(int(m["iy"]), int(m["im"]), int(m["id"]))
    else:
        day = int(m["d"] or m["ld"])
        month = int(m["m"]) if m["m"] else month_number(m["lm"])
        if month is None:
            raise _not_a_date(m.string)
        year = _full_year(m["y"] or m["ly"], ctx)
        if year is not None:
            found = date(year, month, day)
        else:
            date(2000, month, day)  # valid in some year at least (29 February)
            found, filled = _nearest_day(month, day, m.string, ctx), True
    if m["wd"]:
        said = weekday_number(m["wd"])
        if said is not None and said != found.weekday():
            raise InputError(
                f"»{m.string}«: {found.day}. {MONTHS[found.month - 1]} {found.year} er en "
                f"{WEEKDAYS[found.weekday()]}, ikke en {WEEKDAYS[said]}."
            )
    return found, filled


RECENT = timedelta(days=60)  # a day this recently passed may well be meant as it was


def _nearest_day(month: int, day: int, text: str, ctx: Context) -> date:
    """The year for a day and month: in minutes (``prefer="nearest"``) the nearest such day;
    typed today, the next one, unless it passed within the last two months (a meeting or an
    event being entered afterwards). As a deadline such a recent day is refused instead, naming
    both readings: »23/5« typed on 24 May is no deadline anybody sets for next year."""
    years = range(ctx.today.year - 1, ctx.today.year + 6)  # 29 February: up to four years ahead
    options = [d for y in years if (d := _safe(y, month, day))]
    if ctx.prefer == "nearest":
        return min(options, key=lambda d: (abs((d - ctx.today).days), d))
    ahead = min(d for d in options if d >= ctx.today)
    passed = max((d for d in options if d < ctx.today), default=None)
    if passed is None or ctx.today - passed > RECENT:
        return ahead
    if ctx.deadline:
        raise TwoDays(
            f"»{text}« kan være {passed.day}. {MONTHS[passed.month - 1]} {passed.year}, som er "
            f"gået, eller {ahead.day}. {MONTHS[ahead.month - 1]} {ahead.year}; skriv årstallet.",
            days=(passed, ahead),
        )
    return passed


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _not_a_date(text: str) -> InputError:
    return NoReading(f"Kan ikke læse »{text}« som en dato; skriv fx {EXAMPLES}.")


def read_absolute(s: str, ctx: Context) -> Reading | None:
    m = re.fullmatch(ABSOLUTE, s)
    if not m:
        return None
    if m["lm"] and month_number(m["lm"]) is None:
        return None
    found, filled = _day(m, ctx)
    if m["h1"] is None:
        return Reading("date", found, year_filled=filled)
    if not (m["kl"] or m["m1"] or m["h2"]):
        return None  # "3. juni 2019 16" is no time anybody writes
    start = _hhmm(m["h1"], m["m1"])
    end = _hhmm(m["h2"], m["m2"]) if m["h2"] else None
    if end is not None and end <= start:
        raise InputError(f"»{s}«: mødet slutter ({end}), før det begynder ({start}).")
    return Reading("date", found, start, end, year_filled=filled)


def read_relative(s: str, ctx: Context) -> Reading | None:
    today = ctx.today
    fixed = {"i dag": 0, "idag": 0, "i morgen": 1, "imorgen": 1, "i overmorgen": 2}
    if s in fixed:
        return Reading("date", today + timedelta(days=fixed[s]))
    if m := re.fullmatch(
        r"(?:inden for |indenfor |(?:inden )?om )(\w+) (dag|dage|uge|uger|måned|måneder|år)", s
    ):
        count = number(m[1])
        if count is None:
            return None
        from dateutil.relativedelta import relativedelta

        unit = m[2]
        if unit.startswith("dag"):
            return Reading("date", today + timedelta(days=count))
        if unit.startswith("uge"):
            return Reading("date", today + timedelta(weeks=count))
        if unit.startswith("måned"):
            return Reading("date", today + relativedelta(months=count))
        return Reading("date", today + relativedelta(years=count))
    if re.fullmatch(r"(?:i |inden |senest |til )?(?:næste|kommende) uge|ugen efter", s):
        return Reading("date", today + timedelta(days=7 - today.weekday() + 4))
    if re.fullmatch(r"(?:i |inden |senest )?(?:denne|indeværende) uge|i løbet af ugen", s):
        friday = today + timedelta(days=4 - today.weekday())
        return Reading("date", friday if friday >= today else friday + timedelta(weeks=1))
    return None


WEEKDAY_PHRASE = (
    rf"(?:(?:på|til|inden|senest|nu|på næste|til næste|næste|kommende|på kommende) )?"
    rf"(?P<wd>{WEEKDAY_WORD})(?: (?P<which>i næste uge|i denne uge|i ugen efter))?"
)


def read_weekday(s: str, ctx: Context) -> Reading | None:
    m = re.fullmatch(WEEKDAY_PHRASE, s)
    if not m or (wd := weekday_number(m["wd"])) is None:
        return None
    today = ctx.today
    if m["which"] in ("i næste uge", "i ugen efter"):
        return Reading("date", today + timedelta(days=7 - today.weekday() + wd))
    if m["which"] == "i denne uge":
        found = today + timedelta(days=wd - today.weekday())
        if found < today:
            raise InputError(f"»{s}« er allerede gået i denne uge.")
        return Reading("date", found)
    ahead = (wd - today.weekday()) % 7 or 7  # "fredag" said on a Friday is next Friday
    return Reading("date", today + timedelta(days=ahead))


def read_week(s: str, ctx: Context) -> Reading | None:
    m = re.fullmatch(r"(?:(?:i|inden|til|senest|ved) )?uge (\d{1,2})(?: (\d{4}))?", s)
    if not m:
        return None
    week = int(m[1])
    if not 1 <= week <= 53:
        raise InputError(f"»{s}«: et år har ugerne 1–53.")

    def friday(year: int) -> date | None:
        try:
            return _friday_of_week(year, week)
        except ValueError:
            return None

    if m[2] and friday(int(m[2])) is None:
        raise InputError(f"»{s}«: {m[2]} har ingen uge {week}.")
    return Reading("date", _yearly(friday, ctx, int(m[2]) if m[2] else None))


_HOLIDAY_END = {"påske": 4, "skærtorsdag": 4, "jul": 2, "juleaften": 2, "pinse": 1, "pinsedag": 1}


def read_holiday(s: str, ctx: Context) -> Reading | None:
    m = re.fullmatch(rf"(?:(inden|før|efter|til|ved|i|på) )?({HOLIDAY_WORDS})(?: (\d{{4}}))?", s)
    if not m:
        return None
    name = m[2].replace("sankthans", "sankt hans").replace("sankt hans", "sankthans")
    shift = {"inden": -1, "før": -1, "efter": 1 + _HOLIDAY_END.get(name, 0)}.get(m[1] or "", 0)
    if name == "nytår" and m[1] == "efter":
        shift = 2  # 2 January

    def shifted(year: int) -> date | None:
        day = holiday(name, year)  # never None: HOLIDAY_WORDS are its names
        return None if day is None else day + timedelta(days=shift)

    return Reading("date", _yearly(shifted, ctx, _int(m[3])))


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def read_year_end(s: str, ctx: Context) -> Reading | None:
    m = re.fullmatch(
        r"(?:(?:inden|før|til|ved|senest) )?(?:udgangen af året|årets udgang|årsskiftet"
        r"|slutningen af året|året ud|årets afslutning)(?: (\d{4}))?",
        s,
    )
    if not m:
        return None
    return Reading("date", _yearly(lambda y: date(y, 12, 31), ctx, _int(m[1])))


_PART = {"primo": 10, "starten": 10, "begyndelsen": 10, "medio": 15, "midten": 15}


def read_month_part(s: str, ctx: Context) -> Reading | None:
    m = re.fullmatch(
        rf"(?:(?:i|inden|til|senest|ved|fra) )?(?:(primo|medio|ultimo) |"
        rf"(starten|begyndelsen|midten|slutningen|udgangen) af )({MONTH_WORD})(?: (\d{{4}}))?",
        s,
    )
    if not m or (month := month_number(m[3])) is None:
        return None
    part = m[1] or m[2]
    if part in _PART:
        day = _PART[part]
        return Reading("date", _yearly(lambda y: date(y, month, day), ctx, _int(m[4])))
    return Reading("date", _yearly(lambda y: _last_day(y, month), ctx, _int(m[4])))


def read_month(s: str, ctx: Context) -> Reading | None:
    m = re.fullmatch(
        rf"(?:(i|inden|før|til|senest i|senest|fra|i løbet af) )?({MONTH_WORD})(?: (\d{{4}}))?", s
    )
    if not m or (month := month_number(m[2])) is None:
        return None
    prep, year = m[1] or "i", _int(m[3])
    if prep in ("inden", "før"):
        return Reading("date", _yearly(lambda y: date(y, month, 1) - timedelta(days=1), ctx, year))
    if prep in ("til", "fra"):
        return Reading("date", _yearly(lambda y: date(y, month, 1), ctx, year))
    return Reading("date", _yearly(lambda y: _last_day(y, month), ctx, year))


SEASON_ALIASES = {
    "efterår": "efteråret",
    "forår": "foråret",
    "sommerferie": "sommerferien",
    "efterårsferie": "efterårsferien",
    "vinterferie": "vinterferien",
    "juleferie": "juleferien",
    "sommer": "sommeren",
    "vinter": "vinteren",
    "nye år": "det nye år",
    "nytåret": "det nye år",
}


def _season_names(ctx: Context) -> str:
    names = set(ctx.seasons) | {a for a, target in SEASON_ALIASES.items() if target in ctx.seasons}
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _season_span(name: str, year: int, ctx: Context) -> tuple[date, date]:
    start_md, end_md = ctx.seasons[SEASON_ALIASES.get(name, name)]
    start = _md(start_md, year)
    end = _md(end_md, year)
    if end < start:  # "juleferien": 21 December to 3 January
        end = _md(end_md, year + 1)
    return start, end


def _season_date(name: str, edge: str, ctx: Context, year: int | None) -> date:
    def pick(y: int) -> date:
        start, end = _season_span(name, y, ctx)
        return {"before": start - timedelta(days=1), "after": end + timedelta(days=1)}.get(
            edge, start
        )

    return _yearly(pick, ctx, year)


def read_season(s: str, ctx: Context) -> Reading | None:
    if not ctx.seasons:
        return None
    m = re.fullmatch(
        rf"(?:(inden|før|efter|til|i|om|hen over|ind i|ved|fra) )?(?:det )?"
        rf"({_season_names(ctx)})(?: (\d{{4}}))?",
        s,
    )
    if not m:
        return None
    edge = {"inden": "before", "før": "before", "efter": "after"}.get(m[1] or "", "start")
    return Reading("date", _season_date(m[2], edge, ctx, _int(m[3])))


NEXT_MEETING = (
    r"(?:(?:til|på|inden|før|ved) )?(?:det |rådets )?(?:næste|kommende) "
    r"(?:ordinære |almindelige |planlagte )?(?:råds)?møde"
)


def read_meeting(s: str, ctx: Context) -> Reading | None:
    if re.fullmatch(NEXT_MEETING, s):
        return Reading("nth_meeting_after", n=1)
    if m := re.fullmatch(r"(?:(?:til|på|inden) )?(?:om|efter) (\w+) møder", s):
        if (n := number(m[1])) is not None and n >= 1:
            return Reading("nth_meeting_after", n=n)
        return None
    if re.fullmatch(r"(?:(?:til|på) )?(?:mødet|møde) efter næste(?: møde)?", s):
        return Reading("nth_meeting_after", n=2)
    if m := re.fullmatch(r"(?:(?:til|på|inden|før|ved) )?mødet (.+)", s):
        rest = m[1]
        if mm := re.fullmatch(rf"(?:i|fra) ({MONTH_WORD})(?: (\d{{4}}))?", rest):
            if (month := month_number(mm[1])) is None:
                return None
            first = _yearly(_first_of(month), _month_ctx(ctx), _int(mm[2]))
            return Reading("first_meeting_after", first)
        day = read_absolute(rest, ctx)
        return Reading("meeting", day.date) if day and day.time is None else None
    if m := re.fullmatch(rf"(?:(?:til|på) )?({MONTH_WORD})mødet(?: (\d{{4}}))?", s):
        if (month := month_number(m[1])) is None:
            return None
        first = _yearly(_first_of(month), _month_ctx(ctx), _int(m[2]))
        return Reading("first_meeting_after", first)
    if m := re.fullmatch(r"(?:(?:til|på) )?(?:det )?første møde (efter|i|fra) (.+)", s):
        return _first_meeting(m[1], m[2], ctx)
    return None


def _first_of(month: int) -> Callable[[int], date]:
    return lambda year: date(year, month, 1)


def _month_ctx(ctx: Context) -> Context:
    """'mødet i juni' said in June means this June: compare with the first of this month."""
    return Context(ctx.today.replace(day=1), ctx.prefer, ctx._seasons, deadline=ctx.deadline)


def _first_meeting(prep: str, rest: str, ctx: Context) -> Reading | None:
    if ctx.seasons and (
        m := re.fullmatch(rf"(?:det )?({_season_names(ctx)})(?: (\d{{4}}))?", rest)
    ):
        edge = "after" if prep == "efter" else "start"
        return Reading("first_meeting_after", _season_date(m[1], edge, ctx, _int(m[2])))
    if m := re.fullmatch(rf"({MONTH_WORD})(?: (\d{{4}}))?", rest):
        if (month := month_number(m[1])) is None:
            return None
        first = _yearly(_first_of(month), _month_ctx(ctx), _int(m[2]))
        if prep == "efter":
            first = _last_day(first.year, first.month) + timedelta(days=1)
        return Reading("first_meeting_after", first)
    for reader in (read_absolute, read_holiday, read_year_end):
        found = reader(rest, ctx)
        if found is not None and found.date is not None:
            shift = timedelta(days=1 if prep == "efter" else 0)
            return Reading("first_meeting_after", found.date + shift)
    return None


_MONTH_STEMS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_HOLIDAY_STEMS = (
    "jul",
    "nytår",
    "grundlov",
    "sankt",
    "morten",
    "fastelavn",
    "palme",
    "påske",
    "skær",
    "langfredag",
    "bededag",
    "himmelfart",
    "pinse",
)
_WEEKDAY_STEMS = ("man", "tirs", "ons", "tors", "fre", "lør", "søn")

# Each reader with the words one of which the phrase must hold for the reader to be tried: this
# keeps a run from compiling the patterns of readers that cannot match (start-up is product).
READERS: tuple[tuple[Callable[[str, Context], Reading | None], tuple[str, ...] | None], ...] = (
    (read_meeting, ("møde",)),
    (read_absolute, tuple("0123456789")),
    (read_relative, ("dag", "morgen", "om ", "uge", "inden for", "indenfor")),
    (read_weekday, _WEEKDAY_STEMS),
    (read_week, ("uge",)),
    (read_year_end, ("år",)),
    (read_holiday, _HOLIDAY_STEMS),
    (read_month_part, ("primo", "medio", "ultimo", " af ")),
    (read_month, _MONTH_STEMS),
    (read_season, None),
)
