#!/usr/bin/env python3
"""Generate the newsidx entity gazetteers (places, given names, surnames).

Usage:
    python3 src/entities/data/gen_gazetteer.py [SHARED_DATA_DIR] [--date YYYY-MM-DD]

SHARED_DATA_DIR defaults to ../../../../shared/data relative to this script
(i.e. /work/shared/data in the newsidx workspace). The outputs are written next to
this script:

    places.tsv          name<TAB>kind<TAB>country<TAB>aliases   (aliases '|'-separated)
    places_dropped.txt  place names / aliases removed by the common-word filter (for review)
    given_names.txt     one first name per line
    surnames.txt        one surname per line
    LICENSE.unicode.txt, LICENSE.faker.txt, LICENSE.opentaal-bag-addresses.txt
                        licence texts copied unchanged from SHARED_DATA_DIR

The product embeds places.tsv / given_names.txt / surnames.txt with include_str!; it never
reads SHARED_DATA_DIR at run time. Only the Python standard library is used and the output
is deterministic (sorted; the only date is the --date value, default DEFAULT_DATE).
See README.md and LICENSES.md in this directory.
"""

import argparse
import csv
import hashlib
import os
import re
import shutil
import sys
import textwrap
import unicodedata

DEFAULT_DATE = "2026-11-29"
GENERATOR_CMD = "python3 src/entities/data/gen_gazetteer.py [SHARED_DATA_DIR]"

KIND_PRIORITY = {"country": 0, "region": 1, "city": 2, "municipality": 3, "town": 4}

# Big cities (Natural Earth pop_max >= this) are never removed by the common-word filter.
BIG_CITY_POP = 1_000_000

# ---------------------------------------------------------------------------------------
# Manual overrides and additions (source "newsidx" in the provenance headers).
# ---------------------------------------------------------------------------------------

# Canonical Dutch name overrides, applied to Natural Earth name_nl and CLDR exemplar-city
# names. Natural Earth name_nl comes from Wikidata labels; a few are dated or odd. The old
# name is kept as an alias.
NAME_OVERRIDES = {
    "Bombay": "Mumbai",            # renamed 1995; Dutch press uses Mumbai
    "Calcutta": "Kolkata",         # renamed 2001 (CLDR nl exemplar city still says Calcutta)
    "Poona": "Pune",               # dated spelling
    "Benares": "Varanasi",         # dated
    "Haiderabad": "Hyderabad",     # odd Wikidata label; Dutch press uses Hyderabad
    "Trivandrum": "Thiruvananthapuram",  # renamed 1991
    "Rangoon": "Yangon",           # renamed 1989; Dutch press uses Yangon (CLDR still Rangoon)
    "Alma-Ata": "Almaty",          # renamed 1993 (CLDR exemplar city still Alma-Ata)
    "Andizan": "Andijan",          # odd transliteration
    "Charkov": "Charkiv",          # Dutch press switched to the Ukrainian form in 2022
    "Washington D.C.": "Washington",
    "Al-Fashir": "El-Fasher",      # spelling used in Dutch news
    "al-Ajoen": "El Aaiún",        # CLDR nl exemplar city name for Laayoune
    "Dirck Gerritsz Laboratorium": "Rothera",  # Wikidata label of a lab at Rothera station
    "Hongkong SAR van China": "Hongkong",      # CLDR long form -> short form
    "Macau SAR van China": "Macau",
    "Myanmar (Birma)": "Myanmar",
}

# Natural Earth name_en / name values that are wrong for the row (data errors in NE 5.0.0);
# keyed by NE name_nl. They are not used as aliases.
NE_BAD_ALIASES = {
    "Cuttack": {"Pochinki"},
    "Oujda": {"Taza"},
    "Mazatlán": {"Juarez"},
    "al-Ajoen": {"souk ahras"},
    "Maradi": {"Niamey"},
    "Dongola": {"Karma"},
    "Hovd": {"Dund-Us"},
}

# Country overrides for Natural Earth rows (NE uses de-facto control or -99).
NE_COUNTRY_OVERRIDES = {
    "Sebastopol": "UA",   # Crimea: ISO 3166 / UN position (NE 5.0.0 says RU)
}
NE_ADM0_COUNTRY = {"Kosovo": "XK", "Somaliland": "SO"}  # for NE iso_a2 == -99

# Extra aliases for rows whose canonical name is given here (after overrides).
EXTRA_ALIASES = {
    "Verenigde Staten": ["Verenigde Staten van Amerika", "USA", "United States of America"],
    "Verenigd Koninkrijk": ["Groot-Brittannië", "Brittannië", "Great Britain"],
    "Nederland": ["Holland"],
    "Belarus": ["Wit-Rusland"],
    "Myanmar": ["Birma", "Burma"],
    # Dutch and Belgian news mean this Congo by the bare name, and older
    # Belgian text spells it with a K.
    "Congo-Kinshasa": ["DR Congo", "Democratische Republiek Congo", "DRC", "Congo", "Kongo",
                       "Democratische Republiek Kongo"],
    "Congo-Brazzaville": ["Republiek Congo"],
    "Verenigde Arabische Emiraten": ["VAE", "Emiraten"],
    "Saoedi-Arabië": ["Saudi-Arabië"],
    "Noord-Macedonië": ["Macedonië"],
    "Vaticaanstad": ["Vaticaan"],
    "Falklandeilanden": ["Malvinas"],
    "Kirgizië": ["Kirgizstan"],
    "Moldavië": ["Moldova"],
    "Kaapverdië": ["Cabo Verde"],
    "Rusland": ["Russische Federatie"],
    "Chennai": ["Madras"],
    "Kiev": ["Kyjiv", "Kyiv"],
    "Odessa": ["Odesa"],
    "Lviv": ["Lemberg"],
    "Charkiv": ["Kharkov"],
    "El-Fasher": ["El Fasher", "Al-Fashir", "Al Fashir"],
    "Den Haag": ["'s-Gravenhage", "The Hague"],
    "Friesland": ["Fryslân"],
    "Vlaanderen": ["Vlaams Gewest", "Flandre", "Flandern", "Flanders"],
    "Wallonië": ["Waals Gewest", "Wallonie", "Wallonien", "Wallonia"],
    "Brussels Hoofdstedelijk Gewest": ["Brussels Gewest"],
}

# Places frequent in Dutch news that the sources lack (or lack under their Dutch name).
# name: (kind, country, aliases). Rows already present from a source just gain the aliases.
NEWSIDX_PLACES = {
    # Israel / Palestinian territories
    "Gaza": ("city", "PS", ["Gaza-Stad", "Gaza City"]),
    "Gazastrook": ("region", "PS", ["Gaza Strip"]),
    "Khan Younis": ("city", "PS", ["Khan Yunis", "Chan Yunis", "Khan Younes"]),
    "Rafah": ("city", "PS", []),
    "Jabalia": ("city", "PS", ["Jabaliya"]),
    "Deir al-Balah": ("city", "PS", ["Deir el-Balah"]),
    "Beit Lahia": ("city", "PS", []),
    "Westelijke Jordaanoever": ("region", "PS", ["Westoever", "West Bank"]),
    "Jenin": ("city", "PS", ["Dzjenin"]),
    "Nablus": ("city", "PS", []),
    "Hebron": ("city", "PS", ["Al-Khalil"]),
    "Oost-Jeruzalem": ("city", "", ["East Jerusalem"]),
    "Golanhoogvlakte": ("region", "", ["Golan", "Golan Heights"]),
    # Ukraine / Russia
    "Donbas": ("region", "UA", ["Donbass", "Donbasregio"]),
    "Krim": ("region", "UA", ["Crimea", "Krym"]),
    "Marioepol": ("city", "UA", ["Mariupol"]),
    "Zaporizja": ("city", "UA", ["Zaporizhzhia", "Zaporozje", "Zaporizhzhya"]),
    "Bachmoet": ("city", "UA", ["Bakhmut", "Artemivsk"]),
    "Cherson": ("city", "UA", ["Kherson"]),
    "Loehansk": ("city", "UA", ["Luhansk", "Lugansk"]),
    "Kramatorsk": ("city", "UA", []),
    "Avdiivka": ("city", "UA", ["Avdijivka"]),
    "Pokrovsk": ("city", "UA", []),
    "Soemy": ("city", "UA", ["Sumy"]),
    "Simferopol": ("city", "UA", []),
    "Koersk": ("city", "RU", ["Kursk"]),
    "Belgorod": ("city", "RU", []),
    "Odessa": ("city", "UA", []),
    "Charkiv": ("city", "UA", ["Kharkiv"]),
    # Sudan / Horn of Africa
    "Darfur": ("region", "SD", []),
    "El-Fasher": ("city", "SD", []),
    "Tigray": ("region", "ET", ["Tigré"]),
    # Middle East / Caucasus
    "Idlib": ("city", "SY", []),
    "Homs": ("city", "SY", []),
    "Erbil": ("city", "IQ", ["Arbil"]),
    "Koerdistan": ("region", "", ["Kurdistan"]),
    "Nagorno-Karabach": ("region", "AZ", ["Nagorno-Karabakh", "Artsach"]),
    "Samarkand": ("city", "UZ", []),
    # Regions / groupings used in news (CLDR has continents only)
    "Midden-Oosten": ("region", "", ["Middle East"]),
    "Balkan": ("region", "", []),
    "Scandinavië": ("region", "", []),
    "Kaukasus": ("region", "", []),
    "Sahel": ("region", "", []),
    "Engeland": ("region", "GB", ["England"]),
    "Schotland": ("region", "GB", ["Scotland"]),
    "Wales": ("region", "GB", []),
    "Noord-Ierland": ("region", "GB", ["Northern Ireland"]),
    # Neighbouring German/French cities missing from Natural Earth 1:50m
    "Keulen": ("city", "DE", ["Köln", "Cologne"]),
    "Aken": ("city", "DE", ["Aachen"]),
    "Düsseldorf": ("city", "DE", ["Dusseldorf"]),
    "Münster": ("city", "DE", ["Munster"]),
    "Duinkerke": ("city", "FR", ["Dunkerque", "Dunkirk"]),
    "Calais": ("city", "FR", []),
}
# Note: "Kremlin" is deliberately absent (a building / metonym for the Russian government).

# Provinces whose bare name is also a (more frequently meant) city or country: the province
# row is named "Provincie X" so that the bare name keeps its city/country meaning.
PROVINCE_DISAMBIG = {"Utrecht", "Groningen", "Antwerpen", "Luik", "Namen", "Luxemburg"}

# Statbel level-1 regions: official name -> name used in Dutch news.
BE_REGION_NAMES = {"Vlaams Gewest": "Vlaanderen", "Waals Gewest": "Wallonië"}

# Dutch municipality name remaps (CBS / BAG official name -> name used in news).
NL_NAME_REMAP = {"'s-Gravenhage": "Den Haag", "Fryslân": "Friesland"}

# CLDR exemplar "cities" that are not cities: tz id -> (kind, country), or None to skip.
EXEMPLAR_KIND = {
    "Etc/Unknown": None,
    "Pacific/Wallis": None,        # "Wallis & Futuna": the territory (country row WF)
    "Indian/Comoro": None,         # "Comores": the island group
    "Atlantic/Azores": ("region", "PT"),
    "Atlantic/Canary": ("region", "ES"),
    "Atlantic/South_Georgia": ("region", "GS"),
    "Indian/Chagos": ("region", "IO"),
    "Pacific/Easter": ("region", "CL"),
    "Pacific/Galapagos": ("region", "EC"),
    "Pacific/Gambier": ("region", "PF"),
    "Pacific/Marquesas": ("region", "PF"),
    "Asia/Kamchatka": ("region", "RU"),
    "Asia/Sakhalin": ("region", "RU"),
}

# CLDR territory codes that are not places or not ISO 3166-1 countries.
CLDR_SKIP_CODES = {"001", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
# Exceptionally reserved / non-ISO codes: treated as regions of the given country.
CLDR_NON_ISO = {"AC": "SH", "TA": "SH", "DG": "IO", "EA": "ES", "IC": "ES", "CP": "FR",
                "CQ": "GG"}

# Municipalities / towns flagged by the common-word filter that are kept anyway: large
# cities and provincial capitals, and names whose flag comes from the place name itself
# or from a rare word (the Snowball vocabulary is a corpus word list that contains
# lower-cased proper names, see ordinary_word()).
PLACE_KEEP = {
    # large cities / provincial capitals whose name is also a word (luik, namen, bergen ...)
    "Leiden", "Gent", "Luik", "Namen", "Bergen",
    # flagged only because of the place name itself, a name, or a rare/spurious form
    "Oss", "Dronten", "Laren", "Voorschoten", "Wierden", "Tienen", "Beveren", "Geleen",
    "Spa", "Etten", "Rutten", "Zenderen", "Annen", "Zoelen", "Welden", "Marke", "Beers", "Mont",
}

# Homonyms where the merged row's kind/country would mislead a Dutch-news reader:
# name -> (kind or None to keep, country). Natural Earth has a small Middelburg (ZA) and
# Bergen (NO); in Dutch news Middelburg is the Zeeland capital and Bergen is ambiguous
# (Bergen NH / Bergen L / Mons / Bergen NO).
HOMONYM_OVERRIDES = {
    "Middelburg": ("municipality", "NL"),
    "Bergen": (None, ""),
}

# First names that are also ordinary Dutch words (or are flagged by the filter) but are
# very common in Dutch/Belgian/international news, checked one by one against voc.txt.
# Checked: Jan, Rob, Hugo, Kees, Peter (in voc.txt, no word forms), Bart, Geert, Sigrid
# (not in voc.txt) pass the filter without help. Deliberately NOT kept: Roos, Beste, Dag,
# Steen, Raden (real words), and stop words that start sentences (Elke, Allen, Anders, Per).
GIVEN_KEEP = {
    "Mark", "Ben", "Frans", "Dick", "Bas", "Piet", "Thomas", "Louis", "Maarten", "Karen",
    "Ellen", "Bram", "Kim", "Ken", "Bill", "Dan", "Ron", "Toon", "Ann", "An", "Bo", "Jo",
    "Kris", "Brit", "Dries", "Leen", "Rein", "Warren", "Violet", "Volker", "Torsten",
}

# Surnames flagged by the filter but very common in Dutch/Belgian news.
SURNAME_KEEP = {
    "Jansen", "Bos", "Kok", "Mol", "Klein", "Groen", "Post", "Engels", "Rutten", "Teunissen",
    "Verbruggen", "Thomas", "Louis", "Constant", "Fransen", "Rietveld", "Winters", "Berends",
    "Aarden",
}
# Faker nl_NL contains joke/medieval entries that are not surnames.
SURNAME_SKIP = {"The Elder"}

# First names of people frequent in international news that the Faker lists lack.
# ("Xi" is a surname, not a first name.)
INTL_FIRST_NAMES = [
    "Vladimir", "Volodymyr", "Wolodymyr", "Joeri", "Sergej", "Sergei", "Sergey", "Dmitri",
    "Dmitry", "Benjamin", "Emmanuel", "Olaf", "Recep", "Tayyip", "Joe", "Kamala", "Donald",
    "Ursula", "Antony", "Narendra", "Jair", "Luiz", "Javier", "Keir", "Rishi", "Giorgia",
    "Viktor", "Aleksandr", "Alexei", "Aleksej", "Jevgeni", "Yevgeny", "Ramzan", "Bashar",
    "Mahmoud", "Yahya", "Ismail", "Hassan", "Ebrahim", "Masoud", "Ali", "Jong-un", "Shinzo",
    "Fumio", "Jens", "Mette", "Pedro", "Mark", "Dick", "Geert", "Sigrid", "Hugo", "Frans",
    "Bart", "Rob", "Caroline", "Pieter", "Wopke", "Dilan", "Hanke", "Kajsa", "Lilian",
]

# ---------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------

INPUTS = {
    "ne": ("natural-earth/ne_50m_populated_places_nl.tsv", "Natural Earth 5.0.0 (public domain)"),
    "cldr_terr": ("cldr-nl/territories_nl.tsv", "Unicode CLDR 48 (Unicode License v3)"),
    "cldr_city": ("cldr-nl/exemplar_cities_nl.tsv", "Unicode CLDR 48 (Unicode License v3)"),
    "cbs": ("nl-places/cbs_gemeenten_alfabetisch_2023.csv",
            "CBS Gemeenten alfabetisch 2023 (CC BY 4.0, Centraal Bureau voor de Statistiek)"),
    "bag": ("nl-places/bag_woonplaatsen_2019.txt",
            "BAG woonplaatsen 2019 via OpenTaal/bag-addresses (MIT)"),
    "statbel": ("be-places/statbel_refnis_2018.csv",
                "Statbel REFNIS 2018 (Statbel open data; no licence stated in the file)"),
    "first": ("given-names/faker_first_names.tsv", "Faker 40.63.0 name lists (MIT)"),
    "last": ("given-names/faker_last_names_nl_be.tsv", "Faker 40.63.0 name lists (MIT)"),
    "voc": ("snowball-dutch/voc.txt",
            "Snowball Dutch test vocabulary (BSD-3-Clause; filter only, not copied)"),
    "stop_sb": ("stopwords-nl/snowball_dutch_stop.words.txt",
                "Snowball Dutch stop list (BSD-3-Clause; filter only, not copied)"),
    "stop_iso": ("stopwords-nl/stopwords-iso_nl.txt",
                 "stopwords-iso Dutch (MIT; filter only, not copied)"),
}

LICENSE_COPIES = [
    ("cldr-nl/LICENSE.unicode.txt", "LICENSE.unicode.txt"),
    ("given-names/LICENSE.faker.txt", "LICENSE.faker.txt"),
    ("nl-places/LICENSE.opentaal-bag-addresses.txt", "LICENSE.opentaal-bag-addresses.txt"),
]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\r\n") for l in f]


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


# ---------------------------------------------------------------------------------------
# Common-word filter
# ---------------------------------------------------------------------------------------

DEVOICE = {"z": "s", "v": "f"}
VOICE = {"s": "z", "f": "v"}


class WordFilter:
    """Decides whether a name is an ordinary Dutch word (it would give false hits when it
    is capitalised at the start of a sentence).

    voc.txt is the word list of a text corpus and also contains lower-cased proper names
    (amsterdam, rotterdam, utrecht, gent, jansen, peter ...): "in voc.txt" alone would drop
    170 of the 342 Dutch municipalities. So a name counts as an ordinary word when it is in
    a stop list, or when it is in voc.txt AND voc.txt also holds an inflected/related form
    that proper names rarely have: plural -en (with consonant doubling and long-vowel
    spelling: mol -> mollen, boom -> bomen), adjective -e, verb forms -t/-te/-de, or, for
    names ending in -en, the singular or verb stem (bergen -> berg, huizen -> huis).
    Diminutives, -s and -er forms are not evidence (names have them too: jantje,
    rotterdams, rotterdammer). The test is a heuristic; PLACE_KEEP / GIVEN_KEEP /
    SURNAME_KEEP correct it, and places_dropped.txt and the name-file headers list its
    decisions for review.
    """

    def __init__(self, voc, stop):
        self.voc = voc
        self.stop = stop

    @staticmethod
    def _forms(w):
        f = {w + s for s in ("en", "e", "t", "te", "de")}
        # short vowel + single consonant: doubling (mol -> mollen, put -> putten)
        if re.search(r"(^|[^aeiouy])[aeiou][^aeiouyw]$", w):
            f |= {w + w[-1] + s for s in ("en", "e")}
        # long vowel written double in a closed syllable: boom -> bomen, roos -> rozen
        m = re.search(r"^(.*[^aeiou])(aa|ee|oo|uu)([^aeiouyw])$", w)
        if m:
            b = m.group(1) + m.group(2)[0] + VOICE.get(m.group(3), m.group(3))
            f |= {b + "en", b + "e"}
        if w.endswith("en") and len(w) > 4:      # verb infinitive: leiden -> leidt, leidde
            r = w[:-2]
            f |= {r + "t", r + "de", r + "te", w + "de"}
        f.discard(w)
        return f

    @staticmethod
    def _stems(w):
        s = set()
        if w.endswith("en") and len(w) > 4:      # plural / infinitive -> singular / stem
            b = w[:-2]
            s |= {b, w[:-1]}
            if re.search(r"(^|[^aeiouy])[aeiou]([^aeiouy])\2$", b):
                s.add(b[:-1])                     # putten -> put
            m = re.search(r"^(.*[^aeiou])([aeou])([^aeiouy])$", b)
            if m:                                 # bomen -> boom, huizen -> huis
                s.add(m.group(1) + m.group(2) * 2 + DEVOICE.get(m.group(3), m.group(3)))
            if b[-1] in DEVOICE:
                s.add(b[:-1] + DEVOICE[b[-1]])
        return {x for x in s if len(x) >= 3}

    def evidence(self, name):
        """Return the evidence list if `name` is an ordinary word, else None."""
        w = name.lower()
        if w in self.stop:
            return ["stopword"]
        if w not in self.voc:
            return None
        ev = sorted((self._forms(w) | self._stems(w)) & self.voc)
        return ev or None


# ---------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------

def fold(s):
    """Lookup key as in the product (gazetteer.rs key()): NFKD, combining marks removed,
    U+2019 as ', lower case, single spaces."""
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = "".join(ch.lower() for ch in s.replace("\u2019", "'"))
    return " ".join(s.split())


def english_forms(s):
    """English CLDR names -> usable aliases ('&' -> 'and', 'St.' -> 'Saint')."""
    if not s or " - " in s or "(" in s:
        return set()
    out = {s}
    if " & " in s:
        out = {s.replace(" & ", " and ")}
    if s.startswith("St. "):
        out |= {x.replace("St. ", "Saint ", 1) for x in list(out)}
    return out


def match_key(s):
    """Key for matching CLDR English exemplar names to Natural Earth names."""
    s = s.casefold().replace("\u2019", "'")
    return re.sub(r"^st\. ", "saint ", s)


def strip_qualifier(s):
    """'Bergen (NH.)' -> 'Bergen', 'Hove (Antwerpen)' -> 'Hove'."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", s).strip()


class Cand:
    __slots__ = ("name", "kind", "country", "aliases", "src", "pop", "curated_aliases")

    def __init__(self, name, kind, country, aliases, src, pop=0, curated_aliases=()):
        self.name = name
        self.kind = kind
        self.country = country or ""
        self.aliases = set(a for a in aliases if a)
        self.src = src
        self.pop = pop
        self.curated_aliases = set(curated_aliases)


def build_places(d, wf):
    cands = []

    # --- CLDR territories -------------------------------------------------------------
    terr = read_tsv(d["cldr_terr"])
    main = {}
    variants = {}
    for r in terr:
        code = r["code"]
        if code in CLDR_SKIP_CODES:
            continue
        if r["variant"]:
            variants.setdefault(code, []).append((r["name_nl"], r["name_en"]))
        else:
            main[code] = (r["name_nl"], r["name_en"])
    for code, (nl, en) in sorted(main.items()):
        if not nl or nl[0].islower():
            continue
        aliases = set(english_forms(en))
        name = NAME_OVERRIDES.get(nl, nl)
        if name != nl:
            aliases.add(nl)
        for vnl, ven in variants.get(code, []):
            if "(" not in vnl:
                aliases.add(vnl)
            aliases |= english_forms(ven)
        if code.isdigit():
            kind, country = "region", ""
        elif code in CLDR_NON_ISO:
            kind, country = "region", CLDR_NON_ISO[code]
        else:
            kind, country = "country", code
        cands.append(Cand(name, kind, country, aliases, "cldr-territories"))

    # --- Natural Earth populated places + CLDR exemplar cities --------------------------
    ne = read_tsv(d["ne"])
    ne_by_en = {}
    for i, r in enumerate(ne):
        for k in ("name_en", "name", "nameascii"):
            ne_by_en.setdefault(match_key(r[k]), []).append(i)
    exemplar_for = {}          # NE row index -> exemplar Dutch name
    for r in read_tsv(d["cldr_city"]):
        tz, nl, en = r["tz_id"], r["name_nl"], r["name_en"]
        if tz in EXEMPLAR_KIND:
            spec = EXEMPLAR_KIND[tz]
            if spec is None:
                continue
            kind, country = spec
        elif ", " in nl:
            continue           # "Knox, Indiana" etc.: small US places
        else:
            kind, country = "city", ""
        if kind == "city":
            hits = ne_by_en.get(match_key(en), []) or ne_by_en.get(match_key(nl), [])
            if hits:
                best = max(hits, key=lambda i: (int(float(ne[i]["pop_max"] or 0)), -i))
                exemplar_for[best] = (nl, en)
                continue
        name = NAME_OVERRIDES.get(nl, nl)
        aliases = english_forms(en) | ({nl} if name != nl else set())
        cands.append(Cand(name, kind, country, aliases, "cldr-exemplar"))

    for i, r in enumerate(ne):
        nl = r["name_nl"] or r["name_en"]
        aliases = {r["name_en"], r["name"], r["nameascii"]}
        if i in exemplar_for:
            ex_nl, ex_en = exemplar_for[i]
            if ex_nl != nl:
                aliases.add(nl)
            aliases.add(ex_en)
            nl = ex_nl
        name = NAME_OVERRIDES.get(nl, nl)
        if name != nl:
            aliases.add(nl)
        aliases -= NE_BAD_ALIASES.get(r["name_nl"], set())
        aliases = {a for a in aliases if a and "," not in a}
        country = r["iso_a2"]
        if len(country) != 2:
            country = NE_ADM0_COUNTRY.get(r["adm0name"], "")
        country = NE_COUNTRY_OVERRIDES.get(r["name_nl"], country)
        pop = int(float(r["pop_max"] or 0))
        cands.append(Cand(name, "city", country, aliases, "natural-earth", pop))

    # --- Netherlands: CBS municipalities + provinces, BAG woonplaatsen ----------------------
    with open(d["cbs"], encoding="utf-8-sig", newline="") as f:
        cbs = list(csv.DictReader(f))
    provinces = set()
    for r in cbs:
        raw = r["Gemeentenaam"].strip()
        base = strip_qualifier(raw)
        name = NL_NAME_REMAP.get(base, base)
        cands.append(Cand(name, "municipality", "NL", {base} - {name}, "cbs"))
        provinces.add(r["Provincienaam"].strip())
    for p in sorted(provinces):
        name = NL_NAME_REMAP.get(p, p)
        aliases = {p, "provincie " + p, "Provincie " + p}
        if name in PROVINCE_DISAMBIG:
            aliases = {"provincie " + p}
            name = "Provincie " + name
        cands.append(Cand(name, "region", "NL", aliases - {name}, "cbs"))
    for line in read_lines(d["bag"]):
        raw = line.strip()
        if not raw:
            continue
        name = NL_NAME_REMAP.get(raw, raw)
        cands.append(Cand(name, "town", "NL", {raw} - {name}, "bag"))

    # --- Belgium: Statbel REFNIS ----------------------------------------------------------
    with open(d["statbel"], encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    for r in rows:
        lvl = r["LVL_REFNIS"].strip()
        de, fr, nl = (r["TX_REFNIS_DE"].strip(), r["TX_REFNIS_FR"].strip(),
                      r["TX_REFNIS_NL"].strip())
        current = r["DT_VLDT_END"].strip() == "31/12/9999"
        if lvl == "1":
            name = BE_REGION_NAMES.get(nl, nl)
            cands.append(Cand(name, "region", "BE", {nl, fr, de} - {name}, "statbel"))
        elif lvl == "2" and current:
            bare = re.sub(r"^Provincie ", "", nl)
            fr_bare = re.sub(r"^Province (de la |de |du |d[’'])", "", fr)
            de_bare = re.sub(r"^Provinz ", "", de)
            if bare in PROVINCE_DISAMBIG:
                name = "Provincie " + bare
                aliases = {"provincie " + bare, fr, de}
            else:
                name = bare
                aliases = {nl, "provincie " + bare, fr, de, fr_bare, de_bare}
            cands.append(Cand(name, "region", "BE", aliases - {name}, "statbel"))
        elif lvl == "4":
            name = strip_qualifier(nl)
            aliases = {strip_qualifier(fr), strip_qualifier(de)} - {name}
            kind = "municipality" if current else "town"
            cands.append(Cand(name, kind, "BE", aliases, "statbel"))

    # --- newsidx additions -----------------------------------------------------------------
    for name, (kind, country, aliases) in NEWSIDX_PLACES.items():
        cands.append(Cand(name, kind, country, aliases, "newsidx", curated_aliases=aliases))

    # --- common-word filter ------------------------------------------------------------------
    protected = {c.name for c in cands if c.kind == "country"}
    protected |= {c.name for c in cands if c.src == "natural-earth" and c.pop >= BIG_CITY_POP}
    protected |= PLACE_KEEP
    dropped_rows = []
    dropped_aliases = []
    kept = []
    for c in cands:
        if c.kind in ("town", "municipality") and c.name not in protected:
            ev = wf.evidence(c.name)
            if ev:
                dropped_rows.append((c.name, c.kind, c.country, c.src, ev))
                continue
        if c.kind != "country":
            for a in sorted(c.aliases - c.curated_aliases):
                ev = wf.evidence(a)
                if ev and a not in protected:
                    c.aliases.discard(a)
                    dropped_aliases.append((a, c.name, c.kind, c.country, c.src, ev))
        kept.append(c)

    # --- homonyms of major places ----------------------------------------------------------------
    # A town/municipality whose name is an alias of a country or city (Lille -> Rijsel,
    # Belgrade -> Belgrado, Sint Maarten -> Sint-Maarten) joins that row: the name then
    # keeps its best-known meaning instead of taking the alias away from the major place.
    major_alias = {}
    for c in kept:
        if c.kind in ("country", "city"):
            for a in c.aliases:
                major_alias.setdefault(fold(a), set()).add(c.name)
    major_names = {fold(c.name) for c in kept if c.kind in ("country", "city")}
    homonyms_joined = []
    for c in kept:
        k = fold(c.name)
        if (c.kind in ("town", "municipality") and k not in major_names
                and len(major_alias.get(k, ())) == 1):
            target = next(iter(major_alias[k]))
            homonyms_joined.append((c.name, c.kind, c.country, target))
            c.aliases.add(c.name)
            c.name = target

    # --- merge by canonical name ---------------------------------------------------------------
    # Names are grouped by their lookup key (case and diacritics folded, as the product's
    # gazetteer.rs key() does), so "Zurich" (NL town) and "Zürich" (CH city) become one row.
    # The display name is that of the most important candidate.
    groups = {}
    for c in kept:
        groups.setdefault(fold(c.name), []).append(c)
    rows = {}
    for _, cs in groups.items():
        cs.sort(key=lambda c: (KIND_PRIORITY[c.kind], -c.pop, sort_key(c.name)))
        name = cs[0].name
        best_kind = cs[0].kind
        winners = [c for c in cs if c.kind == best_kind]
        top_pop = max(c.pop for c in winners)
        countries = {c.country for c in winners if c.country and c.pop == top_pop}
        country = countries.pop() if len(countries) == 1 else ""
        aliases = set()
        for c in cs:
            aliases |= c.aliases | {c.name}
        aliases |= set(EXTRA_ALIASES.get(name, []))
        if name in HOMONYM_OVERRIDES:
            k, country = HOMONYM_OVERRIDES[name]
            best_kind = k or best_kind
        rows[name] = {"kind": best_kind, "country": country, "aliases": aliases,
                      "pop": max(c.pop for c in cs)}

    # --- alias clean-up --------------------------------------------------------------------------
    # Compared by lookup key: no alias equal to its own name or to another row's name, one
    # spelling per key within a row, and an alias shared by several rows stays only on the
    # most important row. So every folded name/alias in places.tsv points to one row.
    canon = {fold(name): name for name in rows}
    owners = {}
    for name, row in rows.items():
        by_key = {}
        for a in sorted((x.strip() for x in row["aliases"]), key=sort_key):
            if not a or set(a) & set("|\t()"):
                continue
            k = fold(a)
            if canon.get(k, name) != name or k == fold(name):
                continue
            by_key.setdefault(k, a)
        row["aliases"] = set(by_key.values())
        for k, a in by_key.items():
            owners.setdefault(k, []).append((name, a))
    shared = 0
    for k, owned in owners.items():
        if len(owned) > 1:
            shared += 1
            keep = min(owned, key=lambda na: (KIND_PRIORITY[rows[na[0]]["kind"]],
                                              -rows[na[0]]["pop"], sort_key(na[0])))
            for n, a in owned:
                if (n, a) != keep:
                    rows[n]["aliases"].discard(a)
    return rows, dropped_rows, dropped_aliases, shared, homonyms_joined


def sort_key(s):
    return (s.casefold(), s)


# ---------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------

def build_given_names(d, wf):
    rows = read_tsv(d["first"])
    locales = sorted({r["locale"] for r in rows})
    names = {r["name"].strip() for r in rows if r["name"].strip()}
    total = len(names)
    dropped = []
    exempted = []
    out = set()
    for n in sorted(names, key=sort_key):
        if "." in n:
            dropped.append((n, "abbreviation"))
            continue
        if len(n) <= 2 and n not in GIVEN_KEEP:
            dropped.append((n, "too short"))
            continue
        ev = wf.evidence(n)
        if ev and n not in GIVEN_KEEP:
            dropped.append((n, "common word: " + ",".join(ev[:3])))
            continue
        if ev:
            exempted.append(n)
        out.add(n)
    added = [n for n in INTL_FIRST_NAMES if n not in out]
    out |= set(added)
    return (sorted(out, key=sort_key), locales, total, dropped, exempted,
            sorted(set(added), key=sort_key))


def build_surnames(d, wf):
    rows = read_tsv(d["last"])
    locales = sorted({r["locale"] for r in rows})
    names = {r["name"].strip() for r in rows if r["name"].strip()}
    total = len(names)
    dropped = []
    exempted = []
    out = set()
    for n in sorted(names, key=sort_key):
        if "," in n or n in SURNAME_SKIP:
            dropped.append((n, "not a surname"))
            continue
        ev = wf.evidence(n)
        if ev and n not in SURNAME_KEEP:
            dropped.append((n, "common word: " + ",".join(ev[:3])))
            continue
        if ev:
            exempted.append(n)
        out.add(n)
    return sorted(out, key=sort_key), locales, total, dropped, exempted


# ---------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------

def header(title, date, d, keys, extra):
    lines = [
        f"# newsidx gazetteer: {title}",
        f"# Generated by: {GENERATOR_CMD}",
        f"# Date: {date}",
        "# Sources (paths relative to shared/data, sha256 of the input file):",
    ]
    for k in keys:
        rel, lic = INPUTS[k]
        lines.append(f"#   {rel}  sha256:{sha256(d[k])}")
        lines.append(f"#     {lic}")
    lines.append("#   newsidx: hand-curated overrides/additions in gen_gazetteer.py "
                 "(same licence as newsidx)")
    lines.append("# Licences: see LICENSES.md in this directory.")
    lines += ["# " + e if e else "#" for e in extra]
    return lines


def write(path, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("shared", nargs="?",
                    default=os.path.normpath(os.path.join(here, "../../../../shared/data")))
    ap.add_argument("--date", default=DEFAULT_DATE)
    args = ap.parse_args()
    d = {k: os.path.join(args.shared, rel) for k, (rel, _) in INPUTS.items()}
    for k, p in d.items():
        if not os.path.isfile(p):
            sys.exit(f"missing input: {p}")

    voc = {w.strip() for w in read_lines(d["voc"]) if w.strip()}
    stop = {w.strip() for w in read_lines(d["stop_sb"]) + read_lines(d["stop_iso"]) if w.strip()}
    wf = WordFilter(voc, stop)

    # places
    rows, dropped_rows, dropped_aliases, shared, joined = build_places(d, wf)
    kinds = {}
    for r in rows.values():
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    place_keys = ["cldr_terr", "cldr_city", "ne", "cbs", "bag", "statbel", "voc", "stop_sb",
                  "stop_iso"]
    body = []
    for name in sorted(rows, key=sort_key):
        r = rows[name]
        body.append("\t".join([name, r["kind"], r["country"],
                               "|".join(sorted(r["aliases"], key=sort_key))]))
    extra = [
        "",
        "Format: one place per line, name<TAB>kind<TAB>country<TAB>aliases",
        "  name     canonical Dutch display name (unique)",
        "  kind     country | region | city | municipality | town",
        "           (a name found in several sources keeps the most important kind, in that order)",
        "  country  ISO 3166-1 alpha-2 (XK = Kosovo), empty when unknown or ambiguous",
        "  aliases  '|'-separated other spellings (English, native, French/German Belgian",
        "           names, CLDR variants), in their usual capitalisation (VS, US, VK)",
        "Names and aliases are unique after folding case and diacritics (the product's",
        "lookup key), so every spelling maps to exactly one row.",
        "Town/municipality names that are ordinary Dutch words were dropped: see",
        "places_dropped.txt.",
        "Towns/municipalities whose name is an alias of a country or city were joined to it: "
        + "; ".join(f"{n} ({k} {c}) -> {t}" for n, k, c, t in sorted(set(joined))) + ".",
        "Counts: " + ", ".join(f"{k} {kinds.get(k, 0)}" for k in KIND_PRIORITY)
        + f"; total {len(rows)}",
        "",
    ]
    write(os.path.join(here, "places.tsv"),
          header("places.tsv", args.date, d, place_keys, extra) + body)

    dl = header("places_dropped.txt (review list, not embedded)", args.date, d,
                ["cbs", "bag", "statbel", "ne", "cldr_terr", "voc", "stop_sb", "stop_iso"], [
        "",
        "Place names removed from places.tsv because they are ordinary Dutch words",
        "(stop word, or in snowball-dutch/voc.txt together with an inflected form; see",
        "WordFilter in gen_gazetteer.py). Kept anyway: countries, Natural Earth cities with",
        f"pop_max >= {BIG_CITY_POP}, and PLACE_KEEP in gen_gazetteer.py.",
        "Format: name<TAB>kind<TAB>country<TAB>source<TAB>evidence (row dropped), then",
        "alias<TAB>alias-of:NAME<TAB>country<TAB>source<TAB>evidence (alias dropped).",
        f"Rows dropped: {len(dropped_rows)} (distinct names: "
        f"{len({x[0] for x in dropped_rows})}); aliases dropped: {len(dropped_aliases)}",
        "",
    ])
    seen = set()
    for name, kind, country, src, ev in sorted(dropped_rows,
                                               key=lambda x: (sort_key(x[0]), x[1:4])):
        line = "\t".join([name, kind, country, src, ",".join(ev[:4])])
        if line not in seen:
            seen.add(line)
            dl.append(line)
    for a, owner, kind, country, src, ev in sorted(dropped_aliases,
                                                   key=lambda x: (sort_key(x[0]), x[1:5])):
        line = "\t".join([a, "alias-of:" + owner, country, src, ",".join(ev[:4])])
        if line not in seen:
            seen.add(line)
            dl.append(line)
    write(os.path.join(here, "places_dropped.txt"), dl)

    # given names
    given, locales, g_total, g_dropped, g_kept, g_added = build_given_names(d, wf)
    extra = [
        "",
        "Format: one first name per line (as written, may contain spaces/hyphens/accents).",
        f"Faker locales ({len(locales)}, all in the file, all Latin script):",
        "  " + " ".join(locales),
        f"Counts: {g_total} distinct Faker names; {len(g_dropped)} dropped (ordinary Dutch "
        f"words, <= 2 letters, abbreviations); {len(g_added)} added from INTL_FIRST_NAMES "
        f"(newsidx); total {len(given)}.",
        "Not used: nltk-names (its licence requires shipping its README).",
        "",
    ] + listing("Dropped", [n for n, _ in g_dropped]) + listing(
        "Flagged as common words but kept (GIVEN_KEEP)", g_kept) + listing(
        "Added (INTL_FIRST_NAMES)", g_added) + [""]
    write(os.path.join(here, "given_names.txt"),
          header("given_names.txt", args.date, d, ["first", "voc", "stop_sb", "stop_iso"],
                 extra) + given)

    # surnames
    surnames, s_locales, s_total, s_dropped, s_kept = build_surnames(d, wf)
    extra = [
        "",
        "Format: one surname per line, particles as written (van der Berg, De Smet).",
        "Faker locales: " + " ".join(s_locales),
        f"Counts: {s_total} distinct Faker surnames; {len(s_dropped)} dropped (ordinary Dutch "
        f"words or not surnames); total {len(surnames)}.",
        "",
    ] + listing("Dropped", [n for n, _ in s_dropped]) + listing(
        "Flagged as common words but kept (SURNAME_KEEP)", s_kept) + [""]
    write(os.path.join(here, "surnames.txt"),
          header("surnames.txt", args.date, d, ["last", "voc", "stop_sb", "stop_iso"],
                 extra) + surnames)

    for src, dst in LICENSE_COPIES:
        shutil.copyfile(os.path.join(args.shared, src), os.path.join(here, dst))

    # summary
    print("places.tsv: " + ", ".join(f"{k} {kinds.get(k, 0)}" for k in KIND_PRIORITY)
          + f"; total {len(rows)}; aliases resolved to one row: {shared}", file=sys.stderr)
    print("town/municipality rows joined to a country/city they are an alias of: "
          + "; ".join(f"{n} ({k} {c}) -> {t}" for n, k, c, t in sorted(set(joined))),
          file=sys.stderr)
    print(f"places dropped by common-word filter: {len(dropped_rows)} rows "
          f"({len({x[0] for x in dropped_rows})} names), {len(dropped_aliases)} aliases",
          file=sys.stderr)
    print(f"given_names.txt: {len(given)} (dropped {len(g_dropped)}, added {len(g_added)})",
          file=sys.stderr)
    print(f"surnames.txt: {len(surnames)} (dropped {len(s_dropped)})", file=sys.stderr)


def listing(title, items, width=94):
    """A '; '-separated list as wrapped comment lines (names may contain commas)."""
    text = f"{title} ({len(items)}): " + "; ".join(items)
    return textwrap.wrap(text, width=width, subsequent_indent="  ", break_long_words=False,
                         break_on_hyphens=False)


if __name__ == "__main__":
    main()
