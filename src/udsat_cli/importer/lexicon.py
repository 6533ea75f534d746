"""The Danish words the importer reasons with.

Closed word classes (pronouns, modals, auxiliaries, conjunctions, subordinators, prepositions,
mid-field adverbs) are written out here in full. Open classes come from Stavekontrolden, the
Danish spelling dictionary Debian ships as hunspell-da: every verb's infinitive, present tense,
past tense and participle (``udsat_cli/data/da/verber.tsv``) and the proper names
(``udsat_cli/data/da/egennavne.txt``), both made by ``scripts/make_lexicon.py``. The few semantic verb classes below (verbs that state,
report or feel rather than commit to a task) are the importer's own judgement.
"""

from __future__ import annotations

from functools import cache

SUBJECT_PRONOUNS = {"jeg", "du", "han", "hun", "den", "det", "vi", "i", "de", "man", "denne",
                    "dette", "disse", "der", "hvem", "hvad", "nogen", "noget", "ingen", "intet"}  # fmt: skip
OBJECT_PRONOUNS = {"mig", "dig", "ham", "hende", "os", "jer", "dem", "sig", "det", "den",
                   "dette", "denne", "disse"}  # fmt: skip
# Modals that commit ("Søren vil lægge …", "Jette skal ringe …", "Allan må tage …") and those that
# only allow, suggest or report ("kan", "kunne", "bør", "skulle", "ville").
COMMITTING_MODALS = {"vil", "skal", "må"}
OTHER_MODALS = {"kan", "kunne", "skulle", "ville", "burde", "bør", "måtte", "tør", "turde",
                "gider", "gad"}  # fmt: skip
AUXILIARIES = {"har", "havde", "er", "var", "bliver", "blev", "blive", "være", "have", "været",
               "haft"}  # fmt: skip
COORDINATORS = {"og", "eller", "men", "samt", "for", "så"}
SUBORDINATORS = {"at", "hvis", "når", "da", "fordi", "selvom", "skønt", "mens", "som", "der",
                 "hvor", "om", "før", "inden", "indtil", "hvorfor", "hvordan", "hvornår",
                 "hvilket", "idet", "så længe", "medmindre", "end"}  # fmt: skip
PREPOSITIONS = {"af", "efter", "for", "fra", "før", "gennem", "hos", "i", "imod", "inden",
                "langs", "med", "mellem", "mod", "om", "omkring", "over", "på", "til", "uden",
                "under", "ved", "via", "bag", "blandt", "hen", "ud", "ind", "op", "ned"}  # fmt: skip
NEGATIONS = {"ikke", "aldrig", "ingen", "intet", "ej"}
QUANTIFIERS = {"alle", "ingen", "nogle", "mange", "flere", "begge", "hver", "enhver", "få",
               "enkelte", "resten", "nogen", "samtlige", "flertallet"}  # fmt: skip
# Adverbs that stand between subject and verb or between a modal and its infinitive.
MIDFIELD_ADVERBS = {"også", "gerne", "lige", "evt.", "evt", "eventuelt", "nok", "så", "nu", "selv",
                    "først", "snarest", "videre", "allerede", "fortsat", "stadig", "altid",
                    "bare", "blot", "igen", "jo", "vel", "dog", "derfor", "herefter", "desuden",
                    "endvidere", "samtidig", "meget", "rigtig", "hellere", "straks", "hurtigt",
                    "løbende", "fremover", "senere", "snart", "derefter", "efterfølgende",
                    "godt", "personligt", "hver", "især", "primært", "sammen",
                    "kun", "endelig", "faktisk", "måske"}  # fmt: skip
HEDGES = {"evt.", "evt", "eventuelt", "måske", "muligvis", "formentlig", "nok"}
# Words that open a main clause and push the finite verb before the subject (V2 inversion):
# "Desuden vil Peter undersøge …", "Det har Lone styr på", "Til næste møde tager Søren …".
INVERSION_OPENERS = {"desuden", "derefter", "herefter", "så", "nu", "endvidere", "samtidig",
                     "også", "derfor", "dernæst", "efterfølgende", "først", "bagefter",
                     "dette", "det", "den", "det her", "det punkt", "den del", "den opgave",
                     "opgaven", "til næste møde", "inden næste møde", "til sidst",
                     "i mellemtiden", "i den forbindelse", "i første omgang",
                     "fremover", "i morgen", "snarest"}  # fmt: skip
# Role nouns that can own a task; bodies are recognised by their ending (…rådet, …bestyrelsen).
ROLE_NOUNS = {"formanden", "næstformanden", "sekretæren", "sekretariatet", "forvaltningen",
              "administrationen", "referenten", "kassereren", "tovholderen", "tovholderne",
              "arbejdsgruppen", "udvalget", "ledelsen", "konsulenten", "koordinatoren",
              "kontaktpersonen", "webmasteren", "redaktøren", "driften", "formandskabet",
              "sekretariatslederen", "centerchefen", "direktøren", "repræsentanten",
              "styregruppen", "følgegruppen", "festudvalget", "koncertudvalget", "kasserer",
              "formand", "næstformand", "sekretær", "medlemmerne", "rådsmedlemmerne",
              "bestyrelsesmedlemmerne"}  # fmt: skip
# Outsiders: people the minutes talk about but who promised nothing at this table.
OUTSIDER_NOUNS = {"beboerne", "borgerne", "brugerne", "borgeren", "brugeren", "beboeren",
                  "politikerne", "byrådet", "kommunalbestyrelsen", "regionsrådet", "kommunen",
                  "regionen", "staten", "forældrene", "pårørende", "de pårørende",
                  "medarbejderne", "personalet", "eleverne", "studerende", "de studerende",
                  "folk", "mange", "nogle", "gæsterne", "deltagerne", "naboerne",
                  "ministeriet", "folketinget", "regeringen", "pressen", "avisen"}  # fmt: skip
# Present-tense verbs that state, report, feel or describe, not commit: "Mads oplever …",
# "Formanden orienterer om …" (that happens at the meeting, it is not a follow-up).
NOT_TASK_VERBS = {"være", "have", "blive", "mene", "synes", "sige", "fortælle", "opleve", "føle",
                  "tro", "håbe", "vide", "kende", "hedde", "bo", "ligge", "sidde", "stå",
                  "orientere", "informere", "oplyse", "berette", "nævne", "bemærke",
                  "understrege", "takke", "rose", "støtte", "anbefale", "tilslutte", "godkende",
                  "vedtage", "beslutte", "drøfte", "konstatere", "redegøre", "fremlægge",
                  "præsentere", "mangle", "savne", "glæde", "ønske", "foretrække", "gælde",
                  "betyde", "handle", "dreje", "komme", "gå", "deltage", "høre", "se", "finde",
                  "vise", "virke", "fungere", "koste", "tage", "give", "holde", "få", "kunne",
                  "ville", "skulle", "måtte", "gerne", "tilbyde", "mødes", "spise", "drikke",
                  "starte", "begynde", "stoppe", "fortsætte", "afvente", "vente", "undre",
                  "bekymre", "opfordre", "efterlyse", "forstå", "acceptere", "erkende",
                  "overveje", "diskutere", "snakke", "tale", "læse", "modtage", "trække", "forlade", "træde", "genopstille", "stille", "melde", "tænke", "forestille", "forvente", "regne", "lyde", "passe", "bruge",
                  "betale", "eje", "miste", "arbejde", "falde", "lære", "lyse", "gøre",
                  "udskyde", "afholde", "foregå", "ske", "lykkes", "nå", "leve", "vinde",
                  "tabe", "hjælpe", "fylde", "rumme", "dække", "indeholde", "omfatte", "satse",
                  "aftale"}  # fmt: skip
# …but these verbs commit when a particle or object follows: "tager kontakt", "går videre med".
PARTICLE_TASKS = {
    "tage": (
        "kontakt",
        "fat",
        "sig af",
        "ansvar",
        "med",
        "op",
        "ud",
        "initiativ",
        "billeder",
        "hånd om",
        "rundt",
        "over",
        "imod",
        "et møde",
        "referat",
    ),
    "give": ("besked", "tilbagemelding", "svar", "input", "videre"),
    "holde": ("øje", "kontakt", "styr", "møde", "oplæg"),
    "komme": ("med", "tilbage"),
    "gå": ("videre", "i gang", "ind i", "til"),
    "se": ("på", "nærmere", "om"),
    "finde": ("ud af", "en", "et", "frem", "dato", "tid"),
    "tale": ("med",),
    "stå": ("for",),
    "snakke": ("med",),
    "melde": ("tilbage", "ud"),
    "gøre": ("klar", "noget ved", "det færdigt", "opmærksom"),
    "arbejde": ("videre", "på", "med"),
    "læse": ("korrektur", "op på"),
    "stille": ("op", "forslag"),
    "høre": ("om", "til", "efter", "nærmere"),
    "starte": ("op på", "arbejdet"),
    "hjælpe": ("til", "med"),
    "aftale": ("nærmere", "et møde", "møde", "en tid", "tid", "med", "en aftale", "det nærmere"),
}
# Verbs that report at the meeting ("Formanden orienterer om …") but promise a report when a
# later meeting is named ("Forvaltningen orienterer om tilsynet på næste møde").
REPORTING = {"orientere", "informere", "redegøre", "fremlægge", "præsentere", "berette",
             "oplyse"}  # fmt: skip
# "Tine lovede at tage billeder", "Jens påtog sig at …": a promise in so many words.
PROMISES = {"lover": "love", "lovede": "love", "påtager": "påtage", "påtog": "påtage",
            "tilbyder": "tilbyde", "tilbød": "tilbyde"}  # fmt: skip
# "… har styr på", "… har opgaven", "… står for": idioms of owning a task.
OWNING_IDIOMS = ("har styr på", "har opgaven", "har ansvaret", "har kontakten", "står for",
                 "tager ansvaret", "tager sig af", "tager den", "tager opgaven", "påtager sig",
                 "sørger for", "har bolden", "følger op")  # fmt: skip
# What a council is asked to do at the meeting itself, in municipal templates:
# "Rådet skal tage stilling til …", "Udvalget skal godkende …".
AGENDA_ASKS = {"tage stilling", "godkende", "beslutte", "drøfte", "behandle", "orienteres",
               "vedtage", "udtale", "komme med", "afgive", "høres"}  # fmt: skip


@cache
def verbs() -> dict[str, dict[str, str]]:
    """{"present": {form: infinitive}, "past": {…}, "participle": {…}, "infinitive": {…}}."""
    from udsat_cli.datafiles import load_lines

    table: dict[str, dict[str, str]] = {
        "infinitive": {}, "present": {}, "past": {}, "participle": {}
    }  # fmt: skip
    for line in load_lines("da/verber.tsv"):
        columns = (line.split("\t") + ["", "", ""])[:4]
        infinitive = columns[0]
        table["infinitive"][infinitive] = infinitive
        for kind, cell in zip(("present", "past", "participle"), columns[1:], strict=True):
            for form in filter(None, cell.split(",")):
                table[kind].setdefault(form, infinitive)
    # The dictionary lists the irregular present tenses of the auxiliaries with their past.
    for form, infinitive in (
        ("har", "have"),
        ("er", "være"),
        ("bliver", "blive"),
        ("gør", "gøre"),
        ("ser", "se"),
        ("går", "gå"),
        ("står", "stå"),
        ("får", "få"),
        ("ved", "vide"),
        ("tør", "turde"),
        ("dør", "dø"),
        ("ler", "le"),
    ):
        table["present"][form] = infinitive
        table["past"].pop(form, None)
    return table


@cache
def proper_names() -> frozenset[str]:
    from udsat_cli.datafiles import load_lines

    return frozenset(load_lines("da/egennavne.txt"))


def infinitive_of_present(word: str) -> str | None:
    """ "tager" -> "tage", "sørger" -> "sørge"; None when the word is not a present tense."""
    return verbs()["present"].get(word.lower())


def is_infinitive(word: str) -> bool:
    return word.lower() in verbs()["infinitive"]


def is_past(word: str) -> bool:
    """Past tense or participle: "kontaktede", "sendt", "spurgte" (what was done, not promised)."""
    w = word.lower()
    table = verbs()
    return (w in table["past"] or w in table["participle"]) and w not in table["present"]


def is_proper_name(word: str) -> bool:
    return word in proper_names()
