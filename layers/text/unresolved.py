"""Places the gazetteer lacks: the names the text writes as places ("the village of X", a
facility, a label in a run of counts by name, a list item's label) become refs that keep a
claim unplaced with its name for a reviewer to pin, never on a namesake abroad; a facility
whose name carries a town of a country the article names is placed at that town.
"""

from __future__ import annotations

import re

from layers.text.binding import UNRESOLVED, Ref

__all__ = ["unresolved_refs"]


# a named facility: "the Tenke Fungurume mine", "the Zamzam displacement camp" (capitalised
# words, perhaps a kind, then the facility noun)
_FACILITY_RE = re.compile(r"\b(?P<name>(?:[A-Z][\w’'-]+\s+){1,3}(?:(?:refugee|displacement|IDP|military|"
                          r"nuclear|hydroelectric|power|copper|gold|coal|oil|gas|cobalt|lithium|iron ore)\s+)?"
                          r"(?P<noun>mine|refinery|smelter|port|dam|power plant|power station|oilfield|"
                          r"gas field|oil field|camp|airport|air base|airbase))\b")
_NOT_NAME = {"the", "a", "an", "in", "at", "on", "its", "their", "this", "that", "his", "her", "our",
             "from", "near", "to", "of", "and", "but", "by", "for", "with", "after", "before"}


# a settlement the text names as one: "the nearby village of Dubovoye", "In Naib Rafi, a
# village that ..." (the noun then ends its phrase: "a village elder" names no village)
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"
_SETTLEMENT = r"(?:village|hamlet|town|settlement|district|suburb|neighbou?rhood|island)"
_SETTLEMENT_NAME_RE = re.compile(
    rf"\b(?:the|a)\s+(?:[a-z]+\s+){{0,2}}?{_SETTLEMENT}\s+of\s+(?P<b>{_NAME})|"
    rf"(?<![\w’'-])(?P<a>{_NAME})[\"”’']?,\s+(?:a|the)\s+(?:(?:small|remote|nearby|tiny|mountain|border|"
    rf"frontline|front-line|coastal|farming|fishing)\s+|"
    # "Maaysra, a Shiite Muslim majority village in ...": words that describe the settlement
    # (not "a resident of the town", "a spokesman for the village")
    rf"(?:(?!(?:of|the|for|to|from|in|at|by|with|and|or|who|whose|his|her|their|its)\b)[\w-]+\s+){{1,3}}?)?{_SETTLEMENT}"
    rf"(?=\s*(?:[,.;(]|that|where|which|in|near|of|with|on|about|some)\b|\s*[,.;(])|"
    # "on Sumatra island", "in Jeju island": an island named with its type noun after it
    rf"\b(?:on|in|off)\s+(?P<c>{_NAME})\s+island\b|"
    # "27 kilometres off the coast of Lanzarote": the land a sea position is told from
    rf"\boff\s+the\s+(?:coast|coasts|shores?)\s+of\s+(?P<d>{_NAME})|"
    # the target of a strike that the text locates from a known place or in an area: "a
    # strike on Bqarzla in the Minieh district", "a raid on Mashha, some 12 kilometres from
    # Tyre", "shelling of Dalia north of Homs" (the known place is a reference point)
    rf"\b(?:(?:air|drone|missile|rocket|artillery)\s*)?(?:strikes?|attacks?|raids?|shelling|bombardments?|bombings?)"
    rf"[\"”’']?\s+(?:on|of|against|in)\s+(?:the\s+(?:[a-z]+\s+)?(?:village|town)\s+of\s+)?"
    # (not an armed group struck: "strikes on Hezbollah in the Bekaa valley")
    r"(?!(?:Hezbollah|Hamas|Houthis?|Taliban|Islamic|ISIS|ISIL|IS|al-Shabaab|Shabaab|Wagner|Israeli?|Russian?|"
    r"Ukrainian?|Iranian?|Syrian?|Lebanese|Palestinian|Kurdish|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)"
    rf"(?P<e>{_NAME})"
    rf"(?=[\"”’']?(?:,?\s+(?:some\s+|about\s+|around\s+|roughly\s+|nearly\s+|just\s+)?\d[\d.,]*\s*"
    rf"(?:km|kilometres|kilometers|miles)\b|\s+in\s+the\s+{_NAME}\s+(?:district|region|province|governorate|"
    rf"area|valley|county)\b|,?\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|outside)\s+of\b))")


def _facilities(text: str) -> list[tuple[str, int, int, str]]:
    """(name, start, end, noun) of each named facility the text names ("its Tenke Fungurume
    mine" -> "Tenke Fungurume mine"), sentence-initial function words dropped."""
    out = []
    for m in _FACILITY_RE.finditer(text):
        words = m.group("name").split()
        start = m.start("name")
        # (nor its owner's name: "Codelco’s El Teniente mine" is "El Teniente mine")
        while words and (words[0].lower() in _NOT_NAME or len(words) > 2 and re.search(r"[’']s$", words[0])):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
            words = words[1:]
        if len(words) >= 2 and words[0][:1].isupper():
            out.append((" ".join(words), start, m.end("name"), m.group("noun")))
    return out


# a list item that opens with its label: "- Lee: 60 homes", "• Upper Nile (12): ..."
_LIST_LABEL_RE = re.compile(r"^[ \t]*[-•*–—][ \t]+(?P<label>[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3})"
                            r"[ \t]*(?:\(\d[\d,]*\))?[ \t]*:", re.M)


def _town_of_facility(name: str, countries: set[str], gazetteer):
    """The facility the gazetteer lacks, placed at the town its name carries in one of
    `countries` ("Tenke Fungurume mine" -> at Fungurume, Congo), as a facility entry; None
    when no word of the name (the last first) is such a town."""
    if gazetteer is None or not countries:
        return None
    from geo.model import Place
    from geo.namekey import normalize

    words = name.split()[:-1] if len(name.split()) > 1 else []
    words = [w for w in words if w.lower() not in ("refugee", "displacement", "idp", "military", "nuclear",
                                                      "hydroelectric", "power", "copper", "gold", "coal", "oil",
                                                      "gas", "cobalt", "lithium", "iron", "ore")]
    for w in reversed(words):
        key = normalize(w)
        if len(key) < 4 or not gazetteer.has_name(key):
            continue
        towns = [c.place for c in gazetteer.candidates(key)
                 if c.place.kind == "populated_place" and c.place.country_code in countries]
        if towns:
            town = max(towns, key=lambda p: p.population)
            slug = re.sub(r"[^0-9a-z]+", "-", normalize(name)).strip("-")
            return Place(place_id=f"claimmap:{slug}", name=name, kind="facility", lat=town.lat, lon=town.lon,
                         country_code=town.country_code, admin1=town.admin1, geonameid=None,
                         source="claimmap", note=f"no cited point for the facility: placed at {town.name} "
                                                 f"({town.place_id}), the town its name carries")
    return None


# a count by name: "Harare (28)", "Genoa (6.1 per cent)", "8 from Sindh"
_LABEL = r"[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,2}"
_COUNTED_LABEL_RE = re.compile(rf"(?P<label>{_LABEL})[ \t]*\(\d[\d,.]*(?:[ \t]*(?:%|per[ \t]+cent|percent))?\)|\b\d[\d,.]*[ \t]+from[ \t]+(?P<from>{_LABEL})")


def unresolved_refs(text: str, refs: list[Ref], unresolved, gazetteer=None,
                    towns: list | None = None) -> list[Ref]:
    """Refs to the places the text names that no gazetteer entry stands for: every use of a
    name the geoparser could not place (it reports the one the text writes as a place:
    "the district of Xyz"; "the Xyz district" later is the same name), and named
    facilities it does not know ("the Chisomo Hill mine"), with "the mine" after one
    for it; only where no mention or other ref stands. A facility whose name carries a
    town of a country the refs name ("the Tenke Fungurume mine", Congo named) is placed at
    that town instead: its (Ref, entry) pairs are appended to `towns`."""
    taken = [(r.start, r.end) for r in refs]
    out: list[Ref] = []
    countries = {r.country_code for r in refs if r.country_code and not r.anaphor}
    placed: dict[str, object] = {}

    def add(name: str, a: int, b: int) -> bool:
        if any(x < b and a < y for x, y in taken):
            return False
        taken.append((a, b))
        at = placed.get(name)
        if at is not None:
            ref = Ref(a, b, at.place_id, at.kind, at.admin1, at.country_code, 2)
            out.append(ref)
            if towns is not None:
                towns.append((ref, at))
            return True
        out.append(Ref(a, b, f"{UNRESOLVED}:{name}", UNRESOLVED, "", "", 3))
        return True

    for name in dict.fromkeys(u.surface for u in unresolved):
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            add(name, m.start(), m.end())
    for m in _SETTLEMENT_NAME_RE.finditer(text):
        g = next(k for k in "abcde" if m.group(k))
        name, a = m.group(g), m.start(g)
        while name and name.split()[0].lower() in _NOT_NAME:     # "In Naib Rafi, a village"
            first = name.split()[0]
            a += name.index(first) + len(first)
            name = name[name.index(first) + len(first):].lstrip()
            a = text.index(name, a) if name else a
        if name and add(name, a, a + len(name)):
            # and its other uses ("the island of Evia ... the area of Evia")
            for o in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
                add(name, o.start(), o.end())
    runs: list[list] = []
    for it in _COUNTED_LABEL_RE.finditer(text):
        if runs and it.start() - runs[-1][-1].end() <= 60 and not re.search(r"[.;\n]", text[runs[-1][-1].end():it.start()]):
            runs[-1].append(it)
        else:
            runs.append([it])
    for items in runs:
        # a run of counts by name ("Harare (28), Buhera (7), Mutasa (1) in X, Makonde (1)",
        # "8 from Sindh, 8 from KPK, 2 from FATA"):
        # a name the geoparser could not place among names it did is a place too (a
        # reviewer pins it), not the name before it
        if len(items) >= 3 and any(any(x < it.end() and it.start() < y for x, y in taken) for it in items):
            for it in items:
                g = "label" if it.group("label") else "from"
                label, a, b = it.group(g), it.start(g), it.end(g)
                while label.split()[0].lower() in _NOT_NAME and len(label.split()) > 1:
                    first = label.split()[0]
                    a = text.index(label.split()[1], a + len(first))
                    label = text[a:b]
                if label.split()[0].lower() not in _NOT_NAME:
                    add(label, a, b)
    labels = list(_LIST_LABEL_RE.finditer(text))
    if len(labels) >= 3 and any(any(x < m.end("label") and m.start("label") < y for x, y in taken)
                                for m in labels):
        # a list whose labels are places ("- Lee: 60 homes damaged"): a label the geoparser
        # could not place is still the place its item is about (a reviewer pins it), not
        # the item before's place or the article's
        for m in labels:
            add(m.group("label"), m.start("label"), m.end("label"))
    named: dict[str, str] = {}              # facility noun -> the name it was last given
    points = sorted([(a, 0, name, b, noun) for name, a, b, noun in _facilities(text)]
                    + [(m.start(), 1, "", m.end(), m.group(1).lower()) for m in re.finditer(
                        r"\b(?:the|this|that)\s+(mine|refinery|smelter|port|dam|plant|camp|airport)\b",
                        text, re.I)])
    for a, anaphor, name, b, noun in points:
        head = noun.split()[-1]
        if not anaphor:
            if name not in placed:
                town = _town_of_facility(name, countries, gazetteer)
                if town is not None:
                    placed[name] = town
            if add(name, a, b):
                named[head] = name
        elif head in named:
            add(named[head], a, b)
    # "a collapse at a copper mine in Chile ... Codelco's El Teniente mine": an unnamed
    # facility before the one facility of its kind the text names is that facility
    kinds: dict[str, set] = {}
    for name, a, _, noun in _facilities(text):
        kinds.setdefault(noun.split()[-1], set()).add(name)
    for m in _UNNAMED_FACILITY_RE.finditer(text):
        head = m.group("noun").split()[-1].lower()
        names = kinds.get(head, set())
        if len(names) == 1:
            add(next(iter(names)), m.start(), m.end())
    return out


_UNNAMED_FACILITY_RE = re.compile(r"\b[Aa]n?\s+(?:[a-z-]+\s+){0,2}?(?P<noun>mine|refinery|smelter|dam|airport)\b")
