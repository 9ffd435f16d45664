"""Incidents: events without a figure that news reports in any domain.

The extractor's own event rules (`layers.text.claims`) read the war's vocabulary clause by
clause (captures, control, sieges, fighting, talks) and skip a clause that has a figure.
An incident is what a sentence reports happened, with or without figures beside it: an
attack, a strike or a raid; a disaster (an earthquake, a storm, a flood, a drought, a
wildfire, an outbreak); an accident (a boat that sank, a bus that crashed); a disease told
where it is, a vaccination campaign; a rupture, a derailment, a river over its banks,
closures, links lost; deaths told without a number; evacuations and relocations; a declared
state of emergency or disaster; protests, election results and a body's acts (a budget
approved, an ordinance passed). One incident per sentence, the first the
sentence tells, each with the category the SPEC gives it.

Each family is matched by its mechanism, not a phrase: a verb in any of its forms, active or
passive ("declared a state of emergency", "a major incident was declared"), a noun with
whatever it governs ("<anything> closure", "closure of <anything>"), munitions fired, damage
caused or done, fire that razes or guts, a river over its banks and what it floods. A crowd
only counted ("9,000 demonstrators") is the sentence's figure, not a protest event.

>>> find_incident("Several roads near the coast were impassable.")[:2]
('rupture', 'infrastructure')
>>> find_incident("Riot police fired tear gas at the crowd.")[:2]
('protest', 'political')

>>> find_incident("A strong earthquake shook the west of the country.")[:2]
('disaster', 'humanitarian')
>>> find_incident("The pipeline ruptured near the river on Monday.")[:2]
('rupture', 'infrastructure')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["EventRule", "EVENT_RULES", "CLAUSE_EVENTS", "INCIDENTS", "find_incident", "told_by_figure", "HYPOTHETICAL_RE",
           "clause_event", "NATIONAL_RE", "PROVINCIAL_RE"]

#: an evacuation told as an event: not a place named after it ("an evacuation point") nor
#: one person's own ("before her evacuation"); a state (a crisis, famine, "refugees") is no event
_EVACUATION = (r"\bevacuat(?<!\bher evacuat)(?<!\bhis evacuat)(?<!\bmy evacuat)\w*\b"
               r"(?!\s+(?:points?|cent(?:re|er)s?|sites?|hubs?|shelters?|camps?|routes?)\b)")


#: a hazard's word that is part of a body's name, not the hazard: "the Wildfire Service said",
#: "the Storm Prediction Center"
_NOT_A_BODY = (r"(?!\s+(?-i:(?:[A-Z]\w+\s+)?(?:Service|Agency|Authority|Cent(?:re|er)|Commission|Office|Department|"
               r"Management|Control|Unit|Team|Council|Bureau|Institute|Network|Fund)\b))")


#: diseases an outbreak is told by
_DISEASE = (r"cholera|polio|measles|dengue|malaria|ebola|mpox|monkeypox|covid(?:-19)?|coronavirus|"
            r"lassa(?:\s+fever)?|yellow fever|typhoid|diphtheria|anthrax|plague|meningitis|"
            r"marburg|zika|chikungunya|hepatitis|tuberculosis|bird flu|avian (?:flu|influenza)|swine flu|"
            r"influenza|rabies|leptospirosis")


#: places of work whose closure is an economic event
_WORKPLACE = (r"plants?|factory|factories|mines?|mills?|smelters?|refinery|refineries|works|plants|"
              r"assembly lines?|stores?|branches|offices|warehouses?|shipyards?|foundry|foundries")


#: the people a crowd is made of ("opposition supporters", "protesters")
_CROWD = r"(?:protesters|demonstrators|supporters|marchers|rioters|crowds?|mourners)\b"


@dataclass(frozen=True)
class EventRule:
    """One kind of event: its name, category and pattern. `scope` says who reads it: the
    extractor's clause rules ("clause": a clause with no figure; `explicit_place` when the
    event needs a place named in its clause) or the incident finder ("incident": one per
    sentence, figures or not)."""

    name: str
    category: str
    rx: re.Pattern
    explicit_place: bool = False
    scope: str = "clause"
    #: words one of which the text must hold (lower case) for the pattern to be tried at all
    keys: tuple[str, ...] = ()


#: every event rule, in the order each reader tries them: the clause rules (the first,
#: "captured", read for its objects), then the incidents
EVENT_RULES: tuple[EventRule, ...] = (
    EventRule("captured", "territorial", re.compile(
        r"\b(?:captur(?:ed|ing)|seiz(?:ed|ing)|took control of|taken control of|gained control of|"
        r"liberat(?:ed|ing)|recaptur(?:ed|ing)|retook|retaken|(?<!\bthe )(?<![-‑])occupied|fell to|the fall of|"
        # (not people carried somewhere, "were taken to the hospital", "took to the streets")
        r"(?:has |have |had )?taken(?!\s+to\b)|took(?!\s+to\b)|overran|overrun|"
        r"the capture of|withdr(?:ew|awn|awing) from|entered|"
        r"(?:withdr(?:ew|awn|awing)|pull(?:ed|ing)? (?:out|back)|retreat(?:ed|ing)?)\s+"
        r"(?:(?:its|their|his|her|the|all|remaining|last)\s+)*(?:[\w’'-]+\s+){0,2}?"
        r"(?:troops|forces|units|soldiers|fighters|garrison|personnel)\s+from|"
        r"retreat(?:ed|ing)? from|pull(?:ed|ing)? out of|los(?:ing|t|es|e)(?: control of)?)\s+",
        re.I), True),
    EventRule("held_by", "territorial", re.compile(
        r"\b(?:held|controlled|occupied|seized|captured|taken|overrun|besieged)\s+by\s+"
        r"(?:[\w’'-]+\s+){0,2}(?:forces|troops|army|fighters|rebels|militants|insurgents|"
        r"paramilitar\w+|soldiers|units)\b", re.I), True),
    EventRule("fell", "territorial", re.compile(
        r"\b(?:fell to|fell into the hands of|(?:was|were|has been|had been) (?:captured|seized|taken(?!\s+to\b)|"
        r"liberated|recaptured|retaken|overrun|lost)|came under (?:\w+\s+){0,2}control|"
        r"(?:has|had) fallen(?!\s+(?:inside|in|on|onto|near|into|around)\b))\b", re.I), True),
    EventRule("controls", "territorial", re.compile(
        r"\b(?:controls|(?:remain\w*|stay\w*|(?:is|are|was|were|still)) (?:firmly )?under "
        r"(?:[\w’'-]+\s+){0,2}control|(?:is|are|remain\w*) (?:firmly )?in (?:[\w’'-]+\s+){0,2}hands)\b",
        re.I), True),
    EventRule("production_halted", "economic", re.compile(
        r"\b(?:halt\w*|suspend\w*|stopp?\w*|ceas\w*|resum\w*|shut\w*(?:\s+down)?|clos(?:ed|ing))\s+"
        r"(?:\w+\s+){0,2}(?:production|operations|output|work|working|operating|functioning|"
        r"exports|imports|mining|shipments|deliveries|supplies|trade|flights|traffic)\b", re.I)),
    EventRule("infrastructure_hit", "infrastructure", re.compile(
        r"\b(?:power grid|grid|electricity|power supply|power plant|power station|substation|"
        r"water supply|gas supply|heating|bridge|railway|rail line|railroad|dam|pipeline|"
        r"water treatment|energy infrastructure|mobile (?:phone )?(?:coverage|network|service)|"
        r"internet|telecommunications?|phone lines?|communications)\b[^.;]{0,40}?\b(?:collaps\w*|destroy\w*|"
        r"damag\w*|cut|knock\w* out|disrupt\w*|outages?|blackouts?|fail\w*|went down|"
        r"hit|struck)\b|\b(?:blackouts?|power outages?|without (?:power|electricity|water|heating))\b",
        re.I)),
    EventRule("holding", "military", re.compile(
        r"\b(?:hold\w*|held|defend\w*|man\w*|reinforc\w*)\s+(?:the\s+|their\s+|its\s+)?"
        r"(?:fortifications|positions|lines?|defen[cs]es|front)\b|"
        r"\b\d+(?:st|nd|rd|th)\s+(?:\w+\s+)?(?:Brigade|Battalion|Regiment|Division|Corps)\b", re.I)),
    EventRule("siege", "military", re.compile(
        r"\bunder siege\b|\bsiege of\b|\bencircl\w*|\bbesieg\w*|\bshell(?:ing|ed)\b|\bbombard\w*|"
        r"\b(?:air|drone|missile|artillery|rocket) (?:strikes?|attacks?)\b|\bassaults?\b", re.I)),
    EventRule("fighting", "military", re.compile(
        r"\b(?:fighting|clashes|battles?|offensive|(?:push\w*|advanc\w*|mov\w*|broke|break\w*)\s+"
        r"(?:deeper\s+|further\s+)?into|storm(?:ed|ing)|(?:launched|fired|staged) from)\b", re.I), True),
    EventRule("humanitarian", "humanitarian", re.compile(
        _EVACUATION + r"|\bhumanitarian (?:aid|corridor)\b|"
        r"\bcivilians?\b[^.;]{0,30}\b(?:trapped|fle\w*|shelter\w*)\b|\baid (?:convoys?|deliveries|"
        r"trucks)\b|\bconvoys?\b|\bfood (?:and|or) (?:medicine|water)\b|\banimal feed\b|"
        r"\b(?:prevented|blocked|barred|stopped)\s+(?!(?:\w+\s+){0,2}?" + _CROWD + r")(?:\w+\s+){0,3}?from\s+"
        r"(?:entering|reaching|leaving)\b", re.I)),
    EventRule("political", "political", re.compile(
        r"\b(?:annex\w*|incorporat\w*|goal of controlling|control(?:ling)? of|controlling|"
        r"ceasefire|negotiat\w*|peace talks|talks|truce|summit|sanction\w*|referendum|"
        r"elections?|seat of government|meeting of)\b", re.I), True),
    EventRule("casualties", "casualties", re.compile(
        r"\b(?:(?:(?:was|were|had been|have been|has been)\s+killed|(?:was|were)\s+(?:found\s+)?dead|died)\b"
        r"(?=[^.;]{0,40}?\b(?:by|in|during|after|when)\b)|"
        r"\b(?:shot|stabbed)\s+(?:and\s+killed|dead)|\bgunned down\b|\bfatal(?:ly)?\s+(?:shooting|shot|stabbing|stabbed)\b|"
        r"\b(?:is|are|was|were|remains?|still)\s+missing\b|\bfeared dead\b|\bunaccounted for\b|"
        r"\b(?:injuries|casualties|deaths)\s+(?:were\s+|have been\s+)?reported\b)", re.I), scope="incident",
        keys=("killed", "dead", "died", "shot", "stabbed", "gunned", "fatal", "missing", "unaccounted", "injuries",
              "casualties", "deaths")),
    EventRule("attack", "military", re.compile(
        r"\b(?:came|come|comes|coming)\s+under\s+(?:\w+\s+){0,2}(?:fire|shelling|attack|bombardment)\b|"
        r"\b(?:launched|carried out|conducted|staged)\s+(?:(?:a|an|its|their|the)\s+)?(?:\w+\s+){0,3}?"
        r"(?:operations?|offensives?|raids?|attacks?|assaults?|strikes?|barrages?)\b|"
        r"\b(?:an?|the|this|Tuesday's|Monday's|Wednesday's|Thursday's|Friday's|Saturday's|Sunday's)\s+"
        r"(?:\w+\s+){0,3}?(?:attack|raid|barrage|bombing|ambush|assault)\s+(?:on|in|at|targeting|against)\b|"
        r"\b(?:missile|drone|rocket|strike|shell)s?\s+(?:\w+\s+){0,2}?(?:struck|hit|slammed into|landed)\b|"
        r"\b(?:air|drone|missile|rocket|artillery)\s+strikes?\s+(?:on|in|at|against|targeting)\b|"
        r"\b(?:attack|raid|assault|ambush|bombing)s?\s+(?:that\s+)?(?:[\w’'-]+\s+){0,6}?carried out by\b|"
        r"\b(?:was|were|had been)\s+(?:struck|hit|shelled|bombed|attacked|targeted)\b(?!\s+by\s+lightning)|"
        r"\b(?:attacked|raided|stormed|shelled|bombed|bombarded|ambushed)\s+(?:(?:the|a|an|their|its)\s+)?"
        r"(?:[\w’'-]+\s+){0,2}?(?:villages?|towns?|city|cities|camps?|bases?|positions?|convoys?|checkpoints?|"
        r"hospitals?|ports?|airports?|markets?|schools?|police|posts?|barracks|settlements?|districts?|"
        r"neighbou?rhoods?|homes|houses)\b|"
        r"\b(?:(?:was|were|been)\s+set\s+(?:on\s+fire|alight)|set\s+fire\s+to|torched)\b|"
        r"\bsustained\s+(?:a\s+)?(?:direct\s+)?hit\b|\bimpacts?\s+(?:were|was)\s+(?:also\s+)?reported\b|"
        r"\bcluster munitions\b|\bexplosions?\s+(?:hit|rocked|shook)\b|"
        r"\b(?:fired|fires|firing|lobbed)\s+(?:(?:a|an|the|their|its|dozens of|more)\s+)?(?:\w+\s+){0,2}?"
        r"(?:rockets?|missiles?|shells?|mortars?|barrages?|salvos?|volleys?|artillery)\b", re.I), scope="incident"),
    EventRule("disaster", "humanitarian", re.compile(
        r"\b(?:earthquakes?|quakes?|temblors?|tremors?|aftershocks?|storms?|hurricanes?|typhoons?|cyclones?|"
        r"tornado(?:e?s)?|flood(?:s|ing)?|flash floods?|landslides?|mudslides?|wildfires?|bushfires?|"
        r"forest fires?|flames|drought|heatwave|heat wave|eruption|tsunami|outbreak|epidemic|"
        r"blizzards?|snowstorms?|hailstorms?)\b" + _NOT_A_BODY +
        r"[^.;]{0,60}?\b(?:shook|struck|hit|killed|swept|devastat\w*|destroy\w*|flatten\w*|tore|"
        r"level\w*|ravag\w*|moved in|spread|burn\w*|packed|was|were|has|have|had|caused|"
        r"decimat\w*|declared|affect\w*|started|began|worsened|intensified|continued|lashed|"
        r"battered|pounded|triggered|passed over|passed through|crossed|stormed into|pummell?ed|"
        r"made landfall|slammed into)\b|"
        r"\b(?:made|makes) landfall\b|"
        r"\b(?:(?:heavy|torrential|monsoon)[\"”’']?\s+rains?|rainfall|downpours?|(?:strong|high|gale-force) winds|gales)\b"
        r"[^.;]{0,40}?\b(?:hit|lashed|battered|pounded|swept|caused|causing|resulting in|triggered|flooded|struck|brought|"
        r"uprooted|toppled|felled|knocked down|tore)\b|"
        r"\b(?:due to|caused by|after|following|amid)\s+(?:(?:the|a|an|severe|heavy|deadly|massive|"
        r"torrential|strong|recent)\s+){0,3}(?:earthquakes?|storms?|hurricanes?|typhoons?|cyclones?|"
        r"tornad(?:o|oes)|floods?|flooding|landslides?|mudslides?|wildfires?|rains?|rainfall|droughts?)\b|"
        r"\bwent under water\b|"
        # a river over its banks floods: "the river burst its banks", "the River X overflowed"
        r"\b(?:(?:burst|broke|overtopped|breached|broken|bursting|breaking) (?:its|their) banks|overflow\w*)\b|"
        # (not the name of a body, "the national disaster agency"; an epicentre is where a quake
        # was, told with the quake, not an event of its own)
        r"\b(?:state of (?:disaster|calamity)|national disaster(?!\s+(?:agency|authority|management|office|"
        r"council|committee|cent(?:re|er)|service|risk|response|relief|coordinat\w*)\b)|appealed for (?:help|aid)|"
        r"crops? (?:\w+\s+){0,2}decimated|(?:severe\s+)?rainfall deficits?|driest|wettest)\b|"
        r"\bflood(?:ed|ing)\s+(?:\w+\s+){0,2}?(?:villages?|homes|houses|streets?|towns?|"
        r"neighbou?rhoods?|areas?|roads?|fields|farmland|basements?|districts?)\b|"
        r"\b(?:was|were|been|are|is)\s+(?:\w+\s+)?(?:flooded|submerged|under water)\b|"
        r"\b(?:razed|gutted|burn(?:ed|t) down|reduced to (?:ashes|rubble)|went up in flames|"
        r"caught fire|(?:was|were) (?:set )?ablaze|engulfed (?:in|by) (?:fire|flames))\b|"
        r"\b(?:major|critical) incident\b|"
        # people's homes damaged, a loss of shelter: "many homes were badly damaged", "- Clarke: Homes damaged"
        r"\b(?:homes|houses|dwellings|residences)\s+(?:(?:were|was|had been|have been|has been|been)\s+)?(?:\w+\s+)?"
        r"(?:damaged|destroyed|flattened|razed|wrecked|flooded|collapsed)\b|"
        # an accident of a vessel or a vehicle: "his boat sank on the river", "a bus plunged into a gorge"
        r"\b(?:boats?|ferry|ferries|ships?|vessels?|canoes?|barges?|dinghy|dinghies|buses|bus|trains?|"
        r"planes?|aircraft|helicopters?|trucks?|lorry|lorries|minibus(?:es)?)\s+(?:(?!that\b|which\b)\w+\s+){0,2}?"
        r"(?:sank|capsized|crashed|overturned|plunged|collided|ran aground)\b", re.I), scope="incident",
        keys=("quake", "temblor", "tremor", "aftershock", "storm", "hurricane", "typhoon", "cyclone", "tornad", "flood",
              "landslide", "mudslide", "fire", "flame", "drought", "heat", "eruption", "tsunami", "outbreak",
              "epidemic", "blizzard", "landfall", "rain", "downpour", "wind", "gale", "water", "banks", "overflow",
              "disaster", "calamit", "appeal", "crop", "driest", "wettest", "submerged", "razed", "gutted", "burn",
              "ashes", "rubble", "ablaze", "incident", "sank", "capsized", "crashed", "overturned", "plunged",
              "collided", "aground", "homes", "houses", "dwellings", "residences")),
    EventRule("outbreak", "humanitarian", re.compile(
        # a disease told where it is, without a count: "reports of cholera cases in the district
        # of X", "a recent polio case from X", "positive samples in X"; a campaign against it
        r"\b(?:" + _DISEASE + r")\s+(?:cases?|infections?|outbreaks?|deaths?)\b|"
        r"\b(?:cases?|outbreaks?)\s+of\s+(?:" + _DISEASE + r")\b|"
        r"\bpositive\s+(?:environmental\s+|sewage\s+)?samples\b|"
        r"\b(?:vaccination|immuni[sz]ation|inoculation|vaccine)\s+(?:campaigns?|drives?|rounds?)\b", re.I),
        scope="incident", keys=("case", "infection", "outbreak", "death", "sample", "campaign", "drive", "round")),
    EventRule("services_closed", "humanitarian", re.compile(
        # schools and hospitals closed or out of service: "forcing schools to close across X",
        # "the hospital in X, raided last week, is no longer operational"
        r"\b(?:schools?|school classes|hospitals?|clinics?|health (?:centres?|centers?|facilities))\b"
        r"(?:[^.;]{0,70}?\b(?:(?:was|were|is|are|had been|have been|has been|remains?|remained)\s+(?:\w+\s+)?"
        r"(?:closed|shut|cancell?ed|suspended)|no longer (?:operational|functioning|working|in service)|"
        r"out of (?:service|action)|stopped (?:functioning|working)|forced to (?:close|shut))|"
        r"\s+(?:\w+\s+){0,2}?to (?:close|shut))\b|"
        r"\b(?:closed|shut)\s+(?:the\s+|all\s+)?(?:schools?|hospitals?|clinics?)\b", re.I), scope="incident",
        keys=("school", "hospital", "clinic", "health")),
    EventRule("plant_closed", "economic", re.compile(
        # a workplace closed: "the plant closure", "the closure of its factory", "the mill will close"
        r"\b(?:" + _WORKPLACE + r")\s+(?:closures?|shutdowns?)\b|"
        r"\b(?:closure|shutdown|closing)\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,2}?"
        r"(?:" + _WORKPLACE + r")\b", re.I), scope="incident", keys=("closure", "shutdown", "closing")),
    EventRule("rupture", "infrastructure", re.compile(
        r"\b(?:ruptur\w*|derail\w*|collaps\w*|"
        r"(?:blew|blown|blowing) up|breach\w*|leak\w*|spill\w*|(?:roads?|ports?|airports?|"
        r"bridges?|railways?|lines?|highways?|motorways?|flights?|services?)\s+(?:\w+\s+){0,4}?"
        r"(?:closed|shut|cancelled|suspended|impassable|blocked|cut off)|"
        r"(?:closed|shut)\s+(?:the\s+)?(?:roads?|ports?|airports?|borders?)|"
        r"(?:blocked|closed|impassable|flooded|washed-out)\s+(?:roads|highways|bridges|railway lines)|"
        # links lost: "have lost rail connectivity with the rest of the country"
        r"(?:lost|los(?:e|es|ing)|cut|severed|disrupted)\s+(?:all\s+|their\s+|its\s+)?(?:rail|road|air|railway|"
        r"power|internet|phone|mobile|telephone|network|ferry)\s+(?:connectivity|connections?|links?|access|services?)|"
        r"(?:roads?|ports?|airports?|borders?|plants?|factories|mines?)\s+(?:\w+\s+){0,2}?"
        r"to (?:close|shut)|"
        r"(?:caused|causing|inflicted|inflicting)\s+(?:\w+\s+){0,2}?damage|"
        r"(?:damaged|destroyed|wrecked)\s+(?:the|a|an|two|three|several|dozens of|hundreds of|"
        r"many|its|their|\w+'s)|(?:was|were|been)\s+(?:\w+\s+)?(?:damaged|destroyed|wrecked)|"
        r"(?<!\bbring )(?<!\bbrought )(?<!\bsome )(?<!\bno )(?!(?:" + _WORKPLACE + r"|the|these|those|such|this|that)\s)\w+(?:'s|s')?\s+(?:closures?|shutdowns?)|"
        r"(?:closure|shutdown) of (?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
        r"(?!(?:[\w’'-]+\s+){0,2}?(?:" + _WORKPLACE + r")\b)\w+)\b", re.I), scope="incident",
        keys=("ruptur", "derail", "collaps", "blew", "blown", "blowing", "breach", "leak", "spill", "clos", "shut",
              "cancel", "suspend", "impassable", "blocked", "cut", "los", "sever", "disrupt", "damage", "destroy",
              "wreck", "flood", "wash")),
    EventRule("production_moved", "economic", re.compile(
        r"\b(?:shift\w*|mov(?:e|ed|es|ing)|transferr?\w*|relocat\w*|outsourc\w*)\s+(?:(?:its|their|the|all)\s+)?"
        r"(?:\w+\s+){0,2}?(?:production|manufacturing)\b|"
        r"\b(?:production|manufacturing)\s+(?:(?:will be|would be|was|were|is|are|has been|to be)\s+)?"
        r"(?:shifted|moved|transferred|relocated|outsourced)\b", re.I), scope="incident"),
    EventRule("evacuation", "humanitarian", re.compile(
        _EVACUATION + r"|\b(?:relocat\w*|forced (?:from|out of) their homes|fle(?:e|d|eing) "
        r"(?:the|their)|being transferred|seek(?:ing)? refuge|took refuge)\b|"
        # a call to leave: "urged people in low-lying areas to move upland", "ordered boats back to harbour"
        r"\b(?:urged|ordered|advised|called on|instructed)\s+(?:[\w’'-]+\s+){0,8}?to\s+"
        r"(?:move|leave|evacuate|flee|relocate|seek shelter|stay indoors|return to (?:the\s+)?(?:harbou?r|port|"
        r"shore|land))\b", re.I), scope="incident"),
    EventRule("protest", "political", re.compile(
        r"\b(?:protest(?:s|ed|ing)?|demonstrat(?:ions?|ed against)|rall(?:y|ies|ied)|"
        r"strikes? against|march(?:ed|es|ing)? against|walkouts?|riot(?:s|ed|ing)?|tear gas|clash(?:ed|es)? with (?:police|"
        r"security forces|protesters|demonstrators|rioters)|"
        r"drew (?:protests|criticism|condemnation)|loot(?:ed|ing)|ransack(?:ed|ing)|"
        # crowd control: "police prevented opposition supporters from entering the centre"
        r"(?:prevented|blocked|barred|stopped|dispersed|broke up)\s+(?:\w+\s+){0,2}?" + _CROWD + r")\b", re.I),
        scope="incident"),
    EventRule("legal", "political", re.compile(
        r"\b(?:open(?:ed|ing|s)?|launch(?:ed|ing|es)?|announc(?:ed|ing|es)?)\s+(?:an?\s+|the\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?:investigation|inquiry|probe)\b|"
        r"\b(?:(?:was|were|have been|has been|had been)\s+(?:\w+\s+)?(?:arrested|detained|charged|indicted|"
        r"placed on (?:administrative )?leave)|arrested|charged with|indicted (?:on|for))\b", re.I), scope="incident"),
    EventRule("election", "political", re.compile(
        r"\b(?:election results?|(?:has|have|had)?\s*(?:lost|won) (?:to|the (?:election|state|vote))|"
        r"retained (?:his|her|its|their|power|the)|counting|ballots?|sworn in|"
        r"(?:announced|declared|named|confirmed|proclaimed)\s+(?:as\s+)?(?:the\s+)?(?:\w+\s+)?winner|"
        # a body's act: "the council approved the budget", "passed a vesting extension",
        # "the final reading and passing of Ordinance 12"
        r"(?:approved|passed|adopted|endorsed|ratified|enacted|signed)\s+(?:(?:a|an|the|its|their)\s+)?"
        r"(?:[\w-]+\s+){0,3}?(?:plan|budget|bill|law|ordinance|resolution|motion|extension|amendment|treaty|"
        r"decree|constitution)\b|(?:passing|passage|adoption)\s+of\s+(?:the\s+|an?\s+)?(?:\w+\s+){0,2}?"
        r"(?:plan|budget|bill|law|ordinance|resolution|motion|amendment|treaty|decree)\b|"
        # an emergency in force: "declared a top-level emergency", "an emergency declaration remains for X"
        r"(?:declared|declares|declaring)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?emergency\b|"
        r"(?:emergency|disaster) declarations?\s+(?:remains?|is|are|was|were|has been|have been)\b|"
        r"(?:declared|declares|declaring|imposed|imposes|extended) (?:a |an )?(?:[\w-]+\s+){0,3}?"
        r"(?:state of emergency|curfew|martial law)|"
        r"(?:state of emergency|curfew|martial law)\s+(?:has|had|was|were|is)\s+(?:been\s+)?"
        r"(?:\w+\s+)?(?:declared|imposed|extended))\b", re.I), scope="incident",
        keys=("election", "lost", "won", "retained", "counting", "ballot", "sworn", "winner", "approved", "passed",
              "adopted", "endorsed", "ratified", "enacted", "signed", "passing", "passage", "adoption", "emergency",
              "declaration", "curfew", "martial")),
)

CLAUSE_EVENTS = tuple(r for r in EVENT_RULES if r.scope == "clause")
#: (name, category, pattern, keys) of the incidents, in the order they are tried
INCIDENTS: list[tuple[str, str, re.Pattern, tuple[str, ...]]] = [(r.name, r.category, r.rx, r.keys)
                                                                 for r in EVENT_RULES if r.scope == "incident"]


# between a counted noun and the verb that tells what befell it: auxiliaries, adverbs, and
# an aside between dashes ("358 of the town's structures — a third of all buildings — were")
_COUNTED_GAP_RE = re.compile(r"^\s*(?:(?:--?|[—–])\s[^—–]{0,80}?(?:--?|[—–])\s*)?"
                             # the noun counted in a share or a relative clause: "72 per cent of
                             # cholera cases", "two victims who drowned"
                             r"(?:(?:of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+)?)|(?:who|that|which)\s+)?"
                             r"(?:(?:in|at|near|on|across|around)\s+(?:the\s+)?(?:[\w’'-]+\s+){1,4}?)?(?:(?:have|has|had|were|was|are|is|been|"
                             r"being|also|now|reportedly|already|all|so far|since|then|later|each)\s+)*$", re.I)
# between an incident and the figure it caused ("the quake, which killed 58", "the cyclone has
# displaced 11,629", "a strike on the city killed two"): no clause break, a verb of harm
_CAUSED_GAP_RE = re.compile(r"^[^,;:.]{0,45}?\b(?:which\s+|that\s+)?(?:(?:has|have|had)\s+)?(?:killed|claimed|"
                            r"displaced|left|injured|wounded|caused|destroyed|damaged|razed|affected|forced|"
                            r"evacuated|uprooted|flooded|cut off|buried|trapped|stranded|swept away|crushed)\b[^,;:.]{0,40}$|"
                            r"^\s*(?:(?:against|on|in|across|targeting)\s+)?(?:(?:more than|at least|nearly|almost|about|"
                            r"around|some|over|up to|a total of|an estimated|another)\s+)*$", re.I)

# an incident whose own last word is a verb of harm, and the figure its object: "the typhoon
# caused a direct economic loss of 490 million" (not "was killed and two were injured")
_HARM_VERB_RE = re.compile(r"killed|claimed|displaced|left|injured|wounded|caused|destroyed|damaged|razed|"
                           r"affected|forced|evacuated|uprooted|flooded|buried|trapped|stranded|crushed", re.I)
_VERB_OBJECT_GAP_RE = re.compile(r"^\s+(?:(?!(?:and|but|or|while|when|as|after|before)\b)[\w’'-]+\s+){0,8}$", re.I)

# between a count of harm and the incident that caused it ("four people were killed when
# landslides hit", "27 missing after landslides", "4 have died as a result of heavy rain"):
# the cause told by a conjunction of time or cause (an agent, "wounded by a missile barrage",
# is an incident of its own)
_CAUSE_GAP_RE = re.compile(r"^\s*(?:(?:have|has|had|were|was|are|is|been|also|more|others?)\s+)*(?:(?:\w+\s+)?"
                           r"(?:killed|dead|died|injured|wounded|hurt|missing|displaced|evacuated|affected|"
                           r"homeless|stranded|trapped|buried|destroyed|damaged)\b[^,;.]{0,50}?)?\b(?:when|after|as a result of|"
                           r"due to|because of|following|amid)\s+(?:[\w’'-]+\s+){0,4}$", re.I)


def told_by_figure(text: str, start: int, end: int, figures: tuple = ()) -> bool:
    """Whether the incident at `text[start:end]` is what one of `figures` ((start, end) spans
    of the sentence's figures, their counted noun included) counts or caused: "4,073 people
    have been evacuated", "carried out 577 strikes", "evacuated 300 residents", "the
    earthquake, which killed 58 people", "four were killed when landslides hit". Such a sentence tells its incident by its figure;
    an event beside it would say it twice.

    >>> s = "In total, 4,073 people have been evacuated."
    >>> told_by_figure(s, s.index("evacuated"), s.index("evacuated") + 9, ((10, 22),))
    True
    >>> s = "Six people were wounded by a missile barrage on the city."
    >>> told_by_figure(s, s.index("missile"), len(s) - 1, ((0, 10),))
    False
    """
    for a, b in figures:
        if a < end and start < b:
            return True
        # the incident's own first word may be the conjunction ("after landslides")
        lead = text[start:end].split(maxsplit=1)[:1]
        if b <= start and (_COUNTED_GAP_RE.match(text[b:start]) or _CAUSE_GAP_RE.match(text[b:start])
                           or (lead and _CAUSE_GAP_RE.match(f"{text[b:start]}{lead[0]} "))):
            return True
        # the incident's own last word may be the verb of harm ("the typhoon caused a loss of 490 million")
        tail = text[start:end].rsplit(maxsplit=1)[-1:]
        if end <= a and (_CAUSED_GAP_RE.match(text[end:a]) or (tail and _HARM_VERB_RE.fullmatch(tail[0])
                                                                and _VERB_OBJECT_GAP_RE.match(text[end:a]))):
            return True
    return False


#: words before an incident that make it one that has not happened: a warning, a fear, a
#: condition, a modal ("warned that an assault on Rafah would ..."); a plan announced is a
#: decision taken ("announced plans to relocate the refugees")
HYPOTHETICAL_RE = re.compile(r"\b(?:warn\w*|could|would|might|may|threat\w*|fear\w*|"
                             r"(?<!\bannounced )(?<!\bunveiled )(?<!\bapproved )plan(?:s|ned|ning)?\b|"
                             r"if|unless|whether|prepar\w* for|risk of)\b", re.I)
# a hazard named, not an event: "prone to landslides", "the risk of floods", "warnings of storms"
_HAZARD_RE = re.compile(r"\b(?:prone to|risks? of|vulnerable to|susceptible to|threat of|fears? of|"
                        r"warnings? (?:of|for|about)|forecasts? (?:of|for)|brace for|prepared? for)\s+"
                        r"(?:[\w-]+\s+){0,2}$|"
                        # an event referred to by what followed it, not told: "the consequences of
                        # the shelling", "as a result of the air strike", "the scale of the attack"
                        r"\b(?:results?|consequences?|aftermath|scale|wake|impact|size|magnitude|tactic|"
                        r"victims?|survivors?|anniversary|memory) of\s+(?:[\w’'-]+\s+){0,3}$|"
                        # a count of places the incident is in: "the number of districts with outbreaks"
                        r"\b(?:number|count|tally|total|share|proportion) of\s+(?:[\w’'-]+\s+){0,4}?(?:with|reporting)\s+"
                        r"(?:[\w-]+\s+)?$|"
                        # an incident avoided: "to avoid encirclement", "to escape the bombardments"
                        r"\b(?:avoid|avoiding|prevent|preventing|avert|averting|escape|escaping)\s+(?:[\w’'-]+\s+){0,2}$|"
                        # an incident said not to have happened: "reported no polio cases", "no injuries were reported"
                        r"\b(?:no|zero|without|free of)\s+(?:new\s+|further\s+|more\s+|major\s+|serious\s+)?(?:[\w-]+\s+)?$",
                        re.I)


#: a sentence that opens on a condition tells what would follow, not what happened: "If not
#: extended, ... stop work orders would have to be issued"
_CONDITIONAL_RE = re.compile(r"\s*[\"“]?(?:If|Unless|Should|Were)\b")


#: the officials of a first-level area as the actor, with no place named: the event is the
#: province's ("Provincial officials declared a top-level emergency")
PROVINCIAL_RE = re.compile(r"\b(?:provincial|state|regional|oblast|prefectural)\s+(?:officials|authorities|"
                           r"government|governor|administration|emergency (?:agency|office|services?))\b", re.I)


#: an event of a whole nation: it goes on the country ("declared a six-month national state
#: of emergency", "a nationwide curfew"), not on the capital a sentence names
NATIONAL_RE = re.compile(r"\b(?:national|nationwide|countrywide)\s+(?:[\w-]+\s+){0,2}?(?:state of "
                         r"(?:emergency|disaster|calamity)|emergency|disaster|mourning|curfew|lockdown|"
                         r"strikes?|protests?|shutdown)\b", re.I)


def clause_event(rule: EventRule, text: str, start: int, end: int, figures: tuple = ()) -> bool:
    """Whether the clause `text[start:end]` tells the event of a clause `rule`: its pattern
    matches, not as what one of the sentence's `figures` counts ("8,000 residents had been
    evacuated"), nor as a hazard or a reference ("the consequences of the shelling"), nor as a forecast of harm ("could be without power for days"; a warned
    offensive stays, a strategic claim)."""
    m = rule.rx.search(text, start, end)
    if m is None or _CONDITIONAL_RE.match(text) or told_by_figure(text, m.start(), m.end(), figures) or \
            _HAZARD_RE.search(text[max(start, m.start() - 40):m.start()]):
        return False
    return not (rule.category in ("infrastructure", "humanitarian", "economic")
                and HYPOTHETICAL_RE.search(text, start, m.start()))


# a sentence that says what a place is prone to tells what happens there, not what happened:
# "The coast is prone to landslides in the rainy season, with heavy rain causing floods"
_GENERIC_RE = re.compile(r"\b(?:is|are)\s+(?:\w+\s+)?(?:prone|vulnerable|susceptible)\s+to\b", re.I)


# "was hit", "were struck" with nothing that says a weapon: a storm's or a car's as well as a
# missile's; an attack only in an article about war
_BARE_HIT_RE = re.compile(r"(?:was|were|had been)\s+(?:struck|hit)$", re.I)
_WEAPON_RE = re.compile(r"\b(?:missiles?|rockets?|drones?|shells?|shelling|artillery|bombs?|mortars?|"
                        r"air ?strikes?|strikes?|attacks?|munitions?|grenades?|gunfire|troops|forces|army|"
                        r"military|militants?|rebels?|fighters?)\b", re.I)


def find_incident(text: str, skip: tuple[str, ...] = (), figures: tuple = (),
                  topic: str = "military", start: int = 0) -> tuple[str, str, int, int] | None:
    """(name, category, start, end) of the first incident `text` tells, or None; incidents
    of the categories in `skip` (told already), and those the sentence's `figures` ((start,
    end) spans) count or caused (`told_by_figure`), are passed over. `topic` is the
    article's (`layers.text.measures.topic_of`): outside a war story a bare "was hit" with no
    weapon named is no attack ("a man whose house was hit" by a storm). Only incidents from
    offset `start` on are read."""
    best = None
    low = text.lower()
    for name, category, rx, keys in INCIDENTS:
        if category in skip or (keys and not any(k in low for k in keys)):
            continue
        for m in rx.finditer(text, start):
            if best is not None and m.start() >= best[2]:
                break
            if name == "attack" and topic != "military" and _BARE_HIT_RE.match(m.group()) and \
                    not _WEAPON_RE.search(text):
                continue
            if _GENERIC_RE.search(text, 0, m.start()):
                break
            if not told_by_figure(text, m.start(), m.end(), figures) and \
                    not _HAZARD_RE.search(text[max(0, m.start() - 40):m.start()]):
                best = (name, category, m.start(), m.end())
                break
    return best
