"""Who promised to do what, read from Danish prose.

A proposal is a subject that can own a task (a person, a unit like "forvaltningen", the council
itself) followed by a task verb: present tense ("Jette tager kontakt til AP", "Carina sørger for
…"), a modal with an infinitive ("Søren vil gerne lægge …"), or the forms "Det aftales, at X …",
"X: opgave", "opgave – ansvarlig: X", "X har opgaven" and "<rådets> … skal afleveres …". Not
proposals: what was done (past tense), what somebody merely can, could or should ("kan overveje",
"bør"), statements ("vil gerne understrege"), negations, events people attend, and the
sagsfremstilling, which describes the case before the meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from udsat_cli.importer.fields import is_body

UPPER = "A-ZÆØÅ"
NAME = rf"[{UPPER}][\wæøåéü'’-]*\.?"
PERSON = rf"{NAME}(?:\s+{NAME}){{0,2}}"
UNIT = rf"{NAME}\s+&\s+{NAME}"
BODY = (
    r"(?:hele\s+|alle\s+)?(?:medlemmerne(?:\s+af\s+\w*rådet)?|rådsmedlemmerne|rådet|\w+rådet"
    r"|bestyrelsen|bestyrelsesmedlemmerne|vi)"
)
ROLE = (
    r"(?:formanden|næstformanden|sekretæren|sekretariatet|forvaltningen|administrationen"
    r"|referenten|driften|kassereren|tovholderen|arbejdsgruppen|udvalget)"
)
ATOM = rf"(?:{UNIT}|{PERSON}|(?i:{BODY})|(?i:{ROLE}))"
OWNERS = rf"(?P<owners>{ATOM}(?:\s*(?:,|\bog\b|&)\s*{ATOM})*)"
ADVERBS = (
    r"(?:\s+(?:også|gerne|evt\.|eventuelt|derefter|så|nu|selv|først|snarest|hurtigst\s+muligt"
    r"|meget\s+gerne|rigtig\s+gerne|videre))*"
)
MODAL = (
    r"(?:vil|skal|må|påtager\s+sig\s+at|lover\s+at|har\s+lovet\s+at|tilbyder\s+at"
    r"|sørger\s+for\s+at)"
)
VERB = rf"(?P<verb>{MODAL}{ADVERBS}\s+(?P<inf>[a-zæøå]+)|(?P<present>[a-zæøå]+(?:er|r)))\b"
PATTERN = re.compile(rf"(?:^|(?<=[\s,;:–(-]))(?<!\w){OWNERS}{ADVERBS},?\s+{VERB}")

STOP_OWNERS = {
    "der", "det", "den", "de", "dem", "hvis", "her", "hvad", "hvordan", "når", "man", "som", "og",
    "men", "herefter", "dette", "disse", "hvor", "efter", "i", "på", "til", "for", "fra", "med",
    "næste", "forslag", "ingen", "alle", "nogle", "mange", "flere", "begge", "evt", "evt.", "så",
    "punkt", "pkt", "ad", "referat", "dagsorden", "mødet", "samtidig", "generelt", "endelig",
}  # fmt: skip
PRESENT = {
    "tager", "sørger", "kontakter", "formulerer", "udarbejder", "skriver", "sender", "undersøger",
    "følger", "arbejder", "taler", "inviterer", "indkalder", "laver", "tjekker", "spørger",
    "finder", "booker", "bestiller", "koordinerer", "rundsender", "udsender", "opdaterer",
    "gennemgår", "afklarer", "kigger", "ser", "ringer", "mailer", "skaffer", "lægger", "samler",
    "retter", "forbereder", "planlægger", "arrangerer", "giver", "går", "henvender", "indhenter",
    "kommer", "melder", "deler", "printer", "trykker", "køber", "reserverer", "opretter",
    "prioriterer", "påtager", "beregner", "holder", "tilretter", "færdiggør",
    "afleverer", "videresender", "fremsender", "svarer", "besøger", "aftaler", "foreslår",
}  # fmt: skip
NOT_TASKS = {"være", "blive", "have", "understrege", "bemærke", "takke", "orientere", "informere",
             "nævne", "deltage", "høre", "kunne", "gerne", "få", "se", "finde"}  # fmt: skip
# Danish nouns in the definite form, capitalised at the start of a sentence, are not people:
# "Uddelingen vil finde sted", "Gennemgangen af …".
NOUN_ENDINGS = ("ingen", "ningen", "elsen", "heden", "erne", "ene", "skabet", "eriet", "ionen")
ANAPHOR = re.compile(r"\b(?:dette|det|denne|disse|dem|sagen|punktet)\b", re.I)
NEGATION = re.compile(r"^\s*(?:ikke|aldrig|ingen)\b")
PASSIVE_BODY = re.compile(
    rf"^(?P<owner>[{UPPER}]\w*(?:rådets|bestyrelsens|udvalgets))\s.+?\s(?:skal|må)\s+(?:\w+\s+)?(?P<verb>\w+es)\b"
)
AGREED = re.compile(r"\b(?:det\s+aftales|det\s+blev\s+aftalt|aftalt),?\s+at\s+", re.I)
RESPONSIBLE = re.compile(r"^(?P<what>.+?)\s*[–-]\s*ansvarlige?\s*:\s*(?P<owners>.+?)\.?$", re.I)
HAS_TASK = re.compile(
    rf"^(?P<what>.+?)[,.–-]?\s+(?P<owners>{PERSON}(?:\s+og\s+{PERSON})?)\s+har\s+opgaven\b"
)
COLON_TASK = re.compile(
    rf"^(?P<owners>{PERSON}(?:\s*(?:,|og)\s*{PERSON})*)\s*:\s*(?P<what>[a-zæøå].+)$"
)


@dataclass
class Proposal:
    owners: list[str]
    what: str
    source: str
    deadline_text: str | None = None
    deadline: date | None = None
    anchored: bool = False


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+(?=[\"”«“]?[A-ZÆØÅ0-9])", text)
    return [p.strip() for p in parts if p.strip()]


def split_owners(text: str) -> list[str]:
    owners = []
    for part in re.split(r"\s*,\s*|\s+og\s+", text):
        part = part.strip()
        if part:
            owners.append(part)
    return owners


def _owner_ok(owners: list[str]) -> bool:
    for owner in owners:
        words = owner.lower().split()
        if not words or words[0] in STOP_OWNERS:
            return False
        body = is_body(owner) or re.fullmatch(ROLE, words[0])
        if len(words) == 1 and owner[0].isupper() and words[0].endswith(NOUN_ENDINGS) and not body:
            return False
    return True


def _verb_ok(m: re.Match[str]) -> bool:
    if m["inf"]:
        return m["inf"] not in NOT_TASKS and not (m["inf"].endswith("es") and len(m["inf"]) > 4)
    word = m["present"]
    if word not in PRESENT:
        return False
    rest = m.string[m.end() :]
    if word == "melder" and not rest.lstrip().startswith("tilbage"):
        return False  # "Driften melder, at …" reports; "melder tilbage" is a task
    if word == "taler" and not re.match(r"\s+(?:\w+\s+)?med\b", rest):
        return False  # "taler med Martin" is a task; "taler om ensomhed" is talk
    if word in ("holder", "ser", "går", "kommer", "giver") and not re.match(
        r"\s+(?:øje|på|i\s+gang|med|videre|tilbage|besked)", rest
    ):
        return False
    return True


def _what(sentence: str, start: int, end: int) -> str:
    return sentence[start:end].strip(" ,;:–-.")


def with_context(found: list[Proposal], previous: str | None) -> list[Proposal]:
    """ "Jette og Nina arbejder videre med dette": the sentence before says what "dette" is."""
    if previous:
        for proposal in found:
            if len(proposal.what.split()) <= 6 and ANAPHOR.search(proposal.what):
                proposal.source = f"{previous} {proposal.source}"
    return found


def proposals(sentence: str) -> list[Proposal]:
    """Every action a sentence proposes; a sentence may hold several ("X gør …, og Y gør …")."""
    found: list[Proposal] = []
    if m := RESPONSIBLE.match(sentence):
        return [Proposal(split_owners(m["owners"]), m["what"].strip(), sentence)]
    if m := HAS_TASK.match(sentence):
        return [Proposal(split_owners(m["owners"]), m["what"].strip(), sentence)]
    if m := COLON_TASK.match(sentence):
        if _owner_ok(split_owners(m["owners"])):
            return [Proposal(split_owners(m["owners"]), m["what"].strip(), sentence)]
    if m := PASSIVE_BODY.match(sentence):
        return [Proposal([m["owner"][:-1]], sentence.strip(" ."), sentence)]
    text = AGREED.sub("", sentence) if AGREED.search(sentence) else sentence
    matches = [m for m in PATTERN.finditer(text) if _verb_ok(m)]
    matches = [m for m in matches if _owner_ok(split_owners(m["owners"]))]
    matches = [m for m in matches if not NEGATION.match(text[m.end() :])]
    for n, m in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        end = _clause_end(text, m.end(), end)
        found.append(
            Proposal(split_owners(m["owners"]), _what(text, m.start("verb"), end), sentence)
        )
    return found


def _clause_end(text: str, start: int, limit: int) -> int:
    """Where the clause of a match ends: a dash, a semicolon or "og <Name> <verb>" ends it."""
    m = re.compile(r"\s[–;]\s|\s-\s").search(text, start, limit)
    return m.start() if m else limit
