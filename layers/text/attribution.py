"""Who a sentence's claims are attributed to.

Rules, tried in this order on a sentence (the first that matches wins, and it applies to
every claim of the sentence: a trailing "..., per local officials." covers each figure):

1. "per X" / "according to X" / "citing X" / "X's data|estimates|figures show": X up to
   the end of the clause (a parenthesised acronym is kept: "Institute for the Study of
   War (ISW)");
2. a speech verb after the source: "..., says media reports", "..., said the governor";
3. a speech verb after a named speaker: "Commander-in-Chief Oleksandr Syrskyi reported"
   -> "Oleksandr Syrskyi" (the title goes to the note); a common-noun speaker of the
   source vocabulary ("local officials said", "the ministry reported") is kept whole;
4. "he/she/they said" gives the pronoun (the extractor resolves it, and "the agency",
   "the group", "the monitor", to the last source named before: see `REFERRING`);
5. otherwise "unattributed". "Reportedly" and "allegedly" name nobody.

`SourceTrail` reads an article's sentences in order and gives each its source with what
the sentences before said: "he said" and "the agency said" stand for the last source named
in the three sentences before; "In addition, ..." goes on with the sentence before's; the
body whose report the lead gives (`report_source`) covers the later figures that name
nobody. `clause_source` splits a sentence's source between its clauses when two are named.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from layers.text.sentences import Sentence

__all__ = ["GOES_ON_NOTE", "Attribution", "find_attribution", "report_source", "with_short_name", "UNATTRIBUTED", "REFERRING",
           "Sourced", "SourceTrail", "clause_source"]

UNATTRIBUTED = "unattributed"
#: the note of a source carried from the sentence before, whose report goes on in this one
GOES_ON_NOTE = "source from the sentence before: its report goes on"

_VERBS = (r"said|says|say|told|tells|reported|reports|report|stated|states|claimed|claims|"
          r"announced|announces|estimated|estimates|confirmed|confirms|wrote|writes|noted|"
          r"notes|added|adds|warned|warns|posted|declared|insisted|alleged|according|described|describe|"
          r"describes|counted|counts|listed|documented|recorded|revealed|reveals|noting|showed|"
          r"shows|registered|estimate|cited|quoted|plans|planned|expects|expected|"
          r"received (?:[a-z-]+ )?reports|clarified|clarifies|explained|specified|indicated|informed|"
          r"puts? (?:the|its|their) (?:[a-z]+ )?(?:toll|magnitude|number|figure|count|tally|estimate|total|"
          r"crowd|turnout|cost|damage|losses)|stressed|emphasi[sz]ed|pointed out|acknowledged|"
          r"admitted|disclosed|mentioned|underlined|testified|expressed (?:concern|alarm|fears?|hope)")
_TITLES = {
    "president", "prime", "minister", "commander", "commander-in-chief", "chief", "general",
    "gen.", "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "head", "deputy",
    "colonel", "col.", "lieutenant", "major", "captain", "sergeant", "admiral", "secretary",
    "foreign", "defense", "defence", "interior", "regional", "military", "administration",
    "ambassador", "official", "analyst", "adviser", "advisor", "senator", "chancellor",
    "lt.", "maj.", "capt.", "sgt.", "dr.", "mr.", "mrs.", "ms.", "prof.", "staff", "army",
    "city", "oblast", "acting", "former", "top", "senior", "the", "of", "and", "general's",
    "brigadier", "lieutenant-general", "major-general", "marshal", "commissioner", "envoy",
    "director", "director-general", "leader", "interim", "vice", "supreme", "speaker",
    "representative", "coordinator", "chairman", "chairwoman", "chair", "king", "queen",
    "prince", "sheikh", "emir", "general", "senior", "ombudsman", "rapporteur",
    "sheriff", "judge", "inspector", "superintendent", "constable", "councillor", "councilor", "coroner",
}
_NATIONALITY = re.compile(r"^(?:Ukrainian|Russian|American|British|German|French|Polish|Belarusian|"
                          r"Israeli|Palestinian|Chinese|Turkish|Iranian|Syrian|Lebanese|Sudanese|"
                          r"Pakistani|Iraqi|Yemeni|Saudi|Emirati|Kuwaiti|Qatari|"
                          r"[A-Z][a-z]+(?:ian|ish|ese))$")
# common-noun sources a speaker may be ("local officials said")
_SOURCE_NOUNS = (r"(?:[A-Z][\w’'-]*(?:’s|'s) )?(?:(?:(?i:local|regional|city|military|Ukrainian|Russian|"
                 r"Western|U\.S\.|government|police|health|emergency|humanitarian|senior|unnamed|"
                 r"anonymous|defen[cs]e|foreign|interior|aid|rebel|United Nations|UN|U\.N\.|hospital|district|"
                 r"county|state|provincial|municipal|village|town|fire|disaster|rescue|army|company|mine|"
                 r"port|security|management|agency|ministry|government’s|government's)|[A-Z][a-z]+(?:ian|ish|ese|i)|"
                 r"Tuareg|Kurdish|Houthi|Palestinian|Israeli) )*(?i:officials|authorities|"
                 # one holder of an office: "a local police official said", "the district head said"
                 r"official|minister|director|president|head|chief|commissioner|coroner|sheriff|"
                 r"county|province|municipality|"
                 r"ministry|military|army|police|media reports|media|reports|witnesses|residents|"
                 r"analysts|experts|sources|observers|monitors?|spokes(?:man|woman|person)|governor|"
                 r"mayor|commanders?|General Staff|state media|officers|soldiers|volunteers|the UN|"
                 r"the United Nations|rebels|separatists|militants|insurgents|fighters|activists|"
                 r"rescuers|medics|doctors|agencies|groups|group|agency|paramedics|air force|"
                 r"navy|border guards?|emergency services?|prosecutors?|prosecutor’s office|"
                 r"prosecutor's office|intelligence|administration|command|(?:security |military |police |"
                 r"medical |hospital )?sources?|prefecture|police headquarters|(?:official )?documents?|"
                 r"hospital|observatory|government|company|report|data|statement|organi[sz]ers|unions?|headquarters|"
                 r"head of the [\w’' -]{1,50}?)")

_PER_RE = re.compile(r"(?:^|[\s,;(—–-])(?:per(?!\s+(?:day|week|month|year|hour|night|cent|capita|"
                     r"person|head|kilomet|km|mile|square|\d))|according to|citing|data from|figures from|"
                     r"estimates by|estimates from|(?:count|tally|estimate|figure)s? (?:by|from)|as reported by|reported by|said by|"
                     r"(?:issued|published|released|announced|confirmed|compiled|provided) by)\s+"
                     r"(?P<src>[^,;:.!?—–]+?(?:\s*\([^)]{1,40}\))?)\s*(?=[,;:.!?—–]|$|"
                     # "An earlier count by the city council was four": the body, not its verb
                     r"\s(?:was|were|is|are|stood|rose|showed|put|gave)\s|"
                     # "according to the WFP's monitor while Malawi ...": the next clause is no name
                     r"\s(?:while|whereas|but|when|after|before|as|which|who|where)\s)", re.I)
_QUOTED_AS_RE = re.compile(r"\bquot(?:ed|ing|es)\s+(?P<src>[^,;:.!?]{3,80}?)\s+as\s+(?:saying|telling|stating)\b", re.I)
_TRAIL_RE = re.compile(rf",[\"”’']?\s*(?:{_VERBS})\s+(?P<src>[^,;:.!?]+?)\s*(?=[,;:.!?]|$)", re.I)
_NAME_AFTER_RE = re.compile(r"^,\s*(?P<name>[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|al-[A-Z][\w’'-]+)){1,3})"
                            r"\s*[.!?\"”]*\s*$")
# between a speaker and the verb: an adverb ("abruptly announced", "announced here"
# before the verb is "here announced" no more than it is after), a stock ticker
# ("Caterpillar Inc <CAT.N> said")
_ADVERB = r"(?:<[A-Z.]{1,12}>\s+)?(?:(?:earlier|also|previously|later|already|initially|first|(?!(?:daily|weekly|monthly|yearly|quarterly|nightly|hourly|family|only)\s)[a-z]{3,}ly)\s+)?"
_PARTICLE = r"(?:al|el|ad|as|bin|ibn|van|von|de|da|di|du|la|le|dos|das|der)(?:-[A-Z][\w’']*)?"
_LEAD_RE = re.compile(rf"(?P<pre>(?:^|(?<=[\s(“\"—–]))(?:[A-Z][\w’'.-]*|of|the|and)"
                      rf"(?:\s+(?:[A-Z][\w’'.-]*|{_PARTICLE}|of|for|the|and|\([A-Z][A-Za-z&]{{1,9}}\)(?=\s+[A-Z])))*)"
                      rf"(?:\s+\([A-Z][A-Za-z]{{1,9}}\))?"
                      rf",?\s+(?:(?:has|have|had)\s+)?{_ADVERB}"
                      rf"(?:{_VERBS})\b")
# a speaker, then who the speaker is, then the verb: "Jane Doe, a spokesperson for the
# agency, said", "Jane Doe, spokesperson for ...", "Jane Doe, UNHCR's representative in ..."
_APPOSITION_TITLES = (r"spokes(?:person|man|woman)|head|director|chief|minister|governor|mayor|representative|"
                      r"commander|president|secretary|coordinator|chair(?:man|woman)?|official|adviser|advisor|"
                      r"deputy|manager|leader|founder|professor|researcher|analyst|officer|envoy|ambassador")
_APPOSITIVE_RE = re.compile(rf"(?:^|(?<=[\s“\"”]))(?P<name>[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|{_PARTICLE})){{1,3}}),"
                            rf"\s+(?:(?:a|an|the)\s+|[A-Z][\w’'.-]*(?:’s|'s)\s+|(?=(?i:{_APPOSITION_TITLES})\b))"
                            rf"[^;:.!?\"“”]{{3,140}}?,\s+(?:(?:has|had|also)\s+)?(?:{_VERBS})\b")
# an office of a place named before: "Its president has also said", "their health ministry reported"
_OFFICE_OF_RE = re.compile(rf"(?:^|(?<=[\s“\"]))(?P<src>(?:[Ii]ts|[Tt]heir)\s+(?:[a-z-]+\s+){{0,2}}?"
                           rf"(?:{_APPOSITION_TITLES}|government|ministry|army|military|police))\s+"
                           rf"(?:(?:has|have|had)\s+)?{_ADVERB}(?:{_VERBS})\b")
# a person's name after their office in lower case: "local disaster agency head Jane Doe"
_TITLED_NAME_RE = re.compile(rf"\b(?:{_APPOSITION_TITLES}|spokes\w+|chief|head)\s+"
                             rf"(?P<name>[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|{_PARTICLE})){{1,3}})$")
# a speech said as a participle of the main clause: "..., noting that", "..., adding that"
_PARTICIPLE_RE = re.compile(r",\s+(?:(?:noting|adding|stressing|explaining|warning|claiming|insisting|"
                            r"arguing|estimating|reporting)\s+that|saying)\b")
# the main clause's named subject: a capitalised phrase right before its verb
_SUBJECT_RE = re.compile(r"(?:^|(?<=[\s“\"]))(?P<pre>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|for|the|and))*)"
                         r"(?:\s+\([A-Z][A-Za-z]{1,9}\))?,?\s+(?:(?:has|have|had|also)\s+)?[a-z]+(?:ed|s)\b")
_MEDIA_NOUNS = (r"daily|newspaper|news agency|broadcaster|tabloid|weekly|magazine|news site|news outlet|radio|"
                r"television")
_MEDIA_NOUN_RE = re.compile(rf"\b(?:{_MEDIA_NOUNS})\b", re.I)
# a newspaper, a broadcaster or an agency said with its kind: "Le Soir daily", "news agency Antara"
_MEDIA_RE = re.compile(rf"(?:^|(?<=[\s“\"]))(?P<src>(?:[A-Z][\w’'.-]*\s+){{0,4}}(?:{_MEDIA_NOUNS})"
                       rf"(?:\s+[A-Z][\w’'-]*){{0,3}})\s+(?:(?:has|have|had)\s+)?{_ADVERB}(?:{_VERBS})\b")
# a name that is the object of a preposition is not the subject of the verb after it
# (not after a word for what a source issues: "A statement by Jane Doe said")
_OBJECT_OF_RE = re.compile(r"\b(?!(?:statement|statements|report|reports|letter|post|message|tweet|"
                           r"interview|remarks|spokesperson|spokesman|spokeswoman|office|note)\s)"
                           r"[\w’']+\s+(?:to|by|of|for|with|from|against|under|behind|than)\s+$", re.I)
# a speaker inside a relative clause speaks for its noun only: "an officer who the UN said died"
_RELATIVE_RE = re.compile(r"\b(?:who|whom|which|what)\s+(?:the\s+)?$")
#: words that open a sentence before a noun that is also a verb ("Initial estimates put",
#: "Early reports said"): no one's name
_REPORT_ADJECTIVES = {"initial", "early", "earlier", "preliminary", "latest", "official", "unofficial",
                      "provisional", "final", "first", "new", "recent", "previous", "separate", "independent",
                      "updated", "revised", "local", "media", "press", "news", "some", "other", "many", "several"}
_COMMON_RE = re.compile(rf"\b(?P<src>{_SOURCE_NOUNS}(?:\s+\([A-Z][A-Za-z]{{1,9}}\))?)(?:\s+(?:in|at|for|from) (?:the )?"
                        rf"[A-Z][\w’'-]*(?:[ -][A-Za-z][\w’'-]*){{0,3}})?\s+(?:(?:have|has|had)\s+)?{_ADVERB}"
                        rf"(?:{_VERBS})\b")


# verbs that make their subject a source only when the sentence names no other
_WEAK_VERB_RE = re.compile(r"\b(?:counted|counts|listed|documented|recorded|registered|revealed|"
                           r"reveals|noting|showed|shows)$", re.I)
_COMMON_ONLY_RE = re.compile(_SOURCE_NOUNS, re.I)
_PRONOUN_RE = re.compile(rf"\b(?P<src>[Hh]e|[Ss]he|[Tt]hey)\s+(?:(?:also|later|earlier|had|has|have)\s+)?"
                         rf"(?:{_VERBS})\b|"
                         # "it" speaks only as a body: "It said on Twitter that ..."
                         r"(?:^|(?<=[\s“\"]))(?P<it>It|it)\s+(?:(?:also|later|earlier|had|has|have)\s+)?"
                         r"(?:said|says|told|reported|reports|added|adds|stated|announced|confirmed|noted|"
                         r"warned|posted|wrote|estimated|estimates)\b")
#: sources that stand for someone named before ("he said", "the agency said")
REFERRING = {"he", "she", "they", "it", "agency", "group", "monitor", "organisation", "organization",
             "ministry", "spokesman", "spokeswoman", "spokesperson", "official", "observatory",
             "headquarters", "report", "department", "office", "service", "authority", "commission",
             "council", "bureau", "centre", "center", "institute", "company"}
#: pronouns among them (a pronoun that stands for nobody named before names nobody)
_PRONOUNS = {"he", "she", "they", "it"}


@dataclass(frozen=True)
class Attribution:
    """The source a sentence names (or "unattributed"), its span and the title dropped."""

    source: str = UNATTRIBUTED
    start: int = -1
    end: int = -1
    title: str = ""
    #: "the officials clarified": a definite plural that stands for a body named before
    refers: bool = False


_DATE_WORD_RE = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
                           r"March|April|May|June|July|August|September|October|November|December|"
                           r"Today|Yesterday|Tonight)(?:\s+\w+)?")
# "the officials", "the authorities": people the text has already named
_DEFINITE_PLURAL_RE = re.compile(r"(?:^|\s)the\s+(?:officials|authorities)$", re.I)


def _clean(src: str) -> str:
    src = re.sub(r"\s+", " ", src).strip(" \"'“”’")
    src = re.sub(r"^(?:the|a|an)\s+", "", src, flags=re.I)
    # "a tally from news agency X", "the latest figures from the X": the body
    src = re.sub(r"^(?:(?:latest|new|official|daily|weekly)\s+)?(?:tally|tallies|count|figures|data|estimates?|"
                 r"statement|report)\s+(?:from|by|of)\s+(?:the\s+)?(?=\S)", "", src, flags=re.I)
    return src


_BODY_NOUN_RE = re.compile(r"Agency|Authority|Ministry|Service|Services|Office|Department|Council|Committee|"
                           r"Commission|Administration|Command|Centre|Center|Institute|Board|Bureau|"
                           r"Directorate|Organi[sz]ation|Corps|Society|Association|Observatory")


def _person_after_office(words: list[str]) -> str:
    """The person an office is named before ("Odesa Regional Governor Jane Doe", "Monticello
    Fire Chief Jane Doe", "the Regional Military Administration Jane Doe"), or ""."""
    for j in range(len(words) - 2, 0, -1):
        w = words[j - 1]
        if (w.lower() in _TITLES and w.lower() not in ("the", "of", "and")) or _BODY_NOUN_RE.fullmatch(w):
            rest = words[j:]
            if 2 <= len(rest) <= 3 and all(re.fullmatch(r"[A-Z][\w’'-]+", x) for x in rest) \
                    and not any(x.lower() in _TITLES or _BODY_NOUN_RE.fullmatch(x) for x in rest):
                return " ".join(rest)
            return ""
    return ""


def _split_title(phrase: str) -> tuple[str, str]:
    """("Ukrainian Commander-in-Chief Oleksandr Syrskyi") -> ("Oleksandr Syrskyi", title)."""
    words = phrase.split()
    if len(words) > 1 and _BODY_NOUN_RE.fullmatch(words[-1]):
        return re.sub(r"^(?:[Tt]he|[Oo]f|[Aa]nd)\s+", "", phrase), ""  # "Regional Disaster Authority" is a body, not a title and a name
    i = 0
    while i < len(words) and (words[i].lower() in _TITLES or _NATIONALITY.match(words[i])
                              or words[i].lower().rstrip("’'s") in _TITLES):
        i += 1
    person = _person_after_office(words[i:])
    if person:
        return person, " ".join(words[:len(words) - len(person.split())])
    name = " ".join(words[i:])
    return name, " ".join(words[:i])


# an initialism's dots ("U.N.", "U.S.") end no name: read as this mark, of one character too
_INITIALS_RE = re.compile(r"\b(?:[A-Z]\.){2,}")
_INITIAL_DOT = "\u2024"


def find_attribution(sentence: str) -> Attribution:
    """The source named in a sentence.

    >>> find_attribution("It fell to 7,000, per local officials.").source
    'local officials'
    >>> find_attribution("Commander-in-Chief Oleksandr Syrskyi reported 400 casualties.").source
    'Oleksandr Syrskyi'
    >>> find_attribution("Ten died, according to the U.N. agency.").source
    'U.N. agency'
    """
    # the patterns that read a source up to the end of its clause see an initialism's dots
    # as this mark (the others read "U.S." as a word)
    masked = _INITIALS_RE.sub(lambda m: m.group(0).replace(".", _INITIAL_DOT), sentence)
    found = _find(sentence, masked)
    if masked == sentence or _INITIAL_DOT not in found.source + found.title:
        return found
    return replace(found, source=found.source.replace(_INITIAL_DOT, "."),
                   title=found.title.replace(_INITIAL_DOT, "."))


def _find(sentence: str, masked: str) -> Attribution:
    m = _QUOTED_AS_RE.search(masked)
    if m:
        # "It quoted local officials as saying 92,000 were affected": the ones quoted
        return Attribution(_clean(m.group("src")), m.start("src"), m.end("src"))
    m = _PER_RE.search(masked)
    if m:
        src = _clean(m.group("src"))
        named = _NAME_AFTER_RE.match(sentence[m.end("src"):])
        if named:
            # "according to the Donetsk regional governor, Vadym Filashkin."
            return Attribution(named.group("name"), m.end("src") + named.start("name"),
                               m.end("src") + named.end("name"), src)
        citing_a_reason = (re.search(r"citing\s*$", masked[:m.start("src")], re.I)
                           and not re.search(r"[A-Z]", src) and not _COMMON_ONLY_RE.search(src))
        if src and len(src.split()) <= 12 and not citing_a_reason:
            # ("citing the same factors", "citing security concerns" give a reason, nobody)
            person = _person_after_office(src.split()) if src[:1].isupper() else ""
            if person:
                # "according to Monticello Fire Chief Jane Doe": the person, the office as title
                start = m.start("src") + m.group("src").rfind(person)
                return Attribution(person, start, start + len(person), src[:src.rfind(person)].strip())
            return Attribution(src, m.start("src"), m.end("src"))
    m = _TRAIL_RE.search(masked)
    if m:
        src = _clean(m.group("src"))
        named = _TITLED_NAME_RE.search(src)
        if named and src[:1].islower() and len(src.split()) <= 10:
            # "..., said local disaster agency head Jane Doe": the person, the office as title
            start = m.start("src") + m.group("src").find(named.group("name"))
            return Attribution(named.group("name"), start, start + len(named.group("name")),
                               src[:named.start("name")].strip())
        name, title = _split_title(src) if src[:1].isupper() else (src, "")
        if name and len(src.split()) <= 5 and (src[:1].isupper() or _COMMON_ONLY_RE.fullmatch(src)):
            return Attribution(name, m.start("src"), m.end("src"), title)
    m = _APPOSITIVE_RE.search(sentence)
    if m:
        return Attribution(m.group("name"), m.start("name"), m.end("name"))
    common = next((c for c in _COMMON_RE.finditer(sentence)
                   if not _RELATIVE_RE.search(sentence, 0, c.start())), None)
    leads = list(_LEAD_RE.finditer(sentence))
    for i, m in enumerate(leads):
        if common is not None and common.start() <= m.start():
            break
        if common is not None and _WEAK_VERB_RE.search(m.group(0)):
            break                   # "Nigeria recorded 676 cases, the health agency said"
        if _WEAK_VERB_RE.search(m.group(0)) and any(
                not _WEAK_VERB_RE.search(n.group(0)) for n in leads[i + 1:]):
            continue                # "Kenya recorded 30 cases, the Kenya Red Cross (KRC) said"
        if _RELATIVE_RE.search(sentence, 0, m.start()):
            continue                # "a police officer who the United Nations said died": that clause's
        if _OBJECT_OF_RE.search(sentence, 0, m.start()):
            continue                # "a group led by a fighter loyal to Jane Doe claimed": the group's
        phrase = m.group("pre").strip()
        phrase = re.sub(r"^(?:(?:As|But|And|However|Meanwhile|Earlier|Later|On|In)\s+)", "", phrase)
        name, title = _split_title(phrase)
        name = re.sub(r"^(?:of|the|and)\s+", "", name).strip()
        if name.lower() in _REPORT_ADJECTIVES:
            continue                # "Initial estimates put ...", "Early reports said": no one named
        if name and name[0].isupper() and not re.fullmatch(r"(?:It|He|She|They|We|This|That)", name) \
                and not _DATE_WORD_RE.fullmatch(name):
            start = m.start("pre") + m.group("pre").find(name)
            return Attribution(name, start, start + len(name), title)
    part = _PARTICIPLE_RE.search(sentence)
    if part:
        # "NAME condemned the attacks, noting that 24 strikes hit": the speaker is the subject
        for m in _SUBJECT_RE.finditer(sentence, 0, part.start()):
            name, title = _split_title(m.group("pre"))
            if name[:1].isupper() and not re.fullmatch(r"(?:It|He|She|They|We|This|That|[A-Z][a-z]+ing)", name) \
                    and name.lower() not in _REPORT_ADJECTIVES and not _DATE_WORD_RE.fullmatch(name):
                start = m.start("pre") + m.group("pre").find(name)
                return Attribution(name, start, start + len(name), title)
    m = _OFFICE_OF_RE.search(sentence)
    if m:
        return Attribution(m.group("src"), m.start("src"), m.end("src"))
    m = _MEDIA_RE.search(sentence)
    if m and re.search(r"[A-Z]", re.sub(r"^The\s+", "", m.group("src"))):
        # "Thursday's edition of Le Soir daily reported that": the paper
        return Attribution(m.group("src"), m.start("src"), m.end("src"))
    m = common
    if m:
        refers = bool(_DEFINITE_PLURAL_RE.search(sentence[:m.end("src")]))
        start = m.start("src")
        if "(" in m.group("src"):
            # "The UN refugee agency (UNHCR)": a body with a short name is named in full
            lead = re.search(r"(?:^|(?<=\s))(?:[\w’'.-]+\s+){1,3}$", sentence[:start])
            if lead and not re.match(r"(?i:the|a|an)\b", lead.group(0)):
                start = lead.start()
            elif lead:
                start = lead.start() + len(lead.group(0).split()[0]) + 1
        return Attribution(_clean(sentence[start:m.end("src")]), start, m.end("src"), refers=refers)
    m = _PRONOUN_RE.search(sentence)
    if m:
        # "he said": who "he" is the caller knows (the last named speaker)
        g = "src" if m.group("src") else "it"
        return Attribution(m.group(g).lower(), m.start(g), m.end(g))
    return Attribution()


# what a body does when it issues the figures a report gives
_REPORTING_RE = re.compile(r"\s*(?:\([A-Z][A-Za-z]{1,9}\)\s*)?(?:has|have|had)?\s*(?:confirmed|received|"
                           r"reported|recorded|released|published|issued|registered)\b")

# what may stand before a sentence's opening subject: a dateline ("CITY, ST (KXYZ) - "), "The"
_OPENING_RE = re.compile(r"\W*(?:[A-Z][A-Z’'.-]+(?:[ ,]+[A-Za-z’'.-]+){0,4}\s*(?:\([^)]{1,20}\))?\s*[-—–]+\s*)?"
                         r"(?:[Tt]he\s+)?")


def report_source(sentence: str, source: str, start: int) -> str:
    """The body whose report an article's first attributed sentence gives, or "".

    Only a named body (capitalised, not a person's pronoun) that opens or closes the
    sentence as the subject of a reporting verb: "The Ministry of Health (MoH) has confirmed
    15 deaths", "The Emergency Agency has received damage reports from 30 counties", "...,
    the Fire Service (FS) has confirmed". The figures after it that name no source of their
    own are that report's.

    >>> report_source("The Health Agency has confirmed 15 deaths.", "Health Agency", 4)
    'Health Agency'
    >>> report_source("Ten homes burned, the Fire Authority has confirmed.", "Fire Authority", 22)
    'Fire Authority'
    >>> report_source("Nine died, the Health Agency said.", "Health Agency", 11)
    ''
    """
    if source == UNATTRIBUTED or not source[:1].isupper() or source.lower() in REFERRING or start < 0:
        return ""
    if _MEDIA_NOUN_RE.search(source):
        return ""               # a newspaper reports events, not a body's figures
    if not _OPENING_RE.fullmatch(sentence[:start]) and not re.search(r",\s*(?:[Tt]he\s+)?$", sentence[:start]):
        return ""               # not the sentence's opening subject (after a dateline) nor a closing one
    rest = sentence[start + len(source):] if sentence[start:start + len(source)] == source else ""
    return source if _REPORTING_RE.match(rest) else ""


_DEFINED_RE = re.compile(r"((?:[A-Z][\w’'-]*)(?:\s+(?:[A-Z][\w’'-]*|of|and|the|for|&))*)\s+\(([A-Z][A-Za-z]{1,9})\)")


@functools.lru_cache(maxsize=2)
def _short_names(text: str) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """An article's defined short names ("Ministry of Health (MoH)" -> (name, "MoH")) and
    how often each word that may be one occurs: read once per article (the cache holds the
    last two texts), so a source's look-up does not scan the text again."""
    defined = [(m.group(1), m.group(2)) for m in _DEFINED_RE.finditer(text)]
    counts: dict[str, int] = {}
    for w in re.findall(r"\b[A-Z][A-Za-z]{1,9}\b", text):
        if sum(c.isupper() for c in w) >= 2:
            counts[w] = counts.get(w, 0) + 1
    return defined, counts


def with_short_name(source: str, text: str) -> str:
    """A body's name with the short name the article also calls it by: "Mississippi
    Emergency Management Agency" -> "... Agency (MEMA)" where the text says "MEMA"
    elsewhere, or "Ministry of Health (MoH)" where the text defines "(MoH)" after the name
    and uses it again (a reader, and a reviewer matching sources, know both). A short name
    defined and never used again is left out.

    >>> with_short_name("State Disaster Agency", "The SDA said more.")
    'State Disaster Agency (SDA)'
    >>> with_short_name("Health Office", "The Health Office (HeO) said. HeO data show.")
    'Health Office (HeO)'
    >>> with_short_name("State Disaster Agency", "No short name here.")
    'State Disaster Agency'
    """
    if "(" in source or not source[:1].isupper():
        return source
    defined, counts = _short_names(text)
    for name, short in defined:
        if name == source or name.endswith(" " + source):
            return f"{source} ({short})" if counts.get(short, 0) > 1 else source
    words = [w for w in source.split() if w.lower() not in ("of", "and", "the", "for", "&")]
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return source
    short = "".join(w[0] for w in words)
    return f"{source} ({short})" if counts.get(short, 0) else source


# a speaker's verb right after the name: a place so named speaks for its government
_SPEECH_AFTER_RE = re.compile(r"\s*,?\s*(?:(?:has|have|had)\s+)?(?:(?:also|earlier|later|previously|again)\s+)?"
                              r"(?:said|says|say|told|tells|stated|states|claimed|claims|announced|announces|"
                              r"reported|reports|confirmed|confirms|warned|warns|estimated|estimates|insisted|"
                              r"added|adds|noted|wrote|posted|put the)\b")

# (a list item goes on with what introduced the list: "As the governor reported: - 1 killed")
_GOES_ON_RE = re.compile(r"[\"“]?(?:In addition|Additionally|Moreover|Furthermore|Of (?:them|these|those)|"
                         r"Among (?:them|these|those))\b|[-•*–—](?=[ \t])|"
                         # a part of the figures said before: "Four of the dead were rescuers"
                         r"(?:[\w-]+|\d[\d,.]*)\s+of\s+(?:them|these|those|the\s+(?:dead|killed|injured|wounded|"
                         r"victims|casualties|missing|deaths|fatalities|evacuees|displaced|arrested|detained))\b", re.I)
# a sentence that names the source of the one before: "That's according to a tally from X."
# a sentence that opens a quote; a quote mark; a quote that closes before its speaker
_QUOTE_OPEN_RE = re.compile(r"\s*[\"“‘']\s*[A-Z]")
_QUOTE_MARK_RE = re.compile(r"[\"“”‘]|(?:^|\s)'|'(?:\s|$|[,.])")
_QUOTE_CLOSE_RE = re.compile(r"[,.!?][\"”’']\s+(?=(?:[a-z]+\s+)?(?:said|says|told|added|wrote)\b|[A-Z])")
_BACK_RE = re.compile(r"\s*[\"“]?(?:That|This)(?:’s|'s|\s+is|\s+was)\s+(?:according\s+to|per|from)\b")

# a subject that records ("Nigeria recorded 676 cases") is a source only when nobody else is
_WEAK_SOURCE_RE = re.compile(r"\s*(?:(?:has|have|had)\s+)?(?:counted|listed|documented|recorded|registered|"
                             r"revealed|noting|showed|shows)\b", re.I)


# words of an organisation's name (a source without one, of two to four capitalised words,
# is taken for a person)
_ORG_WORD_RE = re.compile(rf"\b(?:{_BODY_NOUN_RE.pattern}|Headquarters|Press|News|Times|Post|Network|Group|"
                          r"Forces|Army|Police|Watch|International|Cross|Crescent|Fund|Programme|Program|Bank|"
                          r"Union|Court|Assembly|Parliament|Government|Company|Corporation|Inc|Ltd|Energy|"
                          r"Reuters|Nations|Red|Health|Military)\b")


def _looks_like_a_person(source: str) -> bool:
    """"Oleksandr Syrskyi", "Jane van Doe": two to four capitalised words, none an
    organisation's (an acronym, "Ministry", "Agency", "Press", ...), and not a common noun."""
    return bool(re.fullmatch(rf"[A-Z][a-z][\w’'-]*(?:\s+(?:[A-Z][a-z][\w’'-]*|{_PARTICLE})){{1,3}}", source)) \
        and not _ORG_WORD_RE.search(source)


@dataclass(frozen=True)
class Sourced:
    """A sentence's source as the article gives it: the name, what the claim's note says
    of how it was found ("" when the sentence names it as it is), and the attribution the
    sentence itself holds (its span is no place of a claim)."""

    source: str
    note: str
    attribution: Attribution


@dataclass
class SourceTrail:
    """The sources of an article's sentences, read in text order (`source` once per
    sentence, in order): what a sentence that names nobody, or "he" or "the agency", says."""

    text: str
    #: (sentence index, source) of every sentence that had one
    seen: list[tuple[int, str]] = field(default_factory=list)
    #: the body whose report the article's lead gives (`report_source`)
    report: str = ""
    #: the sentence read before
    last: Sentence | None = None
    #: whether a sentence of the body (not a headline) has named a source
    told: bool = False
    #: the countries the sentence before named
    countries: list[str] = field(default_factory=list)

    def source(self, sent: Sentence, after_figures: bool = False,
               places: list[tuple[int, int, str]] = ()) -> Sourced:
        """The source of `sent`, the next sentence of the article; `after_figures`: the
        sentence before it gave figures; `places`: (start, end, kind) of the places the
        sentence names (article offsets)."""
        sentence, index, heading = sent.text, sent.index, sent.heading
        last, self.last = self.last, sent
        countries, self.countries = self.countries, [sentence[s - sent.start:e - sent.start]
                                                     for s, e, kind in places if kind == "country"]
        attr = find_attribution(sentence)
        if attr.start >= 0 and not _SPEECH_AFTER_RE.match(sentence, attr.end) and any(
                s - sent.start == attr.start and e - sent.start == attr.end for s, e, _ in places):
            # "Lampedusa registered a record 3,000 arrivals", "Malawi has declared a state of
            # disaster": where it happens, not who tells it (a place that says, tells or
            # reports speaks for its government)
            attr = Attribution()
        office = re.match(r"(?:[Ii]ts|[Tt]heir)\s+", attr.source)
        if office and countries:
            # "Its president has also said", after a sentence about Malawi: "Malawi's president"
            attr = replace(attr, source=f"{countries[0]}’s {attr.source[office.end():]}")
        source = with_short_name(attr.source, self.text)
        note = f"{attr.title} {attr.source}".strip() if attr.title else ""
        if note:
            note = f"source as written: {note}"
        if re.fullmatch(r"[A-Z][\w’'-]+", source):
            # "Peeperkorn expressed concern": the person named in full before ("Richard Peeperkorn")
            full = next((src for _, src in reversed(self.seen) if src.endswith(" " + source)
                         and re.fullmatch(r"(?:[A-Z][\w’'.-]+\s+)+[A-Z][\w’'-]+", src)), None)
            if full is not None:
                words = full.split()
                cut = max((i + 1 for i, w in enumerate(words[:-1]) if w.lower() in _TITLES), default=0)
                full = " ".join(words[cut:])      # the person, not the office named with them
                note, source = f"'{source}' taken to be {full}", full
        if source.lower() in REFERRING or attr.refers:
            # "he said", "the agency said": the last source named in the three sentences before
            # "the agency", "the group", "it" stand for an organisation named before (a
            # capitalised name), not for "residents" or "witnesses"; "he", "they" for anyone
            # named; "the headquarters" first for a body named so ("... Relief Headquarters")
            noun = source.lower() not in ("he", "she", "they")
            named = next((src for idx, src in reversed(self.seen)
                          if src[:1].isupper() and src.split()[-1].lower() == source.lower()), None) \
                if source.lower() not in _PRONOUNS else None
            if named is None:
                named = next((src for idx, src in reversed(self.seen)
                              if index - idx <= 3 and src.lower() not in REFERRING
                              and (not noun or src[:1].isupper())), None)
            if named is not None:
                note = f"'{source}' taken to be {named}"
                source = named
            elif source.lower() in _PRONOUNS:
                source = UNATTRIBUTED
        goes_on = _GOES_ON_RE.match(sentence) if source == UNATTRIBUTED else None
        if goes_on and self.seen and self.seen[-1][0] == index - 1:
            # "In addition, 485 people are missing": the sentence before goes on, its source too
            source = self.seen[-1][1]
            note = f"'{goes_on.group(0)}': source from the sentence before"
        elif source == UNATTRIBUTED and after_figures and self.seen and last is not None \
                and self.seen[-1][0] == index - 1 == last.index and "\n" not in self.text[last.end:sent.start] \
                and not _looks_like_a_person(self.seen[-1][1]):
            # the figures of a body's sentence go on in the next, on the same line ("OCHA said
            # 11,629 were displaced. Gombe also destroyed 11,882 houses."): the same report (a
            # person's statement ends with its sentence: "NAME reported 400 casualties daily.
            # Despite deploying 110,000 troops, ..." goes on in the writer's words)
            source = self.seen[-1][1]
            note = GOES_ON_NOTE
        if source == UNATTRIBUTED and _QUOTE_OPEN_RE.match(sentence):
            # a quote that goes on from a sentence whose speaker is named ("'We had our
            # share,' said Jane Doe, the county's director. 'We had four tornadoes.'"), or
            # whose speaker is named where it closes ("'We had four tornadoes. It was
            # bad,' Jane Doe said.")
            speaker = self._quote_speaker(sent, last)
            if speaker:
                source, note = speaker, "source: the speaker of the quote it is part of"
        back = _BACK_RE.match(self.text, sent.end) if source == UNATTRIBUTED else None
        if back:
            after = find_attribution(self.text[back.start():].lstrip().split("\n", 1)[0])
            if after.source != UNATTRIBUTED and after.source.lower() not in REFERRING:
                source = with_short_name(after.source, self.text)
                note = "source from the sentence after ('That's according to ...')"
        if source == UNATTRIBUTED and self.report:
            source, note = self.report, f"'{self.report}' from the article's lead: its report"
        elif not self.report and not self.told and not heading:
            # the first sentence of the body that names a source (a headline's does not count)
            self.report = source if report_source(sentence, attr.source, attr.start) else ""
        if source != UNATTRIBUTED:
            self.seen.append((index, source))
            self.told = self.told or not heading
        return Sourced(source, note, attr)


    def _quote_speaker(self, sent: Sentence, last: Sentence | None) -> str:
        """The speaker of the quote `sent` opens: the sentence before's on its line when that
        one quotes, else the one named where the quote closes, later on its line."""
        if last is not None and self.seen and self.seen[-1][0] == sent.index - 1 == last.index \
                and "\n" not in self.text[last.end:sent.start] and _QUOTE_MARK_RE.search(last.text):
            return self.seen[-1][1]
        line_end = self.text.find("\n", sent.start)
        rest = self.text[sent.start:line_end if line_end >= 0 else len(self.text)]
        close = _QUOTE_CLOSE_RE.search(rest, 1)
        if close is None:
            return ""
        after = find_attribution(rest[close.start():])
        if after.source == UNATTRIBUTED or after.start > 40 or after.source.lower() in REFERRING:
            return ""
        return with_short_name(after.source, self.text)


def clause_source(clause: str, source: str, text: str) -> str:
    """The source of a figure in `clause` of a sentence whose source is `source`: the
    clause's own when it names another ("the CGT claims 2.8 million, against 1.27 million
    according to the Ministry": each figure its clause's). `text` is the article's."""
    if source == UNATTRIBUTED:
        return source
    own = find_attribution(clause)
    if own.source != UNATTRIBUTED and own.source.lower() not in REFERRING and own.source not in source \
            and not re.match(r"(?:[Ii]ts|[Tt]heir)\s", own.source) \
            and not _WEAK_SOURCE_RE.match(clause[own.end:]):
        return with_short_name(own.source, text)
    return source
