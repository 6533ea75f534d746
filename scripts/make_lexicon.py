"""Derive the importer's Danish word lists from Stavekontrolden, the Danish hunspell dictionary.

    apt-get install hunspell-da && python scripts/make_lexicon.py [/usr/share/hunspell/da_DK]

Writes src/udsat_cli/data/da/verber.tsv (every verb with its present, past and participle forms,
read from the dictionary's morphological tags: +NUTID, +DATID, +PERF_PART, +PASSIV,
+PRÆSENS_PART, or from the listed forms of strong verbs) and egennavne.txt beside it (the
dictionary's proper names, its "Proprium" class). The importer reads these instead of word lists
from memory; closed word classes (pronouns, modals, conjunctions ...) are written out in
udsat_cli/importer/lexicon.py.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "udsat_cli" / "data" / "da"
TAGS = {
    "+NUTID": "pres",
    "+DATID": "past",
    "+PERF_PART": "part",
    "+PASSIV": "pass",
    "+PRÆSENS_PART": "ppart",
    "+IMPERATIV": "imp",
}
HEADER = """\
# Afledt af Stavekontrolden {version} (Debian-pakken hunspell-da), (C) Foreningen for frit
# tilgængelige sprogværktøjer, under Mozilla Public License 1.1 (ordbogen er tre-licenseret
# GPL 2.0/LGPL 2.1/MPL 1.1). Lavet med scripts/make_lexicon.py; ret ikke i hånden.
"""


def read_affixes(aff: Path) -> tuple[dict[str, list[tuple[str, str, re.Pattern, str]]], set]:
    """flag -> [(strip, add, condition, kind)] for the suffix rules that make verb forms, and
    the flags of the "Proprium" class (proper names)."""
    rules: dict[str, list] = defaultdict(list)
    propria: set[str] = set()
    comment = ""
    for line in aff.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            comment = line
            continue
        parts = line.split()
        if len(parts) < 5 or parts[0] != "SFX":
            if len(parts) == 4 and parts[0] == "SFX" and "Proprium" in comment:
                propria.add(parts[1])
            continue
        _, flag, strip, add, condition, *morph = parts
        kind = next((TAGS[m] for m in morph if m in TAGS), None)
        if kind is None:
            continue
        strip = "" if strip == "0" else strip
        add = add.split("/")[0]
        add = "" if add == "0" else add
        rules[flag].append((strip, add, re.compile(f"(?:{condition})$"), kind))
    return rules, propria


def _kind_of_listed(infinitive: str, form: str) -> str:
    """What a listed form of a strong verb is ("tog" past, "taget" participle, "tager" present)."""
    if form.endswith(("ende", "endes")):
        return "ppart"
    if form == infinitive + "r" or form == infinitive + "er":
        return "pres"
    if form.endswith("s") and not form.endswith("ss"):
        return "pass"
    if infinitive.endswith("e") and form == infinitive[:-1]:
        return "imp"
    if form.endswith(("et", "t", "en", "ne")) and len(form) > len(infinitive) - 1:
        return "part"
    return "past"


def main() -> int:
    base = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/hunspell/da_DK")
    aff, dic = base.with_suffix(".aff"), base.with_suffix(".dic")
    rules, proprium_flags = read_affixes(aff)
    version = re.search(r"Stavekontrolden version (\S+)", aff.read_text(encoding="utf-8"))
    verbs: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    names: set[str] = set()
    for line in dic.read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip():
            continue
        word, *morph = line.split()
        word, _, flags = word.partition("/")
        flag_list = flags.split(",") if flags else []
        if word[:1].isupper() and proprium_flags & set(flag_list):
            names.add(word)
        listed = [m[3:] for m in morph if m.startswith("al:")]
        if not word.islower() or " " in word:
            continue
        for flag in flag_list:
            for strip, add, condition, kind in rules.get(flag, ()):
                if condition.search(word) and word.endswith(strip):
                    verbs[word][kind].add(word[: len(word) - len(strip)] + add)
        if listed and any(f.endswith("ende") for f in listed):  # a strong or irregular verb
            for form in listed:
                verbs[word][_kind_of_listed(word, form)].add(form)
    OUT.mkdir(parents=True, exist_ok=True)
    head = HEADER.format(version=version[1] if version else "?")
    rows = []
    for infinitive in sorted(verbs):
        forms = verbs[infinitive]
        if not forms["pres"] and not forms["past"]:
            continue  # only a participle or passive: an adjective, not a verb we can read
        columns = [infinitive] + [",".join(sorted(forms[k])) for k in ("pres", "past", "part")]
        rows.append("\t".join(columns))
    (OUT / "verber.tsv").write_text(
        head + "# infinitiv\tnutid\tdatid\tperfektum participium\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    (OUT / "egennavne.txt").write_text(head + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(rows)} verber, {len(names)} egennavne → {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
