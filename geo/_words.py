"""Closed word classes of news English: the words the geoparser reads around a name.

Titles, heads of organisation names, area, settlement and facility nouns, feature words,
reporting and speech verbs, locatives, months and weekdays, the nouns for the sides of a
conflict: the grammar of news writing (in English, and a few Ukrainian words), never
names of places. The common English words the geoparser distrusts as names are generated
into `geo._recognize_words` (``scripts/recognize_common_words.py``) and read through
`common_words`.
"""

from __future__ import annotations

from functools import lru_cache

from geo.namekey import normalize

__all__ = [
    "AREA_WORDS", "PLURAL_AREA_WORDS", "PLACE_IN_AREA_NOUNS", "SETTLEMENT_NOUNS", "DIRECTIONS", "TITLES",
    "ORG_WORDS", "FACILITY_HEADS", "NATURAL_HEADS", "FEATURE_WORDS", "FEATURE_PREFIXES",
    "FACILITY_MODIFIERS", "CONNECTIVES", "NAME_PARTICLES", "REPORTING_VERBS",
    "SPEECH_VERBS", "ADDRESSING_VERBS", "IRREGULAR_PAST", "PLACE_SUBJECT_VERBS", "MODALS",
    "NOT_VERBS_ED", "GROUP_NOUNS", "AUXILIARIES", "LOCATIVES", "AT_PLACE", "CONTROL_VERBS",
    "ALIAS_CUES", "PLACE_ATTRIBUTES", "GENERIC_NAME_WORDS", "CLAUSE_WORDS",
    "SINGULAR_AREA_WORDS", "AREA_TYPES", "CONSTITUENCY_NOUNS", "ARTICLES", "MONTHS",
    "WEEKDAYS", "ACTOR_NOUNS", "COAST_WORDS", "STORM_WORDS", "CRIME_GROUPS",
    "SPACED_NOT_CONNECTIVES", "RESIDENT_NOUNS", "JURISDICTION_HEADS", "LOCAL_HEADS",
    "HOLIDAYS", "WEATHER", "CONTRACTIONS", "PEOPLE_ADJECTIVES",
    "common_words",
    "person_names",
]

#: area type words after a name make it a first-level area ("Donetsk region")
AREA_WORDS = frozenset({
    "region", "oblast", "province", "state", "governorate", "prefecture", "regional",
    "oblast’", "область", "області", "областi", "областю", "обл", "регіон", "регіону",
    "регіоні", "край", "краю",
})
PLURAL_AREA_WORDS = frozenset({"regions", "oblasts", "provinces", "states", "governorates",
                               "prefectures", "області", "областей", "регіони", "регіонів"})
#: plural settlement nouns: "northern Donetsk cities" speaks of the area
SETTLEMENT_NOUNS = frozenset({"cities", "towns", "villages", "settlements", "communities",
                              "districts", "areas", "territories", "frontline", "front"})
DIRECTIONS = frozenset({
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north", "south", "east", "west", "northeast",
    "northwest", "southeast", "southwest", "upper", "lower", "occupied", "western-held",
})
#: words before a personal name
TITLES = frozenset({
    "president", "minister", "premier", "chancellor", "general", "governor", "secretary",
    "commander", "chief", "mayor", "senator", "congressman", "congresswoman", "king", "queen",
    "prince", "princess", "pope", "sheikh", "emir", "colonel", "lieutenant", "captain",
    "speaker", "whip", "rabbi", "imam", "cardinal", "bishop", "ayatollah",
    "sergeant", "admiral", "marshal", "brigadier", "spokesman", "spokeswoman", "spokesperson",
    "ambassador", "envoy", "dr", "mr", "mrs", "ms", "sir", "lord", "lady", "judge",
    "prosecutor", "officer", "director", "chairman", "chairwoman", "head", "leader",
    "selectman", "selectwoman", "alderman", "councilman", "councilwoman", "sheriff",
    "superintendent", "trustee", "supervisor", "treasurer", "auditor", "coroner", "sens",
    "reps", "govs",
    "commissioner", "councillor", "deputy", "representative", "correspondent", "analyst",
    "gen", "col", "lt", "maj", "sgt", "adm", "pres", "sen", "rep", "gov",
    "президент", "міністр", "генерал", "губернатор", "голова", "начальник", "командувач",
    "мер", "речник", "президента", "міністра", "генерала",
})
#: heads of organisation and unit names: "Institute for the Study of War", "117th Brigade"
ORG_WORDS = frozenset({
    "institute", "ministry", "university", "brigade", "army", "forces", "force", "council",
    "agency", "organization", "organisation", "programme", "program", "party", "front",
    "group", "bank", "company", "corporation", "observatory", "alliance", "movement", "union",
    "court", "office", "service", "services", "guard", "police", "commission", "committee",
    "fund", "news", "times", "post", "foundation", "association", "federation", "corps",
    "battalion", "regiment", "division", "command", "airlines", "airways", "club", "church",
    "college", "school", "network", "project", "initiative", "watch", "authority",
    "administration", "department", "directorate", "parliament", "assembly", "congress",
    "senate", "government", "cabinet", "embassy", "mission", "operation", "cross",
    "crescent", "nations", "staff", "guards", "militia", "brotherhood", "coalition",
    "herald", "tribune", "journal", "press", "media", "television", "radio",
    "inc", "ltd", "llc", "plc", "republic", "people", "cartel", "gang", "mafia",
    "syndicate", "clan", "chamber", "exchange", "team", "navy", "marines", "treasury",
})
#: facility head nouns and the modifiers between a place name and them
FACILITY_HEADS = frozenset({
    "mine", "mines", "plant", "station", "refinery", "dam", "bridge", "airport", "airbase",
    "base", "port", "seaport", "camp", "crossing", "steelworks", "works", "factory",
    "terminal", "depot", "reservoir", "shipyard", "complex", "combine", "pipeline", "canal",
    "barrage", "weir", "harbour", "harbor", "pier", "jetty", "wharf", "stadium", "arena",
    "barracks", "prison", "airfield", "aerodrome", "lighthouse", "substation",
})
#: "<Name> river" names a natural feature, not the town of that name ("the Dnipro river")
NATURAL_HEADS = frozenset({"river", "rivers", "lake", "lakes", "mountain", "mountains",
                           "hills", "valley", "desert", "peninsula", "delta", "basin",
                           "strait", "gulf", "bay", "sea", "forest", "glacier", "plateau",
                           "річка", "річки", "річку", "ріки", "река", "реки", "реку"})
#: "<Feature> of <Name>" names the feature, not the place: "Gulf of Aden", "Sea of Azov"
FEATURE_WORDS = frozenset({"cape", "gulf", "bay", "sea", "strait", "straits", "lake", "isle",
                           "bight", "sound", "mouth", "horn", "islands", "island", "bank",
                           "duke", "earl", "bishop", "archbishop",
                           "patriarch", "metropolitan", "prince", "princess", "king", "queen"})
#: "<Feature> <Name>" names a natural feature: "Lake Chad", "Wadi Derna", "Mount Kenya",
#: "Ras Isa", "Jebel Marra" (when the gazetteer lacks the whole name)
FEATURE_PREFIXES = frozenset({"lake", "lakes", "mount", "mt", "mountains", "wadi", "jebel",
                              "jabal", "jbel", "djebel", "ras", "rio", "río", "lago", "isla",
                              "ile", "île", "isle", "loch", "glen", "cape", "river"})
FACILITY_MODIFIERS = frozenset({
    "coal", "nuclear", "power", "thermal", "hydroelectric", "hydro", "steel", "chemical",
    "oil", "gas", "refugee", "displacement", "displaced", "border", "air", "military",
    "international", "river", "sea", "metallurgical", "iron", "coke", "ammunition",
    "thermoelectric", "solar", "wind", "water", "cement", "grain", "rail", "railway",
})
#: lower-case words that may sit inside a multi-word name ("Rostov-on-Don", "Deir al-Balah")
CONNECTIVES = frozenset({
    "of", "for", "on", "upon", "de", "del", "della", "la", "le", "les", "al", "el", "an", "ad",
    "ar", "as", "at", "ash", "ath", "az", "ibn", "bin", "du", "des", "da", "do", "dos", "das",
    "y", "the", "and", "sur", "au", "aux", "am", "im", "der", "den", "di", "und", "en", "na",
    "nad", "pod", "i", "e", "ul",
})
#: particles inside personal names ("Ahmed al-Sharaa", "Ursula von der Leyen")
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "del", "da", "di", "du",
                            "van", "von", "der", "den", "la", "le", "ben", "ould", "ag"})
#: verbs that make a capital the government it hosts ("Kyiv said", "Washington warned")
REPORTING_VERBS = frozenset("""
said says say warned warns warn claimed claims claim announced announces announce denied
denies deny accused accuses accuse urged urges urge insisted insists insist acknowledged
acknowledges acknowledge pledged pledges pledge rejected rejects reject condemned condemns
condemn demanded demands demand called calls told tells tell wants wanted want threatened
threatens threaten responded responds respond confirmed confirms confirm reported reports
stated agreed agrees agree refused refuses refuse hopes hoped believes believed argued argues
vowed vows vow signalled signaled signals ordered orders order sent sends send launched
launches launch opened opens backed backs back supports supported support recognised
recognized recognises recognizes sanctioned sanctions expelled expels imposed imposes
mediating mediated mediates brokered brokering brokers promised promises promise decided
decides approved approves blamed blames blame summoned summons protested protests retaliated
retaliates signed signs negotiated negotiates negotiating dismissed dismisses welcomed
welcomes offered offers proposed proposes considers considered fears feared insisting
pressing pushing demanding seeking urging calling trying threatening backing supporting
accusing denying warning claiming has_said responded replied replies reply countered
counters hit struck strikes retaliating deployed deploys deploying invaded invades
""".split())
#: verbs of speech: a town never says anything ("Austin said" is a person)
SPEECH_VERBS = frozenset({
    "said", "says", "told", "tells", "warned", "warns", "claimed", "claims", "announced",
    "announces", "denied", "denies", "insisted", "insists", "added", "adds", "noted", "notes",
    "wrote", "writes", "tweeted", "posted", "argued", "argues", "stated", "responded",
    "replied", "replies", "urged", "urges", "accused", "accuses", "acknowledged",
    "acknowledges", "admitted", "admits", "confirmed", "confirms", "explained", "explains",
    "recalled", "recalls", "asked", "asks", "vowed", "vows", "pledged", "pledges",
})
#: verbs whose object, when a capital, is its government ("accused Kigali of ...")
ADDRESSING_VERBS = frozenset({
    "accused", "accuses", "accuse", "accusing", "urged", "urges", "urge", "urging", "blamed",
    "blames", "blame", "blaming", "criticised", "criticized", "criticises", "criticizes",
    "pressed", "presses", "pressing", "sanctioned", "sanctions", "warned", "warns", "warning",
    "condemned", "condemns", "told", "asked", "asks", "thanked", "thanks", "lobbied",
    "persuade", "persuaded", "pressured", "pressure", "trust", "trusts", "distrust",
    "ordered", "orders", "ordering", "fined", "fining", "summoned", "forced", "compelled",
    "reward", "rewards", "rewarded", "rewarding", "punish", "punishes", "punished",
    "punishing", "appease", "appeases", "appeased", "appeasing",
})
#: irregular past tenses: "Moscow bore responsibility", "Kinshasa cut ties" (a finite verb
#: after a capital makes it the government; see `PLACE_SUBJECT_VERBS` for the exceptions)
IRREGULAR_PAST = frozenset("""
bore brought built bought caught chose cut dealt drew drove forbade forgave fought gave got
held hid kept knew laid led left lent let made meant met paid put quit rebuilt sent set shot
shut sold sought spent spoke stole struck swore taught threw told took tore understood
undertook upheld withdrew withheld won wrote
""".split())
#: verbs a place itself does or undergoes as a subject: "Kabul fell", "Kyiv saw shelling",
#: "Manila recorded 300 mm of rain": after a capital they leave it a place
PLACE_SUBJECT_VERBS = frozenset("""
fell fall falls saw see sees seen suffered suffer suffers endured endure endures experienced
experiences remained remain remains became become becomes lay lies sat sits stood stands lost
loses faced faces recorded records received receives hosted hosts woke wakes shook shakes
flooded floods burned burnt burns had has have been be is was were are came comes come went
goes go lay looked looks looms loomed sweltered braced braces counted counts mourned mourns
emptied empties reopened reopens shuddered trembled host lose face record receive suffer
endure experience flood burn shake lie sit stand mourn brace count wake reopen empty
shivered choked baked sank sinks grew grows topped tops ranked ranks reeled awoke descended
starved froze freezes darkened plunged rose rises ran sweltered
""".split())
#: modal verbs: "Washington would keep up pressure" (the next word is a verb)
MODALS = frozenset({"will", "would", "could", "can", "may", "might", "must", "should", "shall"})
#: words after "<Name>" that look like -ed verbs but are not finite ones
NOT_VERBS_ED = frozenset({"red", "bed", "shed", "based", "led", "hundred", "need", "seed",
                          "speed", "feed", "creed", "breed", "greed", "weed", "deed", "wed"})
#: nouns of armed or criminal groups named after a place or a people ("Sinaloa cartel",
#: "Amhara militia"): the name is the group's, not the place's
GROUP_NOUNS = frozenset({
    "cartel", "cartels", "gang", "gangs", "militia", "militias", "militiamen", "mafia",
    "syndicate", "syndicates", "clan", "clans", "clansmen", "tribesmen", "fighters",
    "rebels", "insurgents", "nationalists", "herders", "pastoralists", "militants",
    "gunmen", "guerrillas",
})
AUXILIARIES = frozenset({"has", "have", "had", "is", "was", "were", "are", "will", "would",
                         "could", "can", "may", "might", "must", "should", "did", "does",
                         "do", "been", "not", "also", "still", "again", "then", "has’",
                         "n’t", "never", "already", "quickly", "repeatedly", "publicly"})
#: prepositions and nouns that put the next name on the ground ("near Lyptsi", "town of")
LOCATIVES = frozenset({
    "in", "near", "outside", "around", "from", "to", "toward", "towards", "into", "across",
    "at", "between", "beyond", "through", "via", "by", "of", "inside", "within", "north",
    "south", "east", "west", "on", "reached", "entered", "captured", "seized", "shelled",
    "struck", "hit", "took", "retook", "capturing", "seizing", "besieging", "besieged",
    "town", "city", "village", "villages", "towns", "cities", "outpost", "port", "capital",
    "у", "в", "біля", "до", "під", "з", "із", "від", "поблизу", "через",
})
#: singular nouns of a settlement or area after an area's name: "the North Darfur village of
#: Saluma", "the Kherson town of Beryslav" name the area, no sea or river of its name
PLACE_IN_AREA_NOUNS = frozenset({"village", "town", "city", "district", "countryside",
                                 "settlement", "hamlet", "capital", "county"})
#: prepositions that put people at a place: "officials in Kyiv said" is no metonym
AT_PLACE = frozenset({"in", "at", "from", "inside", "near", "outside", "у", "в", "з"})
#: verbs of territorial control: "controlling Donetsk and Luhansk" speaks of regions
CONTROL_VERBS = frozenset({
    "control", "controls", "controlled", "controlling", "annex", "annexed", "annexes",
    "annexing", "annexation", "occupy", "occupies", "occupied", "occupying", "occupation",
    "incorporate", "incorporated", "incorporating", "liberate", "liberated", "liberating",
    "liberation", "claims", "claimed", "claiming", "whole", "entire", "all", "regions",
    "provinces", "oblasts", "governorates", "states",
})
#: words that make the next name another name of a place just mentioned
ALIAS_CUES = frozenset({"formerly", "previously", "known", "called", "calls", "call",
                        "renamed", "named", "aka", "alias", "once", "former", "old",
                        "колишній", "колишнього", "раніше"})
#: nouns after "City’s": the place itself, not its government ("Pokrovsk’s population")
PLACE_ATTRIBUTES = frozenset({
    "population", "residents", "inhabitants", "people", "civilians", "streets", "outskirts",
    "centre", "center", "suburbs", "suburb", "mayor", "airport", "hospitals", "hospital",
    "districts", "district", "neighbourhoods", "neighborhoods", "buildings", "skyline",
    "metro", "port", "harbour", "harbor", "schools", "homes", "houses", "water", "power",
    "electricity", "roads", "railway", "station", "defenders", "defences", "defenses",
    "garrison", "old", "historic", "main", "largest", "biggest", "eastern", "western",
    "northern", "southern", "central", "city", "town", "region", "oblast", "province",
    "border", "borders", "coast", "outskirt", "industrial", "coal", "mine", "mines", "plant",
    "market", "markets", "bridge", "bridges", "university", "squares", "square", "council",
    "military", "administration", "strategic", "significance", "fall", "capture", "siege",
    "battle", "loss", "residential", "economy", "infrastructure",
})
#: heads of the public bodies and institutions of a place: a place named before one ("the
#: Texas Department of Health", "Ohio Supreme Court", "Dublin City Council", "the Kharkiv
#: Regional Administration", "Ohio State University") is the place the body serves, and a
#: map shows it; armed groups, parties, firms and clubs ("Arakan Army", "US Navy") are not
JURISDICTION_HEADS = frozenset({
    "department", "council", "senate", "assembly", "court", "police", "administration",
    "government", "ministry", "commission", "office", "service", "services", "agency",
    "authority", "university", "college", "school", "parliament", "congress", "legislature",
    "patrol", "board", "schools", "district", "bureau", "division", "guard", "association",
    "coalition",
})
#: heads of the local institutions and buildings a town's name opens ("Hartford Hospital",
#: "the Santa Ana Zoo", "Mansfield Law Enforcement Center"): the town is named there
LOCAL_HEADS = JURISDICTION_HEADS | frozenset({
    "hospital", "zoo", "library", "museum", "fire", "recreation",
    "parks", "courthouse", "jail", "airport", "stadium", "arena", "station",
})
#: adjectives of peoples, languages and faiths that no suffix rule derives from a country's
#: name (`geo.countries.is_demonym` reads "Russian", "Sudanese"): "English", "Dutch",
#: "Arab", "Christian" are no towns (though Arab, Alabama and English, Indiana exist)
PEOPLE_ADJECTIVES = frozenset({
    "english", "french", "dutch", "welsh", "scottish", "irish", "british", "swiss", "greek",
    "thai", "arab", "arabic", "christian", "muslim", "jewish", "hindu", "buddhist",
    "catholic", "protestant", "orthodox", "sunni", "shia", "shiite", "kurdish", "igbo",
    "yoruba", "hausa", "pashtun", "flemish", "basque", "catalan", "cornish", "maori",
    "slavic", "latino", "hispanic", "anglo", "celtic", "gaelic", "creole", "cajun",
    "amish", "mormon", "baptist", "methodist", "lutheran", "evangelical", "coptic",
})
#: holidays and feasts spelt like a town ("Christmas", "Passover", "Ramadan"): the day
HOLIDAYS = frozenset({
    "christmas", "easter", "passover", "hanukkah", "chanukah", "ramadan", "eid", "diwali",
    "thanksgiving", "halloween", "lent", "advent", "pentecost", "purim", "sukkot",
    "yom kippur", "rosh hashanah", "nowruz", "kwanzaa", "epiphany",
})
#: climate phenomena spelt like a town ("El Niño", "La Niña": towns in Mexico and Peru)
WEATHER = frozenset({"el nino", "la nina", "el niño", "la niña"})
#: English contractions the tokenizer reads as one capitalised word ("I've", "I'd")
CONTRACTIONS = frozenset(
    f"{p}{s}" for p in ("i", "we", "you", "he", "she", "it", "they", "that", "there", "who")
    for s in ("ve", "d", "ll", "re", "m", "s"))
#: nouns a town's name modifies and a person's does not ("Gainesville residents", "the
#: Omaha city council"): the name is a place there
RESIDENT_NOUNS = frozenset({
    "residents", "inhabitants", "population", "mayor", "city", "town", "council", "streets",
    "suburbs", "neighbourhoods", "neighborhoods", "schools", "voters", "police", "township",
    "county", "village", "downtown", "area", "firefighters", "taxpayers", "homeowners",
})
#: capitalised words that may follow a name without making it a person's ("Gaza City")
GENERIC_NAME_WORDS = frozenset({
    "city", "town", "village", "region", "oblast", "province", "state", "governorate",
    "district", "strip", "valley", "river", "mountains", "sea", "coast", "bay", "lake",
    "island", "islands", "peninsula", "desert", "plain", "basin", "corridor",
    "airport", "mine", "plant", "station", "camp", "crossing", "bridge", "dam", "port",
    "area", "areas", "sector", "axis", "direction", "raion", "county", "municipality",
    "nuclear", "power", "coal", "border", "square", "highway", "road", "railway",
    "wadi", "jebel", "jabal", "ras", "mount", "barrage", "airfield", "harbour",
})

#: words that may follow a place name after "in": the phrase ends there ("in Geneva on
#: Tuesday", "in Geneva, where"), unlike "in Reading the report", "in Mobile phones"
CLAUSE_WORDS = frozenset({
    "on", "in", "at", "and", "or", "but", "where", "which", "who", "that", "to", "for",
    "with", "last", "this", "next", "after", "before", "since", "during", "until", "as",
    "by", "from", "near", "when", "while", "is", "was", "were", "has", "had", "have", "will",
    "would", "earlier", "later", "today", "yesterday", "tomorrow", "over", "under",
    "about", "into", "amid", "despite", "than", "if", "because", "so", "then", "again",
    "between", "among", "against", "across", "along", "around", "toward", "towards",
    "within", "through", "throughout", "beyond", "behind", "below", "above", "up", "down",
    "off", "out", "past", "via", "per", "like", "outside", "inside", "whose", "alone",
    "itself", "overnight", "early", "late",
})

#: an area word after a name, in the singular: "the Donetsk and Luhansk regions" tries
#: "donetsk region"
SINGULAR_AREA_WORDS = {"regions": "region", "oblasts": "oblast", "provinces": "province",
                       "states": "state", "governorates": "governorate",
                       "prefectures": "prefecture", "regional": "region", "oblast’": "oblast"}
#: the area types tried after any area word ("Belgorod region" may be a "Belgorod Oblast")
AREA_TYPES = ("region", "oblast", "province", "state", "governorate")

#: members of a legislature or a party, "from" the state or province they represent
CONSTITUENCY_NOUNS = frozenset({
    "senator", "senators", "congressman", "congresswoman", "congressmen", "congresswomen",
    "representative", "representatives", "republican", "republicans", "democrat",
    "democrats", "lawmaker", "lawmakers", "legislator", "legislators"})
ARTICLES = frozenset({"the", "a", "an"})

#: the months of the year, in English: "in March", "since May" are dates, whatever towns
#: bear the name ("March, Cambridgeshire" is read through its qualifier)
MONTHS = frozenset(normalize(m) for m in (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"))
#: the days of the week, in English: "by Thursday" (GeoNames: "Thursday" for Thursday
#: Island, Queensland)
WEEKDAYS = frozenset(normalize(d) for d in (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))

#: nouns for the sides of a conflict or a negotiation: "Tripoli and the eastern authorities"
ACTOR_NOUNS = frozenset({
    "authorities", "government", "governments", "rebels", "militia", "militias", "army",
    "insurgents", "militants", "opposition", "junta", "administration", "regime", "faction",
    "factions", "movement", "coalition", "alliance", "leadership", "parliament", "ministry",
    "president", "kremlin", "cartel", "cartels", "gangs", "separatists", "islamists",
})
COAST_WORDS = frozenset({"coast", "coastline", "seaboard", "shore", "shores", "seabed"})
STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm", "depression"})
CRIME_GROUPS = frozenset({"cartel", "cartels", "gang", "gangs", "mafia", "syndicate",
                          "syndicates"})

#: connectives that are English words between spaces ("as", "at", "on"): inside a name only
#: when hyphenated ("Rostov-on-Don", "Deir al-Balah")
SPACED_NOT_CONNECTIVES = frozenset({"as", "at", "an", "on", "am", "im", "en", "do", "y",
                                    "upon", "sur", "au", "aux", "na", "pod", "nad", "i", "e",
                                    "ul"})


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Common English words (`geo._recognize_words.COMMON_WORDS`), loaded on first use,
    with the British spellings of its American ones (`british_spellings`)."""
    from geo._recognize_words import COMMON_WORDS

    return COMMON_WORDS | british_spellings(COMMON_WORDS)


def british_spellings(words) -> frozenset[str]:
    """The British forms of American spellings among `words`: "-ter" and "-ber" as
    "-tre" and "-bre" ("center" -> "centre", "fiber" -> "fibre") and "-or" as "-our" ("harbor" ->
    "harbour", "labor" -> "labour"). Webster's Second, the source of the common words, is
    American: without them "the Detention Centre" read as Centre, Alabama, while "the
    Detention Center" did not. A form that is no word ("watre") matches nothing."""
    out = set()
    for w in words:
        if len(w) > 4 and w.endswith(("ter", "ber")) and w[-4] != w[-3]:
            out.add(w[:-2] + "re")
        elif len(w) > 4 and w.endswith("or") and w[-3] not in "aeiouy":
            out.add(w[:-2] + "our")
    return frozenset(out - set(words))


@lru_cache(maxsize=1)
def person_names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames), lower case: the US Census Bureau's 1990 name files as the
    PyPI package `names` 0.3.0 ships them, vendored into ``geo/data/person_names.txt`` by
    ``scripts/vendor_person_names.py`` (its header gives the source and the sha256)."""
    from pathlib import Path

    given: set[str] = set()
    surnames: set[str] = set()
    into = given
    path = Path(__file__).with_name("data") / "person_names.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            into = given if line == "[given]" else surnames
            continue
        into.add(line)
    return frozenset(given), frozenset(surnames)
