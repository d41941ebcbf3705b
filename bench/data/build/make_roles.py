#!/usr/bin/env python3
"""Build bench/data/names_roles.jsonl (tqcheck eval format): a person's role before a
near-miss surname ("Bundeskanzler Olaf Schulz").

Stdlib only, deterministic (``random.Random(20261206)``). People: every person of
glossaries/names.tbx whose ``x-role`` this script can read (its own patterns below,
written apart from tqcheck's ``[roles]`` table). For each person and language (de, en,
fr) one sentence frame, one wording of the role, and:

* an error row: the surname one edit off (a letter substituted, dropped, doubled, or two
  swapped), never a form the names data holds;
* a control row: the same sentence with the name as the data writes it (``kept_name``);
* per language, rows with a role before people who are not in the names data (invented,
  one per frame), as ``kept_name`` negatives: a near miss of a known person there would be
  a false alarm.

The role wordings mix the ones a reader meets most ("Bundeskanzler", "President") with
others ("Regierungschef" for a chancellor, "top diplomat", "PM", "Chefdiplomatin"): recall
is measured on wordings tqcheck's table may not hold. Origins are ``person:<concept id>``
(and ``other:<name>`` for the invented people), split by origin with splits.assign.

    python bench/data/build/make_roles.py
"""

from __future__ import annotations

import json
import random
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import assign  # noqa: E402

TBX = ROOT / "glossaries" / "names.tbx"
OUT = ROOT / "bench" / "data" / "names_roles.jsonl"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# x-role pattern -> per language, per gender, role wordings ({first} {last})
ROLES: list[tuple[str, dict[str, dict[str, list[str]]]]] = [
    (
        r"(?<![\w-])chancellor\b",  # not a vice-chancellor
        {
            "de": {
                "m": ["Bundeskanzler {first} {last}", "Kanzler {last}", "Regierungschef {last}"],
                "f": ["Bundeskanzlerin {first} {last}", "Kanzlerin {last}", "Altkanzlerin {last}"],
            },
            "en": {
                "m": ["Chancellor {first} {last}", "German Chancellor {last}"],
                "f": ["Chancellor {first} {last}", "former Chancellor {last}"],
            },
            "fr": {
                "m": ["le chancelier {first} {last}", "le chancelier allemand {last}"],
                "f": ["la chancelière {first} {last}", "l'ex-chancelière {last}"],
            },
        },
    ),
    (
        r"^president of|\bpresident (of|since)\b",
        {
            "de": {
                "m": ["Präsident {first} {last}", "Staatschef {last}", "Staatsoberhaupt {last}"],
                "f": ["Präsidentin {first} {last}", "Staatschefin {last}"],
            },
            "en": {
                "m": ["President {first} {last}", "the president, {first} {last},"],
                "f": ["President {first} {last}", "the head of state, {last},"],
            },
            "fr": {
                "m": ["le président {first} {last}", "le chef de l'État {last}"],
                "f": ["la présidente {first} {last}"],
            },
        },
    ),
    (
        r"\bprime minister\b",
        {
            "de": {
                "m": ["Premierminister {first} {last}", "Regierungschef {first} {last}"],
                "f": ["Premierministerin {first} {last}", "Regierungschefin {last}"],
            },
            "en": {
                "m": ["Prime Minister {first} {last}", "PM {last}"],
                "f": ["Prime Minister {first} {last}", "premier {last}"],
            },
            "fr": {
                "m": ["le Premier ministre {first} {last}", "le chef du gouvernement {last}"],
                "f": ["la Première ministre {first} {last}"],
            },
        },
    ),
    (
        r"\bforeign (minister|secretary)\b",
        {
            "de": {
                "m": ["Außenminister {first} {last}", "Chefdiplomat {last}"],
                "f": ["Außenministerin {first} {last}", "Chefdiplomatin {last}"],
            },
            "en": {
                "m": ["Foreign Minister {first} {last}", "top diplomat {last}"],
                "f": ["Foreign Minister {first} {last}", "top diplomat {last}"],
            },
            "fr": {
                "m": ["le ministre des Affaires étrangères {first} {last}"],
                "f": ["la ministre des Affaires étrangères {first} {last}"],
            },
        },
    ),
    (
        r"\b(defence|defense|armed forces) minister\b",
        {
            "de": {
                "m": ["Verteidigungsminister {first} {last}", "Wehrminister {last}"],
                "f": ["Verteidigungsministerin {first} {last}"],
            },
            "en": {
                "m": ["Defence Minister {first} {last}", "defense chief {last}"],
                "f": ["Defence Minister {first} {last}"],
            },
            "fr": {
                "m": ["le ministre de la Défense {first} {last}", "le ministre des Armées {last}"],
                "f": ["la ministre de la Défense {first} {last}"],
            },
        },
    ),
    (
        r"\bmayor\b",
        {
            "de": {
                "m": ["Bürgermeister {first} {last}", "Stadtoberhaupt {last}"],
                "f": ["Bürgermeisterin {first} {last}"],
            },
            "en": {"m": ["Mayor {first} {last}"], "f": ["Mayor {first} {last}"]},
            "fr": {"m": ["le maire {first} {last}"], "f": ["la maire {first} {last}"]},
        },
    ),
]

FRAMES = {
    "de": [
        "{R} sagte am Dienstag, die Gespräche seien konstruktiv gewesen.",
        "Am Abend traf {R} Vertreter der Opposition.",
        "Nach Angaben von {R} soll das Paket noch vor dem Sommer kommen.",
        "Kritik an {R} kam vor allem aus den eigenen Reihen.",
    ],
    "en": [
        "{R} said on Tuesday that the talks had been constructive.",
        "Later that evening, {R} met opposition leaders.",
        "According to {R}, the package should arrive before the summer.",
        "Criticism of {R} came mainly from within the party.",
    ],
    "fr": [
        "{R} a déclaré mardi que les discussions avaient été constructives.",
        "Dans la soirée, {R} a rencontré des représentants de l'opposition.",
        "Selon {R}, le paquet devrait arriver avant l'été.",
        "Les critiques contre {R} sont venues surtout de son propre camp.",
    ],
}

# people with a role who are not in the names data (invented): (first, last, gender)
OTHERS = [
    ("Marek", "Novak", "m"),
    ("Helga", "Brandner", "f"),
    ("Tomas", "Lindqvist", "m"),
    ("Ines", "Carvalho", "f"),
    ("Pavel", "Dvorak", "m"),
    ("Sanna", "Virtanen", "f"),
    ("Dariusz", "Kowal", "m"),
    ("Elena", "Marinescu", "f"),
    ("Jonas", "Petersen", "m"),
    ("Aylin", "Demir", "f"),
    ("Viktor", "Hallberg", "m"),
    ("Maren", "Vogt", "f"),
]
SIMILAR = {
    "a": "e",
    "e": "a",
    "i": "y",
    "y": "i",
    "o": "u",
    "u": "o",
    "c": "k",
    "k": "c",
    "s": "z",
    "z": "s",
    "t": "d",
    "d": "t",
    "m": "n",
    "n": "m",
    "v": "w",
    "w": "v",
}


def people() -> list[dict[str, object]]:
    """Persons with their x-role, gender and per-language (first, last) from names.tbx."""
    out = []
    for entry in ET.parse(TBX).getroot().iter():
        if not entry.tag.endswith("conceptEntry") and not entry.tag.endswith("termEntry"):
            continue
        cid = entry.get("id") or ""
        if not cid.startswith("person"):
            continue
        info = {
            d.get("type"): (d.text or "")
            for d in entry.iter()
            if d.tag.endswith("descrip") and d.get("type")
        }
        role = info.get("x-role", "").lower()
        names: dict[str, tuple[str, str]] = {}
        forms: set[str] = set()
        for lang_set in entry.iter():
            if not lang_set.tag.endswith("langSet"):
                continue
            lang = (lang_set.get(XML_LANG) or "").split("-")[0]
            for term in lang_set.iter():
                if term.tag.endswith("term") and term.text:
                    forms.update(w.lower() for w in term.text.split())
            full = [
                t.text.strip()
                for t in lang_set.iter()
                if t.tag.endswith("term") and t.text and len(t.text.split()) == 2
            ]
            if full and lang in FRAMES and lang not in names:
                first, last = full[0].split()
                names[lang] = (first, last)
        if role and names:
            gender = "f" if info.get("x-gender", "").lower().startswith("f") else "m"
            out.append({"id": cid, "role": role, "gender": gender, "names": names, "forms": forms})
    return out


def corrupt(last: str, rng: random.Random, forbidden: set[str]) -> str | None:
    """One edit in the surname after its first letter; None when no new form comes out."""
    for _ in range(20):
        i = rng.randrange(1, len(last))
        how = rng.choice(["sub", "drop", "double", "swap"])
        if how == "sub" and last[i].lower() in SIMILAR:
            new = last[:i] + SIMILAR[last[i].lower()] + last[i + 1 :]
        elif how == "drop" and len(last) > 4:
            new = last[:i] + last[i + 1 :]
        elif how == "double" and last[i].isalpha():
            new = last[:i] + last[i] + last[i:]
        elif how == "swap" and i + 1 < len(last) and last[i] != last[i + 1]:
            new = last[:i] + last[i + 1] + last[i] + last[i + 2 :]
        else:
            continue
        if new.lower() not in forbidden and new != last:
            return new
    return None


def row(
    rid: str,
    origin: str,
    lang: str,
    frame: str,
    role: str,
    first: str,
    last: str,
    wrong: str | None,
) -> dict[str, object]:
    written = wrong or last
    phrase = role.format(first=first, last=written)
    text = frame.format(R=phrase)
    if text[0].islower():
        text = text[0].upper() + text[1:]
    at = text.lower().index(phrase.lower()) + phrase.index(written)
    start = text.index(written, at)
    span = {"start": start, "end": start + len(written), "text": written}
    out: dict[str, object] = {"id": rid, "origin": origin, "lang": lang, "target": text}
    if wrong:
        out["errors"] = [
            {
                "category": "Fluency/Spelling/Name",
                "severity": "Major",
                "kind": "role_near_miss",
                **span,
            }
        ]
    else:
        out["errors"] = []
        out["negatives"] = [{"kind": "kept_name", **span}]
    return out


def main() -> None:
    rng = random.Random(20261206)
    rows: list[dict[str, object]] = []
    forbidden = set()
    persons = people()
    for p in persons:
        forbidden |= p["forms"]  # type: ignore[operator]
    for p in persons:
        family = next(
            (forms for pattern, forms in ROLES if re.search(pattern, str(p["role"]))), None
        )
        if family is None:
            continue
        for lang, (first, last) in sorted(p["names"].items()):  # type: ignore[union-attr]
            wordings = family[lang][str(p["gender"])]
            role = rng.choice(wordings)
            frame = rng.choice(FRAMES[lang])
            wrong = corrupt(last, rng, forbidden)
            origin = f"person:{p['id']}"
            base = f"roles/{lang}/{p['id']}"
            if wrong:
                rows.append(row(f"{base}/err", origin, lang, frame, role, first, last, wrong))
            rows.append(row(f"{base}/ctl", origin, lang, frame, role, first, last, None))
    for lang in FRAMES:
        for k, (first, last, gender) in enumerate(OTHERS):
            _pattern, family = ROLES[k % len(ROLES)]
            role = rng.choice(family[lang][gender])
            frame = FRAMES[lang][k % len(FRAMES[lang])]
            rows.append(
                row(
                    f"roles/{lang}/other/{k}",
                    f"other:{first}-{last}",
                    lang,
                    frame,
                    role,
                    first,
                    last,
                    None,
                )
            )
    split = assign((str(r["lang"]), str(r["origin"])) for r in rows)
    for r in rows:
        r["split"] = split[(str(r["lang"]), str(r["origin"]))]
        t = str(r["target"])
        for s in list(r["errors"]) + list(r.get("negatives", [])):  # type: ignore[arg-type]
            assert t[s["start"] : s["end"]] == s["text"], (t, s)
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    errors = sum(1 for r in rows if r["errors"])
    print(f"{OUT.name}: {len(rows)} rows, {errors} near misses, {len(persons)} people read")


if __name__ == "__main__":
    main()
