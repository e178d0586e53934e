#!/usr/bin/env python3
"""Generate src/firewall/lists/countries/<code>.txt from the Unicode CLDR.

Usage:
    npm pack cldr-localenames-full          # in a scratch directory, never in the repo
    tar xzf cldr-localenames-full-*.tgz     # unpacks to ./package
    python3 scripts/firewall/countries.py path/to/package [path/to/repo]

Reads main/<locale>/territories.json (CLDR localised territory names) and writes, for every
firewall language below, a [nationality] section with the name of every country in that
language (plus the -alt-short / -alt-variant / -alt-chagos forms), and a [keep] section of
vetoes for known collisions. Python 3 standard library only.

What is generated, per name (see README.md beside the lists for the entry notation):
  * the name itself, in its natural spelling (the engine folds case and accents), with
    punctuation turned into spaces ("Guinea-Bissau" -> "Guinea Bissau", which the engine
    matches whether written with a hyphen, a space or nothing);
  * its parts: "Myanmar (Burma)" -> "Myanmar", "Burma"; "Congo - Kinshasa" -> "Congo",
    "Kinshasa"; "Trinidad & Tobago" -> "Trinidad", "Tobago" (and "Trinidad and Tobago");
    a part is dropped when it is generic ("Republic", "SAR", an acronym: GENERIC_PARTS)
    or an ordinary word (DROP);
  * a stem* entry: the name with its final vowel(s) removed ("Eritreea" -> "eritre*",
    "Румыния" -> "румыни*", "Pakistan" -> "pakistan*"), so that inflections ("din
    Eritreea", "из Румынии", "Romániából") and most demonyms/adjectives sharing the stem
    ("eritreean", "pakistański") are caught. Only stems of 6 letters or more; all trailing
    vowels are stripped when what is left is still 6+ letters, otherwise only the last one.
    For multi-word names only the last word is stemmed ("South Africa" -> "South Afric*").
    Stems that are prefixes of ordinary words in any covered language were found by
    checking every stem against word-frequency lists of all covered languages
    (wordfreq, zipf >= 3.0) and are listed in NO_STEM (the exact name is still listed).
  * Chinese and Thai: the name only (no spaces, matched anywhere), never shorter than 2
    characters.

Decisions (documented here because the generated files must not be edited):
  * EXCLUDED: the UK, its parts and the crown dependencies, and every name that names
    them: GB, JE (Jersey), GG (Guernsey), IM (Isle of Man), CQ (Sark, a dependency of
    Guernsey), and any name containing Britain/British/United Kingdom/England/Scotland/
    Wales/Northern Ireland in any language (UK_WORDS): this drops e.g. "British Virgin
    Islands" and "British Indian Ocean Territory" (its "Chagos Archipelago" form is kept).
    Reports are written in the UK: "I came to England" is not a nationality.
  * EXCLUDED codes: numeric regions (001, 150, 419 ...), UN, EU, EZ, QO, XA, XB, ZZ, and
    DG (Diego Garcia: an uninhabited base whose name is also a common personal name).
  * Short forms of 3 letters or fewer are skipped ("US" = "us", "AS", "EUA", "ONU"), except
    unambiguous acronyms in SHORT_OK ("UAE", "DRC", "США", "ОАЭ", "SHBA" ...). "USA" is
    not a short form here: see DROPPED below.
  * Names that are ordinary words are KEPT (a removed sentence costs police one sentence;
    a missed country can cost a deportation): Chad, Jordan, Georgia, Turkey, Guinea,
    Niger, Mali, Togo, Chile, Oman, Peru, Cuba, Malta, China, Iceland, Polish "Czad",
    Portuguese "Peru" ... with [keep] vetoes (KEEP) for the collocations where they are
    clearly not the country: "turkey sandwich", "guinea pig", "fine china", "air jordan",
    "iceland shop", "his name was Chad/Jordan/Georgia/Kenya/India/Israel" (people give the
    perpetrator's name), "cold turkey".
  * DROPPED because the name is a very common ordinary word in a covered language (every
    language's entries apply to every sentence), and replaced by safer forms (DROP / ADD);
    found by checking every generated entry against the word-frequency lists of all covered
    languages:
      - "USA": Romanian "ușa" (the door), Italian/Spanish/Portuguese "usa" (uses); listed as
        "the USA", "z USA", "negli USA", "USA-ban" ... and "United States" everywhere.
      - "Gana" (Ghana in pt/lt/lv): Spanish "gana", Lithuanian "gana" (enough).
      - "Того" (Togo in ru/uk/bg): "того" (of that); "Мали"/"Малі" (Mali in ru/bg/uk):
        Ukrainian "мали" (had), "малі" (small).
      - "Kína"/"Ķīna" (China in hu/lv): Tagalog "kina", Polish/Czech "kina" (cinema);
        "Cile"/"Čīle"/"Čilė" (Chile in it/id/lv/lt): Czech "cíle" (goals); "Keňa" (Kenya
        in cs/sk): Malay "kena"; "Čada" (lv): Spanish "cada"; "Gabona" (lv): Hungarian.
      - French "Inde" (Slovak "inde"), "Suède" (English "suede"), "Dominique", "Maurice"
        (first names), "Grenade" (grenade); Spanish/Portuguese "Mauricio/Maurício" (a first
        name); "Réunion"/"Riunione"/"Reunião" (meeting): all replaced by phrases
        ("en Inde", "la Suède", "île Maurice", "Réunion Island" ...).
      - Albanian Kili, Kinë, Ganë, Indi (Tagalog "indi" = not), Komore, Liberi (Italian
        "liberi" = free), Libi (Czech "líbí" = likes), Rusi, Siri, Zambi: genitive forms.
      - Parts of names: "Príncipe" (prince), "Heard", "McDonald", "Antigua" (Spanish "old"),
        "Nevis" (Latvian "nevis" = not), "Norfolk" (the English county), "St Martin" and
        "St Vincent" (UK place names); the full names are kept.
      - Vietnamese one-syllable names (Mỹ "my", Úc, Áo, Bỉ "bị", Đức, Nga, Lào, Ý, Séc,
        Síp "sip", Pháp) and collision-prone two-syllable ones (Ấn Độ "ăn đồ"/"ando",
        Ba Lan "ba lần" = three times, Mông Cổ "mong có") are listed only as "nước X"
        (country X) and "người X" (person from X); "người Áo" ("the man in the ... shirt")
        and "người Bỉ" ("người bị ..." = the victim) are left out.
      - Tagalog "Hapon" (Japan) is also "afternoon": "taga Hapon", "bansang Hapon", "Hapones".
      - Thai "เช็ก" (Czech) is the loanword "check" (check-in): only "สาธารณรัฐเช็ก",
        "ประเทศเช็ก", "ชาวเช็ก".
    KEPT although they collide (the country matters more): "Čína"/"Cina" (Romanian "cină"
    = dinner, Latvian "cīņa" = fight; Romanian vetoes "după cină", "o cină"), "Mali"
    (Polish/Czech "mali/malí" = small), Portuguese "Peru" (also "turkey"), Czech/Polish
    "Kuba" (also a Polish first name; vetoes "ma na imię Kuba" ...), Czech "Indie",
    Czech/Slovak "Komory", Romanian "Spania" (Polish "spania" = sleeping; vetoes).
  * Names in other words: a Vietnamese "người X" (a person from X) already contains X and
    needs no entry of its own; Chinese and Thai names are matched anywhere, so 中国人 and
    คนไทย are caught by 中国 and ไทย.
"""

import json
import os
import re
import sys
import unicodedata

# Firewall language code -> CLDR locales whose names go into that file.
LANGUAGES = {
    "en": ["en"], "ro": ["ro"], "pt": ["pt"], "es": ["es"], "pl": ["pl"], "bg": ["bg"],
    "ru": ["ru"], "zh": ["zh"], "hu": ["hu"], "sq": ["sq"], "lt": ["lt"], "lv": ["lv"],
    "uk": ["uk"], "cs": ["cs"], "sk": ["sk"], "it": ["it"], "fr": ["fr"], "th": ["th"],
    "vi": ["vi"], "tl": ["fil"], "id": ["id", "ms"],
}
NO_SPACE_SCRIPTS = {"zh", "th"}

EXCLUDED_CODES = {"GB", "JE", "GG", "IM", "CQ", "UN", "EU", "EZ", "QO", "XA", "XB", "ZZ", "DG"}

# Folded substrings: a name containing one of these names the UK (or a part of it).
UK_WORDS = [
    # en / fil / id / ms
    "britain", "british", "britania", "united kingdom", "england", "scotland", "wales",
    "northern ireland", "inggris", "kerajaan bersatu",
    # ro pt es it fr
    "britanie", "britanic", "regatul unit", "anglia", "scotia", "tara galilor",
    "reino unido", "inglaterra", "escocia", "pais de gales", "gales", "irlanda do norte",
    "irlanda del norte", "regno unito", "gran bretagna", "inghilterra", "scozia", "galles",
    "royaume uni", "grande bretagne", "angleterre", "ecosse", "pays de galles",
    # pl cs sk hu lt lv sq
    "brytan", "brytyj", "wlk bryt", "zjednoczone krolestwo", "szkocja", "walia",
    "spojene kralov", "britanie", "britsk", "anglie", "anglick", "skotsko",
    "egyesult kiralysag", "nagy britannia", "brit ", "brit-", "skocia",
    "jungtine karalyste", "didzioji britanija", "anglija", "skotija", "velsas",
    "apvienota karaliste", "lielbritanija", "mbreteria e bashkuar", "britani", "angli",
    # bg ru uk
    "великобритан", "британ", "обединеното кралство", "соединенное королевство",
    "сполучене королівство", "англи", "шотланд", "уелс", "уэльс",
    # vi zh th
    "vuong quoc anh", "thuoc anh", "英国", "英属", "英格兰", "苏格兰", "威尔士",
    "สหราชอาณาจักร", "อังกฤษ", "บริติช",
]
# Words that never count as UK even though a UK_WORDS substring is in them.
UK_WORDS_NOT = ["angola", "anguilla", "ангол", "ангил", "англи-"]

# Short forms (3 letters or fewer, folded) that are unambiguous and kept.
SHORT_OK = {"usa", "uae", "drc", "rdc", "shba", "сша", "оаэ", "юар", "кндр", "сащ", "jav",
            "asv", "eeuu", "ee uu"}

# The word for "and" (splits "Trinidad and Tobago" into its parts).
CONJ = {"en": "and", "ro": "și", "pt": "e", "es": "y", "pl": "i", "bg": "и", "ru": "и",
        "hu": "és", "sq": "dhe", "lt": "ir", "lv": "un", "uk": "і|та", "cs": "a", "sk": "a",
        "it": "e", "fr": "et", "vi": "và", "tl": "and|at", "id": "dan"}

# Parts (folded) that are generic or ordinary words and never listed on their own.
GENERIC_PARTS = {
    "republic", "republica", "republika", "republik", "republique", "repubblica",
    "republiky", "republikë", "република", "республика", "республіка", "köztársaság",
    "koztarsasag", "sar", "rae", "ras", "sra", "oar", "zao", "oao", "cap", "fr", "hol",
    "saint", "st", "sv", "svaty", "svaty martin", "francie", "nizozemsko", "chiny", "cina",
    "china", "chinei", "kinshasa", "brazzaville", "keeling", "heard", "mcdonald", "wallis",
    "principe", "príncipe", "jan mayen", "islas malvinas", "drc", "rdc", "drk", "kdk",
    "rdk", "дрк", "сар", "оар", "สาธารณรัฐ", "สาธารณรัฐประชาธิปไตย", "คีลิง", "基林", "республика)", "lindja e largët", "islands", "island",
    "ilhas", "islas", "isole", "insulele", "iles", "îles",
}
# A part is also listed only if its folded form has at least this many letters.
MIN_PART = 4

# Entries (folded, after punctuation->space) never listed, per language or "*" for all.
DROP = {
    # "USA" is Romanian "ușa" (the door) and Italian/Spanish/Portuguese "usa" (uses): only in
    # phrases (ADD). "Gana" is Spanish "gana" (earns), Lithuanian "gana" (enough).
    # "cile" (Chile in it/id/lv): Czech "cíle" (goals); "kina" (China in hu/lv): Tagalog
    # "kina", Polish/Czech "kina" (cinema); "cada" (Chad in lv): Spanish "cada" (each);
    # "kena" (Kenya in cs/sk): Malay/Indonesian "kena"; "gabona": Hungarian (grain).
    "*": {"cile", "kina", "cada", "gabona", "kena", "usa", "gana", "reunion", "la reunion", "us", "u s", "as", "a s", "uk", "un",
          "norfolk", "nevis", "nevisa", "antigua", "principe", "prinsipi", "prinsipe",
          "mcdonalda", "mcdonaldo", "heard", "ksiazeca",
          # places in the UK named after saints: St Martin's, St Vincent's
          "st martin", "saint martin", "st vincent", "saint vincent"},
    "fr": {"grenade", "maurice",   # "grenade" (grenade), Maurice (a first name)
           "dominique",            # a first name
           "inde",                 # Slovak "inde" (elsewhere)
           "suede"},               # English "suede"
    "it": {"riunione",             # "riunione" (meeting)
           "cile"},                # Czech "cíle" (goals)
    "id": {"cile",                 # Czech "cíle" (goals)
           "yaman"},               # Tagalog "yaman" (wealth)
    "pt": {"reuniao",              # "reunião" (meeting)
           "mauricio"},            # Spanish first name Mauricio
    "es": {"mauricio"},            # a first name
    "ru": {"того", "мали"},        # "того" (of that), Ukrainian "мали" (had)
    "bg": {"того", "мали"},
    "uk": {"того", "малі"},        # "того", "малі" (small)
    "cs": {"island", "kena"},      # English "island", Malay/Indonesian "kena"
    "sk": {"island", "kena"},
    "hu": {"kina"},                # Tagalog "kina", Polish/Czech "kina" (cinema)
    "lt": {"jav"},                 # Slovak "jav" (phenomenon)
    "lv": {"cada", "gabona"},      # Spanish/Portuguese "cada" (each), Hungarian "gabona"
    # Albanian short names that are common words elsewhere: Kili (Tagalog), Kinë (Czech/
    # Lithuanian "kině/kine"), Ganë (Spanish "gane"), Indi (Tagalog "indi" = not), Komore
    # (Slovak "komore"), Liberi (Italian/Romanian "liberi" = free), Libi (Czech "líbí" =
    # likes), Rusi (Lithuanian "rūšį", Czech "ruší"), Siri (Malay, Czech "šíří"), Zambi
    # (Romanian "zâmbi" = smiled): replaced by their genitive forms (ADD).
    "sq": {"kili", "kine", "gane", "indi", "komore", "liberi", "libi", "rusi", "siri",
           "zambi"},
    "vi": set(),  # handled by VI_PREFIX_ONLY
    "tl": {"hapon"},
    "th": {"เช็ก"},
}
# Extra entries, per language.
ADD = {
    "en": ["Réunion Island", "Reunion Island", "St Kitts and Nevis", "Saint Kitts and Nevis", "Ivory Coast", "Burma", "Cape Verde",
           "Czech Republic", "East Timor", "Swaziland", "Turkey", "Macedonia",
           "Holland", "the Netherlands", "Saint Lucia", "Saint Kitts",
           "Sao Tome", "Congo Brazzaville", "Congo Kinshasa", "Democratic Republic of Congo",
           "Democratic Republic of the Congo", "Republic of Congo", "Trinidad and Tobago",
           "Antigua and Barbuda", "Bosnia and Herzegovina", "Bosnia Herzegovina",
           "Emirates", "Dubai", "Abu Dhabi", "Kurdistan", "Transnistria", "Chechnya",
           "Tibet", "Zanzibar", "Biafra", "Somaliland", "Palestine", "Gaza", "West Bank",
           "Saint Martin island", "St Martin island", "St Vincent and the Grenadines",
           "Saint Vincent and the Grenadines",
           "Hong Kong", "Macau", "Macao", "South Korea", "North Korea", "Korea",
           "the USA", "from USA", "to USA", "in the USA", "USA citizen*", "USA passport*"],
    "pt": ["ilhas Maurício", "mauriciano*", "do Gana", "no Gana", "ganense*", "ganesa", "ilha da Reunião"],
    "lt": ["Čilėje", "Čilės", "čilieč*", "Ganos", "Ganoje", "ganiet*", "Nepale", "Nepalo", "Nepalą", "nepalieč*"],
    "lv": ["ganiet*", "Čadas", "Čadu", "Gabonas", "no Čīles", "uz Čīli", "čīlieš*",
           "no Ķīnas", "uz Ķīnu", "ķīnieš*", "ķīniet*", "Nepālā", "Nepālas", "Nepālu", "nepālieš*"],
    "fr": ["île de la Réunion", "ile de la Reunion", "réunionnais*", "île Maurice",
           "ile Maurice", "mauricien*", "grenadien*", "la Dominique",
           "île de la Dominique", "en Inde", "l Inde", "d Inde", "de l Inde", "indien*",
           "indienne*", "en Suède", "la Suède", "de Suède", "suédois*", "aux États Unis"],
    "tl": ["taga Hapon", "bansang Hapon", "Hapones", "Hapon Japan", "Japon"],
    "th": ["สาธารณรัฐเช็ก", "ประเทศเช็ก", "ชาวเช็ก", "คนเช็ก"],
    "it": ["isola della Riunione", "dal Cile", "del Cile", "in Cile", "nel Cile", "cileno",
           "negli USA", "dagli USA", "degli USA", "agli USA"],
    "cs": ["Keni", "keňsk*", "Keňan*", "v USA", "z USA", "ze USA", "do USA",
           "Islandu", "Islandem", "Islandě", "Islanďan*", "islandsk*"],
    "sk": ["Keni", "keňsk*", "Keňan*", "v USA", "z USA", "zo USA", "do USA",
           "Islandu", "Islande", "Islandom", "Islanďan*", "islandsk*"],
    "bg": ["Република Мали", "Република Того", "тоголез*", "малийск*"],
    "uk": ["Республіка Малі", "Республіка Того", "тоголез*", "малійськ*", "Малійськ*"],
    "hu": ["Kínában", "Kínából", "Kínába", "Kínát", "kínai*", "USA ban", "USA ba",
           "USA bol", "USA ból", "USA beli", "az USA"],
    "pl": ["w USA", "z USA", "do USA", "ze USA"],
    "sq": ["Kilisë", "Kinës", "kinez*", "Ganës", "ganez*", "Indisë", "Ishujt Komore",
           "Komoret", "Liberisë", "Libisë", "Rusisë", "Sirisë", "sirian*", "Zambisë"],
    "id": ["dari Cile", "di Cile", "ke Cile", "negara Cile", "dari Yaman", "di Yaman",
           "ke Yaman", "negara Yaman", "Cina", "orang Cina", "Tionghoa", "dari USA",
           "di USA", "ke USA"],
    "es": ["isla Mauricio", "mauriciano*", "isla Reunión", "isla de la Reunión"],
    "ru": ["Республика Мали", "Республика Того", "тоголез*", "малийск*", "Швейцарии", "Швейцарию", "Швейцарией", "швейцарск*", "швейцарц*", "германск*"],
}

# Vietnamese names that collide with ordinary syllables: only "nước X" / "người X".
VI_PREFIX_ONLY = {"my", "uc", "ao", "bi", "duc", "nga", "lao", "y", "sec", "sip", "phap",
                  "an do", "ba lan", "mong co"}
VI_NO_NGUOI = {"ao", "bi"}  # "người áo ..." (a man in a ... shirt), "người bị" (victim)

# Vetoes: ordinary collocations of country names that are ordinary words.
KEEP = {
    "en": [
        "turkey sandwich*", "turkey burger*", "turkey dinner*", "turkey roll*",
        "turkey breast*", "turkey mince", "roast turkey", "cold turkey", "christmas turkey",
        "guinea pig*", "fine china", "bone china", "china cup*", "china plate*",
        "china mug*", "china doll*", "air jordan*", "jordan trainer*", "jordan shoe*",
        "jordan sneaker*", "iceland shop*", "iceland store*", "iceland supermarket*",
        "iceland car park*", "outside iceland", "panama hat*", "bermuda shorts",
        "chile pepper*", "chad the", "name was chad", "name is chad", "called chad",
        "named chad", "name was jordan", "name is jordan", "called jordan", "named jordan",
        "name was georgia", "name is georgia", "called georgia", "named georgia",
        "name was kenya", "name is kenya", "called kenya", "named kenya", "name was india",
        "name is india", "called india", "named india", "name was israel",
        "name is israel", "called israel", "named israel", "name was chelsea",
        "brazilian wax*", "french kiss*", "french fries", "french polish*",
        "french letter*", "swiss roll*", "swiss army", "swiss cheese", "danish pastr*",
        "dutch courage", "go dutch", "turkish delight", "spanish fly", "german shepherd*",
        "russian roulette", "scotch egg*", "chinese whispers", "english breakfast",
        "mexican wave", "cuban heel*", "jamaican patt*",
        "holland and barrett", "holland barrett", "holland park", "canada goose*",
        "canada water", "canada square", "brazil nut*", "india pale ale*", "jamaica road",
        "jamaica street", "denmark hill", "denmark street", "guinea fowl",
        "chili sauce", "chili con carne", "chili pepper*", "sweet chili", "chili flakes",
    ],
    "ro": ["dupa cina", "o cina", "la o cina", "do spania", "od spania", "czas spania",
           "miejsce do spania"],
    "pl": ["imie kuba", "imieniem kuba", "nazywal sie kuba", "nazywa sie kuba"],
    "es": ["albañil*"],
    "pt": ["peru dele", "seu peru", "meu peru", "o peru dele", "peru de natal",
           "peito de peru"],
    "vi": ["nguoi lao dong", "nguoi lao cong", "nguoi y ta", "nuoc my pham",
           "nguoi my pham"],
}

# Stems (folded, without "*") never emitted: prefixes of ordinary words somewhere, or of
# common first names. Filled from a wordfreq check of every stem against all covered
# languages; the exact names are still listed.
NO_STEM = {
    "*": {
        "georgi",    # Georgie, Georgina (names)
        "dominic",   # Dominic (name)
        "grenad",    # grenade
        "liberi",    # Italian/Romanian "liberi" (free)
        "gambi",     # gambit
        "jordan",    # Jordans (trainers), Jordana (name)
        "france", "franci", "franca",  # Frances, Francis, Francisco, Francesco, "franca"
        "bermud",    # Bermúdez
        "mcdonald", "norfolk",         # McDonald's; the English county
        "island",    # Iceland in cs/sk/es/... stemmed to "island*": English "island(s)"
        "komor", "komora", "komore", "komoro", "komory",  # Czech/Slovak "komora", Polish "komórek"
        "gabona",    # Hungarian "gabona" (grain)
        "nevis", "nevisa",             # Latvian "nevis" (not), Lithuanian "nevisai"
        "prinsip",   # Indonesian/Malay "prinsip" (principle)
        "kurasa",    # Indonesian "kurasa" (I feel)
        "katara",    # Indonesian "katarak"
        "croazi",    # Romanian "croazieră" (cruise)
        "servia",    # Spanish "servía(n)"
        "ascension", # French "ascension", Spanish "ascensión"
        "antigu",    # Spanish "antiguo/antigua" (old)
        "paragu", "paragua",           # Spanish "paraguas" (umbrella)
        "герман",    # the first name Герман
        "франци",    # Франциск, Франциско
        "швейцар",   # Russian "швейцар" (doorman)
        "доминик", "гренад",
        "nepala",    # Lithuanian "nepalankus", Latvian "nepalaid"
        "barbud",    # Spanish/Portuguese "barbudo" (bearded)
        "granad",    # Spanish/Portuguese "granada(s)" (grenade)
        "grenade",   # French/English "grenade"
        "anguill",   # French "anguille" (eel)
        "mauric",    # Maurice (name), Mauricie
        "riunion",   # Italian "riunione" (meeting)
        "reunia", "reuniao",           # Portuguese "reunião" (meeting)
        "giordan",   # Giordano (name)
        "ksiazec",   # Polish "książeczka" (booklet)
    },
}
# Extra stems (folded-safe) that the rules miss because they are shorter than 6 letters but
# clearly unambiguous (checked against the frequency lists).
EXTRA_STEMS = {}

VOWELS = set("aeiouyáéíóúýàèìòùâêîôûäëïöüăåąęėįųūōæœøəāēīőűěůŷ"
             "аеёиоуыэюяіїєйь")


def fold(s):
    """Lower-case, strip diacritics, collapse everything but letters into single spaces."""
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ł", "l").replace("đ", "d").replace("ø", "o").replace("ß", "ss")
    s = s.replace("æ", "ae").replace("œ", "oe").replace("ı", "i")
    s = re.sub(r"[^\w]+|_", " ", s)
    return " ".join(s.split())


def letters(s):
    return len(re.sub(r"[^\w]", "", fold(s)))


def clean(name):
    """Natural spelling with punctuation made into spaces (no '*', no brackets)."""
    name = re.sub(r"\bSt\.\s*", "St ", name)
    name = name.replace("о-ва", "острова").replace("о-в", "остров").replace("Св.", "Святой")
    name = name.replace("Šv.", "Šventoji ").replace("Sv.", "Sv ")
    name = re.sub(r"[\u2019\u02bc'`]", " ", name)
    name = re.sub(r"[()\[\]（）,.\-–—/:;&]+", " ", name)
    return " ".join(name.split())


def parts_of(name, lang):
    """The name's components: bracketed text, text around ' - ', ',', '&' and 'and'."""
    out = []
    inner = re.findall(r"[(（]([^)）]*)[)）]", name)
    outer = re.sub(r"\s*[(（][^)）]*[)）]\s*", " ", name).strip()
    out.append(outer)
    out.extend(inner)
    more = []
    for p in out:
        for q in re.split(r"\s+[-–]\s+|,\s*|\s+&\s+|\s+(?:%s)\s+|และ|(?<!共)和(?!国)" % CONJ.get(lang, "and"), p):
            more.append(q)
    return [p for p in out + more if p]


def is_uk(name):
    f = fold(name) + " "
    raw = name.lower()
    for w in UK_WORDS:
        if w in f or w in raw:
            if not any(n in f or n in raw for n in UK_WORDS_NOT) or w in ("britain", "british"):
                return True
    return False


def stem_of(name, lang, no_stem):
    """stem* for the name (its last word), or None. May equal the name (then name*)."""
    words = name.split()
    last = words[-1]
    if lang in ("lt", "lv") and last.lower().endswith(("as", "is", "us")) and len(words) == 1:
        last = last[:-1]
    one = last[:-1] if last and last[-1].lower() in VOWELS else last
    allv = last
    while allv and allv[-1].lower() in VOWELS:
        allv = allv[:-1]
    head = " ".join(words[:-1])
    for cand in (allv, one, last):
        if not cand:
            continue
        full = (head + " " + cand).strip()
        if fold(full) in no_stem:
            continue
        if len(words) == 1 and letters(cand) >= 6:
            return full
        if len(words) > 1 and letters(cand) >= 4 and letters(full) >= 8:
            return full
    return None


def entries_for(lang, locales, cldr):
    names = []  # (code, value)
    for loc in locales:
        path = os.path.join(cldr, "main", loc, "territories.json")
        with open(path, encoding="utf-8") as f:
            terr = json.load(f)["main"][loc]["localeDisplayNames"]["territories"]
        for key, value in terr.items():
            code = key.split("-")[0]
            if not re.fullmatch(r"[A-Z]{2}", code) or code in EXCLUDED_CODES:
                continue
            if re.fullmatch(r"[A-Z]{2}-variant", value):
                continue
            names.append((code, value))
    drop = DROP["*"] | DROP.get(lang, set())
    no_stem = NO_STEM["*"] | NO_STEM.get(lang, set())
    out, seen = [], set()

    def add(entry):
        key = fold(entry.rstrip("*")) + ("*" if entry.endswith("*") else "")
        if key in seen or not key.strip("*"):
            return
        seen.add(key)
        out.append(entry)

    for code, value in names:
        if is_uk(value):
            continue
        if lang in NO_SPACE_SCRIPTS:
            for p in parts_of(value, lang):
                p = re.sub(r"[\s\-–()（）]+", "", p)
                if len(p) >= 2 and p not in drop and p not in GENERIC_PARTS and not is_uk(p):
                    add(p)
            continue
        candidates = []
        full = clean(value)
        candidates.append(full)
        for p in parts_of(value, lang):
            c = clean(p)
            if c != full:
                candidates.append(c)
        for c in candidates:
            f = fold(c)
            if not f or f in drop or is_uk(c):
                continue
            if c != full and (f in GENERIC_PARTS or letters(c) < MIN_PART):
                continue
            if letters(c) <= 3 and f not in SHORT_OK:
                continue
            if lang == "vi" and f in VI_PREFIX_ONLY:
                add("nước " + c)
                if f not in VI_NO_NGUOI:
                    add("người " + c)
                continue
            if lang == "vi":
                add(c)  # "người X" (a person from X) contains X: no separate entry
                continue
            s = stem_of(c, lang, no_stem)
            if s and fold(s) == f:
                add(c + "*")  # ends in a consonant: the name with any ending
                continue
            add(c)
            if s:
                add(s + "*")
    for e in ADD.get(lang, []):
        add(e)
    for e in EXTRA_STEMS.get(lang, []):
        add(e)
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cldr = sys.argv[1]
    repo = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..")
    with open(os.path.join(cldr, "package.json"), encoding="utf-8") as f:
        pkg = json.load(f)
    version = "CLDR %s (npm cldr-localenames-full %s)" % (pkg.get("cldrVersion", "?"), pkg.get("version", "?"))
    outdir = os.path.join(repo, "src", "firewall", "lists", "countries")
    os.makedirs(outdir, exist_ok=True)
    for lang, locales in LANGUAGES.items():
        entries = entries_for(lang, locales, cldr)
        keep = KEEP.get(lang, [])
        lines = [
            "# Country names in %s, generated from Unicode %s" % ("+".join(locales), version),
            "# by scripts/firewall/countries.py. DO NOT EDIT: change the script and re-run it",
            "# (decisions on excluded names and collisions are documented at its top).",
            "",
            "[nationality]",
        ] + entries
        if keep:
            lines += ["", "[keep]"] + keep
        with open(os.path.join(outdir, lang + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print("%s: %d entries, %d keep" % (lang, len(entries), len(keep)))


if __name__ == "__main__":
    main()
