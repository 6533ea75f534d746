"""Who promised to do what, read from Danish prose by its grammar.

A sentence is cut into main clauses (at ";", dashes and coordinators that start a new subject).
A clause proposes a task when it has a subject that can own one and a committing finite verb:

* subject first: "Jette tager kontakt til AP", "Søren og Allan vil gerne lægge …";
* inverted (V2), after an opening adverbial or object: "Desuden vil Peter undersøge …",
  "det har Lone styr på", "Til næste møde tager Søren …";
* owner in parentheses after the task: "Bestille lokale (Kirsten)";
* the written forms "Det aftales, at X …", "X: opgave", "opgave – ansvarlig: X", "X har opgaven".

Subjects are people (participants, or names from the Danish name list), the council itself ("vi",
"rådet"), roles ("formanden"), or "han"/"hun" pointing to the previous sentence's person.
Verbs are present tense or a committing modal (vil, skal, må) with an infinitive, both read from
the dictionary's verb forms. Not tasks: the past and perfect (what was done), "kan", "kunne",
"bør" (possibilities), negations, reporting and feeling verbs, subordinate clauses ("… at vi
laver"), general rules ("Alle skal …"), outsiders ("Beboerne oplever …") and the agenda's own asks
("Rådet skal tage stilling til …"). Each proposal carries a confidence and its reason.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date

from udsat_cli.core.owners import is_unit
from udsat_cli.importer import lexicon as lx
from udsat_cli.importer.fields import is_body

UPPER = "A-ZÆØÅ"
NAME = rf"[{UPPER}][\wæøåéüö'’-]*"
PERSON = rf"{NAME}(?:\s+{NAME}){{0,2}}"
BODY = (
    r"(?:hele\s+|alle\s+)?(?:\w*(?:rådets|bestyrelsens|udvalgets)\s+(?:medlemmer|sekretær|formand"
    r"|næstformand|kasserer|repræsentant)|medlemmerne(?:\s+af\s+\w*rådet)?|rådsmedlemmerne|rådet|\w+rådet"
    r"|bestyrelsen|\w+bestyrelsen|bestyrelsesmedlemmerne|vi)"
)
ROLE = "(?:" + "|".join(sorted(lx.ROLE_NOUNS, key=len, reverse=True)) + ")"
ATOM = rf"(?:(?i:{BODY})|(?i:{ROLE})|{NAME}\s+&\s+{NAME}|{PERSON}|(?i:han|hun)|[a-zæøå]+)"
OWNERS = rf"(?P<owners>{ATOM}(?:\s*(?:,|\bog\b|&)\s*{ATOM}){{0,7}})"
ADVERB = "|".join(re.escape(a) for a in sorted(lx.MIDFIELD_ADVERBS, key=len, reverse=True))
ADVERBS = rf"(?:\s+(?:{ADVERB})(?!\w))*"
SUBJECT_FIRST = re.compile(
    rf"(?:^|(?<=[\s,;:–(-]))(?<!\w){OWNERS}{ADVERBS},?\s+(?P<verb>[a-zæøå]+)\b"
)
# The same, with no lower-case word after the first owner: in "Tobias, opdaterer facebook" the
# verb after the comma is no second owner.
NAMED = rf"(?:(?i:{BODY})|(?i:{ROLE})|{NAME}\s+&\s+{NAME}|{PERSON})"
SUBJECT_FIRST_NAMED = re.compile(
    rf"(?:^|(?<=[\s,;:–(-]))(?<!\w)(?P<owners>{ATOM}(?:\s*(?:,|\bog\b|&)\s*{NAMED}){{0,7}})"
    rf"{ADVERBS},?\s+(?P<verb>[a-zæøå]+)\b"
)
# "… til administrationen, som sikrer …": a unit named, then what it does.
RELATIVE_UNIT = re.compile(
    rf"(?<!\w)(?P<owners>(?i:{ROLE})|(?i:{BODY})),?\s+som\s+(?P<verb>[a-zæøå]+)\b"
)
# "… med indkaldelsen 7.3, som Malene udsender": the thing, then who does it.
RELATIVE_OBJECT = re.compile(
    rf"(?<![\w.])(?P<object>[\wæøå.]+(?:\s+[\wæøå.]+)?),\s+som\s+(?P<owners>{PERSON})\s+(?P<verb>[a-zæøå]+)\b"
)
# "Snakke med Andreas (Nikolaj) angående …", "bliver der lavet et skilt (Mathias) til …".
MID_PARENS = re.compile(rf"\s\((?P<owners>{PERSON}(?:\s*(?:,|og|/|&)\s*{PERSON}){{0,7}})\)")
PASSIVE = re.compile(r"\b(?:bliver|blive|skal)\s+(?:der\s+)?(?:\w+\s+)?\w+(?:et|t)\b|\b\w{3,}es\b")
# "Asbjørn og Louise har opgaven.", "Ansvarlig: Jens": the owners of the task just described.
BACK_REFERENCE = re.compile(
    rf"^(?P<owners>{PERSON}(?:\s*(?:,|og|&)\s*{PERSON}){{0,7}})\s+(?:har|tager|får)\s+"
    r"(?:opgaven|ansvaret|den|det|dem|bolden)\s*[.!]?$"
    rf"|^(?i:ansvarlige?|tovholdere?|ansvar)\s*:\s*(?P<named>{PERSON}(?:\s*(?:,|og|&)\s*{PERSON}){{0,7}}"
    rf"|(?i:{ROLE}))\s*[.!]?$"
)
# "Udvalget beder administrationen om at udarbejde et notat": the one asked owns the task.
REQUEST = re.compile(
    rf"^(?:{NAMED})\s+(?P<verb>beder|anmoder)\s+(?P<owners>(?i:{ROLE})|{PERSON})\s+om\s+at\s+"
    r"(?P<what>.+)$"
)
OPENER = "|".join(re.escape(o) for o in sorted(lx.INVERSION_OPENERS, key=len, reverse=True))
INVERTED = re.compile(
    rf"(?i:(?P<lead>{OPENER}|(?:til|efter|inden|før|på|ved|under|om|i)\s+\S+(?:\s+\S+){{0,2}}?|\w+))"
    r"\s+(?P<verb>[a-zæøå]+)\s+"
    rf"(?P<owners>{PERSON}(?:\s+og\s+{PERSON})?|vi)\b"
)
IN_PARENS = re.compile(
    rf"^(?P<what>[^()]{{6,}}?)\s*\((?P<owners>{PERSON}(?:\s*(?:,|og|/|&)\s*{PERSON}){{0,7}})\)\s*[.!]?$"
)
AGREED = re.compile(
    r"\b(?:det\s+)?(?:blev\s+)?(?:aftales|aftalt|aftalte|besluttes|besluttet|besluttede|vedtaget"
    r"|konkluderet|enige\s+om|enighed\s+om)\s*,?\s+at\s+",
    re.I,
)
RESPONSIBLE = re.compile(
    r"^(?P<what>.+?)\s*[–-]?\s*\(?ansvarlige?\s*:\s*(?P<owners>[^)]+?)\)?\.?$", re.I
)
HAS_TASK = re.compile(
    rf"^(?P<what>.+?)[,.–-]?\s+(?P<owners>{PERSON}(?:\s+og\s+{PERSON})?)\s+har\s+opgaven\b"
)
COLON_TASK = re.compile(
    rf"^(?P<owners>{PERSON}(?:\s*(?:,|og)\s*{PERSON}){{0,7}})\s*:\s*(?P<what>[a-zæøå].+)$"
)
PASSIVE_BODY = re.compile(
    rf"^(?P<owner>[{UPPER}]\w*(?:rådets|bestyrelsens|udvalgets))\s.+?\s(?:skal|må)\s+(?:\w+\s+)?(?P<verb>\w+es)\b"
)
NOUN_ENDINGS = (
    "ingen",
    "ningen",
    "elsen",
    "heden",
    "erne",
    "ene",
    "skabet",
    "eriet",
    "ionen",
    "ens",
    "ets",
    "tet",
    "ren",
    "gen",
)
LATER_MEETING = re.compile(
    r"\b(?:på|til|ved|inden)\s+(?:det\s+)?(?:næste|kommende|et\s+senere)\s+(?:\w+)?møde", re.I
)
ANAPHOR = re.compile(r"\b(?:dette|det|den|denne|disse|dem|sagen|punktet)\b", re.I)
THRESHOLD = 0.5
LONGEST = 2000  # characters in one sentence


@dataclass
class Proposal:
    owners: list[str]
    what: str
    source: str
    confidence: float = 0.8
    reason: str = ""
    deadline_text: str | None = None
    deadline: date | None = None
    anchored: bool = False


@dataclass
class Reader:
    """What the importer knows while reading one document: its people and the last person named."""

    people: list[str] = field(default_factory=list)
    last_person: str | None = None
    # Who "vi" is: the unit whose own report the point is ("Orientering fra forvaltningen").
    we: str | None = None

    def first_names(self) -> dict[str, str]:
        return {p.split()[0].casefold(): p.split()[0] for p in self.people if p.split()}


_ABBREVIATIONS = (
    "evt",
    "ca",
    "bl.a",
    "f.eks",
    "fx",
    "mht",
    "vedr",
    "inkl",
    "ang",
    "jf",
    "dvs",
    "pkt",
    "nr",
    "kl",
    "d",
    "tlf",
    "ift",
    "mv",
    "osv",
    "etc",
    "st",
    "iflg",
    "hhv",
)
_ABBREV_END = re.compile(
    r"(?:^|[\s(])(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + r")\.$"
    r"|(?:^|\s)\d{1,2}\.$",  # "29. august", "1. udkast": a date or an ordinal, no sentence end
    re.I,
)


def sentences(text: str) -> list[str]:
    """Sentences, not cut after abbreviations ("evt.", "bl.a.", "kl.")."""
    found: list[list[str]] = []
    for part in re.split(r"(?<=[.!?])\s+(?=[\"”«“]?[A-ZÆØÅ0-9])", text):
        if found and _ABBREV_END.search(found[-1][-1]):
            found[-1].append(part)  # joined once at the end: a run of "1. 1. 1." stays linear
        elif part.strip():
            found.append([part.strip()])
    return [" ".join(parts) for parts in found]


def split_owners(text: str) -> list[str]:
    # »Social- og Sundhedsforvaltningen« is one owner, not »Social-« and another
    return [p.strip() for p in re.split(r"\s*,\s*|(?<!-)\s+og\s+|\s*/\s*", text) if p.strip()]


def _name_in_lower_case(word: str) -> bool:
    """ "simon vil prøve …": a first name written in lower case, not a Danish word."""
    table = lx.verbs()
    return (
        lx.is_proper_name(word.capitalize())
        and not any(word in forms for forms in table.values())
        and word not in lx.PREPOSITIONS | lx.SUBJECT_PRONOUNS | lx.OBJECT_PRONOUNS
        and word not in lx.MIDFIELD_ADVERBS | lx.COORDINATORS | lx.SUBORDINATORS
    )


def _subject(
    owner: str, reader: Reader, at_start: bool, lowercase_name: bool = False
) -> tuple[str | None, float, str]:
    """The owner as it should be recorded, how sure we are it can own a task, and why.
    ``lowercase_name``: a committing modal follows, so "simon vil …" may be a name."""
    words = owner.split()
    lower = owner.casefold()
    first = words[0].casefold()
    if first in lx.QUANTIFIERS or lower in lx.OUTSIDER_NOUNS or first in ("man", "de", "der"):
        return None, 0.0, "generelt eller udenforstående subjekt"
    if lower in ("han", "hun"):
        if reader.last_person:
            return reader.last_person, 0.7, f"»{owner}« er {reader.last_person} fra sætningen før"
        return None, 0.0, "pronomen uden person"
    if lower == "vi" and reader.we:
        return reader.we, 0.75, f"»vi« er {reader.we}, hvis orientering punktet er"
    if lower == "vi" or is_body(owner) or re.fullmatch(BODY, lower):
        return owner, 0.85, "rådet selv"
    if lower in lx.ROLE_NOUNS:
        return owner, 0.8, "en rolle"
    if (
        first in lx.SUBJECT_PRONOUNS
        or first in lx.COORDINATORS
        or first in lx.PREPOSITIONS
        or (
            first in lx.SUBORDINATORS
            or first in lx.MIDFIELD_ADVERBS
            or first in lx.INVERSION_OPENERS
        )
    ):
        return None, 0.0, "intet subjekt"
    known = reader.first_names()
    if owner[0].islower():
        if len(words) == 1 and first in known:
            return known[first], 0.75, "deltager skrevet med lille"
        if len(words) == 1 and lowercase_name and _name_in_lower_case(first):
            return first.capitalize(), 0.6, "navn skrevet med lille"
        return None, 0.0, "intet navn"
    if first in known:
        return owner, 0.95, "deltager"
    if is_unit(owner):
        return owner, 0.75, "en enhed"
    near = difflib.get_close_matches(first, list(known), n=1, cutoff=0.8)
    if near and len(first) >= 4:
        return known[near[0]], 0.85, f"stavet som deltageren {known[near[0]]}"
    if any(lx.is_proper_name(w) for w in words):
        return owner, 0.75 if reader.people else 0.8, "kendt navn"
    if len(words) == 1 and lower.endswith(NOUN_ENDINGS):
        return None, 0.0, "navneord, ikke en person"
    if words[0].isupper() and len(words[0]) <= 5:
        return owner, 0.6, "forkortelse"
    if at_start:  # a capitalised first word that no list knows is more likely a noun
        return owner, 0.45 if reader.people else 0.5, "ukendt ord først i sætningen"
    return owner, 0.6, "ukendt navn"


def _skip_adverbs(rest: str) -> tuple[str, bool]:
    words = rest.split()
    hedged = False
    while words and words[0].casefold().strip(",") in lx.MIDFIELD_ADVERBS:
        hedged = hedged or words[0].casefold() in lx.HEDGES
        words.pop(0)
    return " ".join(words), hedged


_PROMISED = re.compile(r"^(?:(?:lovet|tilbudt)|påtaget\s+sig)\s+at\s+", re.I)


def _verb(verb: str, rest: str, typo: bool = False) -> tuple[str | None, float, str]:
    """The task as an infinitive phrase, how committing the verb is, and why (None: no task).
    ``typo``: the subject is a unit or a role, and an infinitive in the verb's place is the
    present tense misspelt ("Forvaltningen orientere nærmere …")."""
    verb = verb.casefold()
    if verb in lx.PROMISES or (verb == "har" and _PROMISED.match(rest.strip())):
        promised = _PROMISED.sub("", rest.strip()) if verb == "har" else rest.strip()
        promised = re.sub(r"^(?:sig\s+)?at\s+", "", promised)
        infinitive, _, tail = promised.partition(" ")
        if promised != rest.strip() and lx.is_infinitive(infinitive.casefold()):
            ok, why = _task_verb(infinitive.casefold(), tail)
            if ok:
                return promised, 0.85, f"et løfte (»{verb}«)"
        return None, 0.0, "et løfte uden en opgave"
    if verb in lx.ROLE_NOUNS:
        return None, 0.0, "en rolle, ikke et verbum"  # "… og Gitte kasserer"
    written = rest.strip()
    rest, hedged = _skip_adverbs(rest)
    hedge = 0.15 if hedged else 0.0
    if rest.split()[:1] and rest.split()[0].casefold() in lx.NEGATIONS:
        return None, 0.0, "nægtet"
    phrase = f"{verb} {rest}".strip()
    for idiom in lx.OWNING_IDIOMS:
        if phrase.casefold().startswith(idiom):
            return phrase, 0.9 - hedge, f"udtryk »{idiom}«"
    if verb in lx.OTHER_MODALS:
        return None, 0.0, f"»{verb}« er en mulighed, ikke en aftale"
    if verb in lx.COMMITTING_MODALS:
        infinitive, *tail = rest.split(" ", 1) if rest else [""]
        infinitive = infinitive.strip(",.").casefold()
        if infinitive == "have" or not lx.is_infinitive(infinitive):
            return None, 0.0, "ingen navnemåde efter modalverbet"
        ok, why = _task_verb(infinitive, tail[0] if tail else "")
        if not ok:
            return None, 0.0, why
        return rest, 0.9 - hedge, f"»{verb}« + navnemåde »{infinitive}«"
    if verb in lx.AUXILIARIES:
        return None, 0.0, "hjælpeverbum: sket eller tilstand"
    infinitive = lx.infinitive_of_present(verb)
    misspelt = (
        infinitive is None
        and typo
        and lx.is_infinitive(verb)
        and not lx.is_past(verb)
        and len(verb) >= 4
        and verb not in lx.SUBJECT_PRONOUNS | lx.OBJECT_PRONOUNS
    )
    if infinitive is None and not misspelt:
        return None, 0.0, "ikke et verbum i nutid"
    ok, why = _task_verb(infinitive or verb, rest)
    if not ok:
        return None, 0.0, why
    if misspelt:
        return f"{verb} {written}".strip(), 0.7 - hedge, f"»{verb}« som nutid"
    return f"{verb} {written}".strip(), 0.85 - hedge, f"nutid »{verb}«"


def _task_verb(infinitive: str, rest: str) -> tuple[bool, str]:
    following = rest.casefold().strip()
    first, _, after = following.partition(" ")
    if first in lx.OBJECT_PRONOUNS and after:
        following = after  # "tager det op", "giver dem besked"
    if infinitive in lx.REPORTING and LATER_MEETING.search(following):
        return True, ""  # a report promised for a coming meeting
    if infinitive in lx.PARTICLE_TASKS:
        particles = lx.PARTICLE_TASKS[infinitive]
        if any(following.startswith(p) for p in particles):
            return True, ""
        near = following.split()[:5]  # "tager en prisliste med": the particle after the object
        if any(" " not in p and p in near for p in particles):
            return True, ""
        return False, f"»{infinitive}« uden en opgave efter sig"
    if infinitive in lx.NOT_TASK_VERBS:
        return False, f"»{infinitive}« fortæller eller konstaterer"
    if infinitive.endswith("es") and len(infinitive) > 4:
        return False, "passiv"
    return True, ""


def _finite(verb: str) -> bool:
    return verb in lx.COMMITTING_MODALS | lx.OTHER_MODALS | lx.AUXILIARIES or bool(
        lx.infinitive_of_present(verb) or lx.is_past(verb) or verb.endswith("es")
    )


def _before_new_subject(rest: str) -> str:
    """ "… om juni og Ulla Munch kobles på", "… ud, og hallen er booket til 14. juni": a new
    subject with its own verb ends the task ("… og sender dem ud" shares the subject)."""
    ends = [m.start() for m in NEW_SUBJECT.finditer(rest) if _finite(m["verb"])]
    for m in NEW_CLAUSE.finditer(rest):
        words = [w for w in (m["w1"], m["w2"], m["w3"]) if w]
        if not _finite(words[0]) and any(_finite(w) for w in words[1:]):
            ends.append(m.start())
            break
    return rest[: min(ends)] if ends else rest


def _subordinate(text: str, start: int) -> bool:
    """ "De vil gerne have, at vi laver …": a clause inside another is nobody's promise here."""
    before = text[max(0, start - 40) : start].rstrip(" ,").casefold().split()
    return bool(before) and before[-1] in lx.SUBORDINATORS


def _proposal(
    owners_text: str, verb: str, rest: str, sentence: str, reader: Reader, at_start: bool
) -> Proposal | None:
    owners, subject_conf, reasons = [], 1.0, []
    modal = verb.casefold() in lx.COMMITTING_MODALS
    for owner in split_owners(owners_text):
        name, confidence, why = _subject(owner, reader, at_start and not owners, modal)
        if name is None:
            return None
        owners.append(name)
        subject_conf = min(subject_conf, confidence)
        reasons.append(f"{name}: {why}")
    units = all(
        o.casefold() in lx.ROLE_NOUNS or is_body(o) or re.fullmatch(BODY, o.casefold())
        for o in split_owners(owners_text)
    )
    what, verb_conf, why = _verb(verb, rest, typo=units)
    if what is None:
        return None
    if any(is_body(o) or o.casefold() == "vi" for o in owners):
        infinitive = what.split()[0].casefold() if what.split() else ""
        if any(
            f"{infinitive} {w}".startswith(a) or infinitive == a
            for a in lx.AGENDA_ASKS
            for w in what.split()[1:2] or [""]
        ):
            return None  # "Rådet skal tage stilling til …": what the meeting is asked
    if re.search(r"\bhvis\b|\bkun\s+hvis\b", rest, re.I):
        verb_conf -= 0.3  # a condition: "vil gerne starte igen, men kun hvis …"
    confidence = round(min(subject_conf, verb_conf), 2)
    if confidence < THRESHOLD:
        return None
    what = what.strip(" ,;:–-.!")
    if what.count(")") > what.count("("):  # "(Simon laver et)": the clause ends at the parenthesis
        what = what[: what.rfind(")")].strip(" ,;:–-.!")
    return Proposal(owners, what, sentence, confidence, "; ".join([*reasons, why]))


BOUNDARY = re.compile(
    r"(?:[,;:.!]|\s[–-]>?|\s->|\s→)\s+(?:(?:og|men|samt|så)\s+)?|\(\s*|\s(?:og|men|samt|så)\s+"
)  # "." too: "… stikvejen. helge tager …" is not split into sentences (lower case); "(Simon
# laver et)" and "Pokeraften –> simon vil …" open clauses of their own
CLAUSE_END = re.compile(r"\s*;\s*|\s[–-]\s")
NEW_CLAUSE = re.compile(
    r"(?:,\s*|\s)(?:og|men|mens)\s+(?P<w1>[a-zæøå]+)\s+(?P<w2>[a-zæøå]+)(?:\s+(?P<w3>[a-zæøå]+))?"
)
NEW_SUBJECT = re.compile(rf"(?:,|,?\s+(?:og|men))\s+{PERSON}\s+(?P<verb>[a-zæøå]+)")


def proposals(sentence: str, reader: Reader | None = None) -> list[Proposal]:
    """Every action a sentence proposes; a sentence may hold several ("X gør …, og Y gør …")."""
    reader = reader or Reader()
    body = sentence.strip()
    if len(body) > LONGEST:
        return []  # thousands of words without a full stop are no sentence anybody promised
    if back_reference(body, reader):
        return []  # the task is in the sentences before
    if m := RESPONSIBLE.match(body):
        return [
            Proposal(
                split_owners(m["owners"]),
                m["what"].strip(" –-"),
                sentence,
                0.9,
                "»ansvarlig:« nævner ejeren",
            )
        ]
    if (m := HAS_TASK.match(body)) and not re.search(r"(?:\bog|&|,)$", m["what"].strip()):
        return [
            Proposal(split_owners(m["owners"]), m["what"].strip(), sentence, 0.9, "»har opgaven«")
        ]
    if m := COLON_TASK.match(body):
        owners = split_owners(m["owners"])
        if all(_subject(o, reader, False)[0] for o in owners):
            what = m["what"].strip().rstrip(".!")
            return [Proposal(owners, what, sentence, 0.8, "»Navn: opgave«")]
    if m := PASSIVE_BODY.match(body):
        return [
            Proposal([m["owner"][:-1]], body.strip(" ."), sentence, 0.7, "rådets opgave i passiv")
        ]
    if body.endswith("?"):
        return []  # a question asks; it promises nothing
    text = AGREED.sub("", body, count=1)
    if (m := AGREED.search(body)) and len(body[: m.start()].split()) <= 3:
        text = body[m.end() :]  # "Ældrerådet besluttede, at formanden kontakter …"
    if m := REQUEST.match(text):  # "Udvalget beder administrationen om at udarbejde …"
        asked = _proposal(m["owners"], "vil", m["what"], sentence, reader, False)
        if asked:
            asked.reason += f"; bedt om det (»{m['verb']}«)"
            return [asked]
    found = _main_clauses(text, sentence, reader)
    if not found and (m := IN_PARENS.match(body)):
        owners = split_owners(m["owners"])
        if all(_subject(o, reader, False)[1] >= 0.75 for o in owners):
            found.append(
                Proposal(
                    owners,
                    m["what"].strip(" ,;:–-."),
                    sentence,
                    0.75,
                    "ejeren står i parentes efter opgaven",
                )
            )
    if not found:
        found = _owner_in_parentheses(body, reader)
    for extra in _relative(text, sentence, reader):
        if not any(set(extra.owners) & set(p.owners) for p in found):
            found.append(extra)
    return _owned_by_idiom(found)


def _relative(text: str, sentence: str, reader: Reader) -> list[Proposal]:
    """ "… til administrationen, som sikrer den politiske behandling": the unit's task;
    "… med indkaldelsen 7.3, som Malene udsender": Malene's task, the thing it is about."""
    if m := RELATIVE_UNIT.search(text):
        rest = text[m.end() :]
        p = _proposal(m["owners"], m["verb"], rest.split(". ")[0], sentence, reader, False)
        if p:
            p.reason += "; relativsætning om enheden"
            return [p]
    if m := RELATIVE_OBJECT.search(text):
        owner = m["owners"]
        name, confidence, _ = _subject(owner, reader, False)
        infinitive = lx.infinitive_of_present(m["verb"])
        thing = re.sub(r"^(?:med|til|om|for|af|på|i)\s+", "", m["object"])
        if name and confidence >= 0.75 and infinitive and _task_verb(infinitive, thing)[0]:
            why = f"{name}: »som {owner} {m['verb']}« efter det, det gælder"
            return [Proposal([name], f"{m['verb']} {thing}", sentence, 0.7, why)]
    return []


def _owner_in_parentheses(body: str, reader: Reader) -> list[Proposal]:
    """A person in parentheses inside a task written without a subject: "Snakke med Andreas
    (Nikolaj) angående opgaverne", "bliver der lavet et skilt (Mathias) til hoveddøren"."""
    m = MID_PARENS.search(body)
    if not m:
        return []
    owners = split_owners(m["owners"])
    if not all(_subject(o, reader, False)[1] >= 0.75 for o in owners):
        return []
    what = f"{body[: m.start()]}{body[m.end() :]}".strip(" .!")
    first = what.split()[0].casefold() if what.split() else ""
    rest = what.split(" ", 1)[1] if " " in what else ""
    task_form = lx.is_infinitive(first) and _task_verb(first, rest)[0]
    if not (task_form or PASSIVE.search(what)):
        return []
    return [Proposal(owners, what, body, 0.7, "ejeren står i parentes i opgaven")]


_IDIOM_ONLY = re.compile(
    r"^(?:har\s+styr\s+på|tager\s+sig\s+af|står\s+for|sørger\s+for|tager|har)"
    r"(?:\s+(?:det|den|dette|dem|opgaven|ansvaret))?$",
    re.I,
)


def _owned_by_idiom(found: list[Proposal]) -> list[Proposal]:
    """ "det tilføjer vi til indkøbslisten, det har Felix styr på": one task, Felix's."""
    idioms = [p for p in found if _IDIOM_ONLY.match(p.what)]
    others = [p for p in found if p not in idioms]
    if len(idioms) != 1 or not others:
        return found
    for p in others:
        if all(is_body(o) or o.casefold() == "vi" for o in p.owners):
            p.owners = list(idioms[0].owners)
            p.reason += f"; »{idioms[0].what}« nævner ejeren"
    return others


def back_reference(sentence: str, reader: Reader) -> list[str] | None:
    """The owners named by "Asbjørn og Louise har opgaven." (a sentence of its own)."""
    m = BACK_REFERENCE.match(sentence.strip())
    if not m:
        return None
    owners = split_owners(m["owners"] or m["named"])
    if all(_subject(o, reader, False)[1] >= 0.75 for o in owners):
        return owners
    return None


_GET_DONE = re.compile(r"^(?:vi|man)\s+får\s+(?P<rest>\w+(?:et|t)\b.*)$", re.I)


def ownerless_task(sentence: str) -> str | None:
    """A task stated without its owner: "Det undersøges nærmere." (a passive of a verb that
    does something), "Vi får produceret kort …"; the task as an infinitive phrase."""
    text = sentence.strip().rstrip(".!")
    if m := _GET_DONE.match(text):
        return f"få {m['rest']}"
    first, _, rest = text.partition(" ")
    if lx.is_infinitive(first.casefold()) and rest and _task_verb(first.casefold(), rest)[0]:
        return text[:1].lower() + text[1:]  # "Undersøge prisen på en ny bus."
    for m in re.finditer(r"\b(?P<stem>[a-zæøå]{3,})es\b", text):
        infinitive = m["stem"] + "e"
        if not lx.is_infinitive(infinitive) or infinitive in lx.NOT_TASK_VERBS:
            continue
        if any(infinitive == a or a.startswith(infinitive + " ") for a in lx.AGENDA_ASKS):
            continue
        return f"{infinitive} {text[m.end() :].strip()}".strip()
    return None


@dataclass
class _Clause:
    start: int  # where the clause (and so the previous task) begins
    owners: str
    verb: str
    end: int  # end of the finite verb (or of the inverted subject)
    how: str = ""
    at_start: bool = False


def _main_clauses(text: str, sentence: str, reader: Reader) -> list[Proposal]:
    """Try a subject (or an inverted opening) at the start and after every clause boundary.
    "Michael har lavet et billede og sender dem ud": after "og" the subject may be left out."""
    starts = [0] + [m.end() for m in BOUNDARY.finditer(text)]
    found: list[_Clause] = []
    subject = None  # the first clause's subject, for verbs coordinated without one
    taken_until = -1
    for start in starts:
        if start < taken_until:
            continue
        clause = None
        m = SUBJECT_FIRST.match(text, start)
        if m and any(lx.infinitive_of_present(o) for o in split_owners(m["owners"])[1:]):
            m = SUBJECT_FIRST_NAMED.match(text, start)
        if m:
            clause = _Clause(start, m["owners"], m["verb"], m.end(), "", start == 0)
            if start == 0 and _subject(split_owners(m["owners"])[0], reader, True)[1] >= 0.5:
                subject = m["owners"]
            if not _made(clause, text, _near(clause, text), sentence, reader):
                clause = None
        if clause is None and (m := INVERTED.match(text, start)):
            lead = m["lead"]
            if lead.casefold() in lx.HEDGES:
                pass  # "Måske skal vi købe nye": a possibility
            elif " " in lead or _subject(lead, reader, False)[1] < 0.75:
                clause = _Clause(
                    start, m["owners"], m["verb"], m.end(), f"; omvendt ordstilling efter »{lead}«"
                )
                if not _made(clause, text, _near(clause, text), sentence, reader):
                    clause = None
        absorbed = any(c.owners == subject for c in found)  # "formulerer … og sender …": one task
        if (
            clause is None
            and subject
            and not absorbed
            and re.search(r"\s(?:og|samt)\s+$", text[max(0, start - 12) : start])
        ):
            if m := re.compile(r"(?P<verb>[a-zæøå]+)\b").match(text, start):
                clause = _Clause(start, subject, m["verb"], m.end(), "; samme subjekt før »og«")
                if not _made(clause, text, _near(clause, text), sentence, reader):
                    clause = None
        if clause:
            found.append(clause)
            taken_until = clause.end
    # A task ends where the next clause with its own owner begins.
    made = []
    for n, clause in enumerate(found):
        limit = found[n + 1].start if n + 1 < len(found) else len(text)
        if p := _made(clause, text, limit, sentence, reader):
            made.append(p)
    return made


def _near(clause: _Clause, text: str) -> int:
    """Enough of the text after a clause's verb to tell whether it makes a task (a sentence
    thousands of words long is read in bounded steps)."""
    return min(len(text), clause.end + 400)


def _made(clause: _Clause, text: str, limit: int, sentence: str, reader: Reader) -> Proposal | None:
    end = CLAUSE_END.search(text, clause.end, limit)
    rest = text[clause.end : end.start() if end else limit]
    rest = _before_new_subject(rest)
    rest = re.sub(r"(?:[,;:]|\s(?:og|men|samt|så))\s*$", "", rest.rstrip())
    p = _proposal(clause.owners, clause.verb, rest, sentence, reader, clause.at_start)
    if p:
        p.reason += clause.how
    return p


def remember_people(reader: Reader, sentence: str, found: list[Proposal]) -> None:
    """The person "han"/"hun" in the next sentence points to: this sentence's owner or name."""
    persons = [o for p in found for o in p.owners if not is_body(o) and o.casefold() != "vi"]
    if len(persons) == 1:
        reader.last_person = persons[0]
        return
    known = reader.first_names()
    names = [w for w in re.findall(rf"\b{NAME}", sentence)[1:] if w.casefold() in known]
    first = re.match(rf"{NAME}", sentence)
    if first and first[0].casefold() in known:
        names.insert(0, first[0])
    if len(set(names)) == 1:
        reader.last_person = names[0]
    elif names:
        reader.last_person = None


def with_context(found: list[Proposal], previous: str | None, item: str | None) -> list[Proposal]:
    """ "Jette og Nina arbejder videre med dette": the title says which item "dette" is about."""
    for proposal in found:
        if len(proposal.what.split()) <= 6 and ANAPHOR.search(proposal.what):
            if previous:
                proposal.source = f"{previous} {proposal.source}"
            if item:
                proposal.what = f"{proposal.what} (ang. {item})"
    return found
