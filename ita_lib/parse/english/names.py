"""Who is named in a line: agencies, groups, acronyms, places, companies, indicators.

Every named thing is a candidate owner: agencies (`AGENCY_HEADS`, acronyms defined in the text,
"the office" for one named before), groups (`GROUP_HEADS`: ministries, categories, clusters,
provinces; plural nouns such as "police stations"), other proper names that are ranked or scored
(countries), companies, and indicator / instrument names. Each mention carries its role (after a
preposition, the source of the news, an assessor, inside an aside) for `owners`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ita_lib.rubric import load as load_rubric
from ita_lib.parse.indicator_names import find_indicator_names, plain_variants

# Type words that make a capitalised name a public body ("X Office", "Office of X", ...).
AGENCY_HEADS = frozenset((
    "Office", "Commission", "Committee", "Department", "University", "Hospital", "Station", "Municipality",
    "Organisation", "Organization", "Administration", "Authority", "Bank", "Agency", "Institute", "Court",
    "Council", "Bureau", "Centre", "Center", "School", "College", "Secretariat", "Board", "Police",
))
# Type words of groups whose scores are averages: no record.
GROUP_HEADS = frozenset(("Ministry", "Province", "Category", "Cluster", "Group", "Sector"))
_COMPANY_WORDS = frozenset(("Co", "Company", "Ltd", "Limited", "Plc", "PLC", "Inc", "Holdings", "Corp"))
# Lower-case type words after a capitalised name ("Ban X police station").
_LOWER_TAIL = re.compile(
    r"^\s+(police\s+station|station|district\s+office|(?:subdistrict|tambon|provincial)\s+administrative\s+"
    r"organi[sz]ation|(?:subdistrict|town|city)\s+municipality|municipality|hospital)\b")
_LEADING_STOP = frozenset((
    "The", "A", "An", "Meanwhile", "However", "Also", "And", "But", "In", "At", "On", "For", "Among", "While",
    "Both", "Its", "Their", "This", "That", "These", "Those", "Despite", "According", "Under", "With",
    "Overall", "Ranked", "Only", "Just", "Each", "Every", "All", "Other", "Of", "By", "From", "To", "As",
    "After", "Before", "Since", "Following", "When", "If", "Last", "Next", "Then", "Thus", "Moreover",
    "Furthermore", "Meantime", "Similarly", "Likewise", "Here", "There", "It", "He", "She", "They", "We",
    "Mr", "Mrs", "Ms", "Dr", "Source", "SOURCE", "Read", "Related", "Photo", "See",
))
_MONTH_WORDS = frozenset(("January", "February", "March", "April", "May", "June", "July", "August",
                          "September", "October", "November", "December"))
_NOT_NAME_WORDS = frozenset(("ITA", "ITAS", "Integrity", "Transparency", "Assessment", "Assessments", "Index"))


def _not_name(word: str) -> bool:
    """Words of the assessment itself, never a name (the instrument codes come from the rubric)."""
    return word in _NOT_NAME_WORDS or word in load_rubric().instruments


_TOKEN = re.compile(r"[A-Za-z]+(?:[-’'][A-Za-z]+)*|\S")
_CONNECTORS = (("of", "the"), ("for", "the"), ("on", "the"), ("of",), ("for",), ("on",), ("and",), ("&",),
               ("de",))
# Lower-case plural nouns naming groups of agencies ("24 police stations", "state agencies").
_GROUP_PLURAL = re.compile(
    r"\b(?:(\d{1,3}(?:,\d{3})*|\d+)\s+)?((?:[a-z][a-z\-]*\s+){0,3}?)"
    r"(agencies|organi[sz]ations|offices|courts|stations|ministries|provinces|municipalities|bodies|"
    r"departments|universities|hospitals|schools|units|entities|institutions|clusters|categories)\b")
_GROUP_SINGULAR = re.compile(
    r"(?:\b[A-Z][a-z]+\s+){0,3}(?:\b[a-z]+\s+){0,2}\b(?:category|cluster|ministry|province)\b")
_GROUP_FUNCTION_WORDS = frozenset(("the", "of", "all", "only", "and", "in", "other", "some", "these", "those",
                                   "its", "their", "many", "most", "few", "several", "were", "are", "was",
                                   "with", "by", "for", "to", "among", "that", "which", "whose", "nearly",
                                   "about", "around", "over", "under", "than", "just", "as", "at", "from"))
_ANAPHOR = re.compile(
    r"\b(?:the|this|that|its)\s+(organi[sz]ation|office|agency|department|university|hospital|"
    r"municipality|station|commission|committee|bank|authority|administration|court|body|school|college|"
    r"institute|bureau)\b(?!\s+of\b)", re.IGNORECASE)
_SCORE_VERB_AFTER = re.compile(
    r"^\s+(?:is\s+|was\s+|has\s+|had\s+)?(?:currently\s+|also\s+|now\s+)?(?:ranked|scored|earned|received|"
    r"got|came|topped|achieved|obtained|gained)\b")
_OBLIQUE_BEFORE = re.compile(
    r"\b(?:in|at|of|from|among|across|for|by|to|than|within|under|including|like|as|into|between|"
    r"throughout|versus)\s+(?:the\s+|all\s+|its\s+|their\s+|other\s+)?$", re.IGNORECASE)
_ATTRIBUTION_AFTER = re.compile(
    r"^(?:\s*\([^)]{1,15}\))?\s*,?\s*(?:has\s+|had\s+|have\s+)?(?:said|says|announced|reported|revealed|"
    r"stated|added|noted|explained|told|released|published|disclosed|announces|reports)\b")
_ATTRIBUTION_BEFORE = re.compile(
    r"\b(?:according\s+to|said|says|told|(?:announced|released|reported|published|conducted|run|"
    r"organi[sz]ed|assessed|evaluated|awarded)\s+by)\s+(?:the\s+)?$", re.IGNORECASE)
_SELF = re.compile(r"\s+(?:that\s+)?(?:it|its)\b")  # "X said it scored ...": X speaks of itself
_ASIDE = re.compile(r",\s*(?:which|who|whose|that|where)\b[^,;]*,")  # ", which oversees 12 hospitals,"
_TRANSITIVE_AFTER = re.compile(  # "the NACC gave / ranked the X Office ...": the assessor, not the owner
    r"^(?:\s*\([^)]{1,15}\))?\s+(?:has\s+|had\s+)?(?:gave|gives|awarded|awards|ranked|ranks|rated|rates|"
    r"named|placed|assessed|evaluated|listed)\s+(?:the|a|an|it|its|them|[A-Z])")
_ACRONYM_DEF = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.\-]{1,9})\s*\)")


@dataclass
class Mention:
    start: int
    end: int
    kind: str  # agency, group, other, company, indicator, instrument
    name: str
    head: str | None = None
    count: int | None = None  # "24 police stations"
    unit: str | None = None  # the singular type of a group: "police station"
    number: int | None = None  # indicator number
    code: str | None = None  # instrument code
    oblique: bool = False  # after a preposition: "in X", "among X"
    attribution: bool = False  # the source of the news: "X said", "according to X"
    assessor: bool = False  # "X gave / ranked the Y Office ...": X is not the one scored
    aside: bool = False  # inside ", which ... ,": not the subject of the main verb
    self_report: bool = False  # "X said it scored 91": the source speaks of itself
    district: str | None = None
    province: str | None = None


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _split_possessive(word: str) -> tuple[str, bool]:
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)], True
    return word, False


def _capital_runs(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised words joined by 'of', 'of the', 'for', 'and' ... ('Office of the X')."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    runs: list[list[tuple[int, int, str]]] = []
    i = 0
    while i < len(tokens):
        start, end, word = tokens[i]
        if not is_capitalised(word):
            i += 1
            continue
        word, possessive = _split_possessive(word)
        run = [(start, start + len(word), word)]
        j = i + 1
        while not possessive and j < len(tokens):
            if text[run[-1][1]:tokens[j][0]].strip() or "\n" in text[run[-1][1]:tokens[j][0]]:
                break
            joined = None
            for conn in _CONNECTORS:
                k = j + len(conn)
                if k < len(tokens) and tuple(t[2] for t in tokens[j:k]) == conn and is_capitalised(tokens[k][2]):
                    if conn == ("and",) and any(w in AGENCY_HEADS or w in GROUP_HEADS for _, _, w in run):
                        break  # "X Office and Y Office" are two names
                    joined = k
                    break
            if joined is None and is_capitalised(tokens[j][2]):
                joined = j
            if joined is None:
                break
            if any(text[tokens[m][1]:tokens[m + 1][0]].strip() for m in range(j, joined)):
                break
            s, _, w = tokens[joined]
            w, possessive = _split_possessive(w)
            run.extend((t[0], t[1], t[2]) for t in tokens[j:joined])
            run.append((s, s + len(w), w))
            j = joined + 1
        runs.append(run)
        i = j
    return runs


def _name_of_run(run: list[tuple[int, int, str]], text: str, police: bool) -> Mention | None:
    """The named thing a run of capitalised words denotes, or None."""
    words = list(run)
    while words and (words[0][2] in _LEADING_STOP or words[0][2] in _MONTH_WORDS
                     or words[0][2] in ("of", "the", "for", "on", "and", "&", "de")):
        words.pop(0)
    while words and words[-1][2] in ("of", "the", "for", "on", "and", "&", "de"):
        words.pop()
    if not words:
        return None
    names = [w for _, _, w in words]
    heads = [i for i, w in enumerate(names) if w in AGENCY_HEADS or w in GROUP_HEADS]
    heads = [i for i in heads if names[i] != "Station" or police or "Police" in names]
    if any(w in _COMPANY_WORDS for w in names):
        return Mention(words[0][0], words[-1][1], "company", " ".join(names))
    tail = _LOWER_TAIL.match(text[words[-1][1]:])
    if tail and (tail.group(1) != "station" or police):
        end = words[-1][1] + tail.end()
        head = tail.group(1).split()[-1]
        name = text[words[0][0]:end]
        return Mention(words[0][0], end, "agency", re.sub(r"\s+", " ", name), head=head)
    if not heads:
        if any(_not_name(w) for w in names) or all(w.isupper() for w in names):
            return None
        return Mention(words[0][0], words[-1][1], "other", " ".join(names))
    if len(names) > 1 and names[1] == "of" and heads[0] == 0:
        last = len(names) - 1  # prefix form: "Office of the X", "Ministry of X"
        head = names[0]
    else:
        last = heads[-1]
        head = names[last]
        if last + 2 < len(names) and names[last + 1] == "of":
            last = len(names) - 1  # "X Authority of Thailand"
    words = words[:last + 1]
    name = text[words[0][0]:words[-1][1]]
    kind = "group" if head in GROUP_HEADS or any(w in GROUP_HEADS for w in names[:1]) else "agency"
    if len(words) == 1:
        kind = "anaphor"  # "the Office", "the Commission": a body named earlier
    return Mention(words[0][0], words[-1][1], kind, re.sub(r"\s+", " ", name), head=head)


def acronyms(texts: list[str], police: bool) -> dict[str, Mention]:
    """'the Rural Roads Office (RRO)' or 'X Commission's (XC)': the acronym names the same body."""
    found: dict[str, Mention] = {}
    for line in texts:
        for run in _capital_runs(line):
            mention = _name_of_run(run, line, police)
            if mention is None or mention.kind not in ("agency", "group"):
                continue
            after = line[mention.end:]
            after = re.sub(r"^[’']s?", "", after)
            match = _ACRONYM_DEF.match(after)
            if not match:
                continue
            acronym = match.group(1)
            if _not_name(acronym) or sum(c.isupper() for c in acronym) < 2:
                continue
            found.setdefault(acronym, mention)
    return found


def _singular(noun: str) -> str:
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith("ches") or noun.endswith("sses"):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") else noun


def _location(text: str, end: int) -> tuple[str | None, str | None]:
    """'X in Nong Lom District, Lamduan' -> (district, province) as printed."""
    cap = r"(?!District\b|Province\b)[A-Z][a-z]+(?:[ \-](?!District\b|Province\b)[A-Z][a-z]+){0,3}"
    match = re.match(r"\s+in\s+(" + cap + r")(\s+[Dd]istrict)?(?:,\s+(" + cap + r")(?:\s+[Pp]rovince)?)?"
                     r"(\s+[Pp]rovince)?\b", text[end:])
    if not match:
        return None, None
    first, is_district, second = match.group(1), match.group(2), match.group(3)
    if any(_not_name(word) or word in _MONTH_WORDS for word in re.split(r"[ \-]", first)):
        return None, None
    if is_district:
        return first, second
    return None, first


def mentions(text: str, defined: dict[str, Mention], police: bool,
             earlier: list[Mention]) -> list[Mention]:
    """Every named thing in one line, in order; `earlier` holds agencies named before this line."""
    found: list[Mention] = []
    lowered = text.lower()
    for pos, number in find_indicator_names(text):  # indicator names first: "Open Data" is no body
        end = pos + max((len(v) for v, n in plain_variants()
                         if n == number and lowered.startswith(v, pos)), default=0)
        found.append(Mention(pos, end, "indicator", str(number), number=number))
    for match in re.finditer(rf"\b({load_rubric().instrument_pattern})\b", text):
        code = match.group(1)
        found.append(Mention(match.start(), match.end(), "instrument", code, code=code))
    for run in _capital_runs(text):
        mention = _name_of_run(run, text, police)
        if mention is None or any(m.start < mention.end and mention.start < m.end for m in found):
            continue
        if mention.kind == "other":
            after = text[mention.end:]
            if not (re.match(r"\s*\(\s*\d", after) or _SCORE_VERB_AFTER.match(after)):
                continue
        found.append(mention)
    taken = [(m.start, m.end) for m in found]
    for acronym, full in defined.items():
        for match in re.finditer(r"(?<![\w(])" + re.escape(acronym) + r"(?![\w)])", text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            found.append(Mention(match.start(), match.end(), full.kind, full.name, head=full.head))
    for match in _GROUP_PLURAL.finditer(text):
        if any(s <= match.start(3) < e for s, e in taken):
            continue
        words: list[str] = []  # the words right before the noun that describe it: "police"
        for word in reversed(match.group(2).split()):
            if word in _GROUP_FUNCTION_WORDS:
                break
            words.insert(0, word)
        count = int(match.group(1).replace(",", "")) if match.group(1) and len(words) == len(
            match.group(2).split()) else None
        unit = " ".join(words + [_singular(match.group(3))])
        start = match.start(3) - len(" ".join(words)) - (1 if words else 0)
        if count is not None:
            start = match.start(1)
        found.append(Mention(start, match.end(), "group", text[start:match.end()], count=count, unit=unit))
    for match in _GROUP_SINGULAR.finditer(text):
        if not any(s <= match.start() < e or s < match.end() <= e for s, e in taken):
            found.append(Mention(match.start(), match.end(), "group", match.group(0)))
    for match in _ANAPHOR.finditer(text):
        noun = match.group(1).lower()
        generic = noun in ("organisation", "organization", "agency", "body")
        previous = [m for m in earlier + [m for m in found if m.end <= match.start()]
                    if m.kind == "agency" and (generic or (m.head or "").lower() == noun)]
        if previous:
            ref = previous[-1]
            found.append(Mention(match.start(), match.end(), "agency", ref.name, head=ref.head,
                                    district=ref.district, province=ref.province))
    # Resolve anaphors to the named agency kept; mark roles.
    asides = list(_ASIDE.finditer(text))
    resolved = []
    for mention in sorted(found, key=lambda m: (m.start, -m.end)):
        if resolved and mention.start < resolved[-1].end:
            continue  # overlapping: the earlier, longer one stays
        if mention.kind == "anaphor":
            previous = [m for m in earlier + resolved if m.kind == "agency" and m.head == mention.head]
            if not previous:
                continue
            mention = Mention(mention.start, mention.end, "agency", previous[-1].name, head=mention.head,
                              district=previous[-1].district, province=previous[-1].province)
        before = text[:mention.start]
        mention.oblique = bool(_OBLIQUE_BEFORE.search(before))
        said = _ATTRIBUTION_AFTER.match(text[mention.end:])
        mention.attribution = bool(said or _ATTRIBUTION_BEFORE.search(before))
        mention.self_report = bool(said and _SELF.match(text, mention.end + said.end()))
        mention.assessor = bool(_TRANSITIVE_AFTER.match(text[mention.end:]))
        mention.aside = any(a.start() < mention.start and mention.end < a.end() for a in asides)
        if mention.kind == "agency" and mention.province is None:
            mention.district, mention.province = _location(text, _skip_acronym(text, mention.end))
        resolved.append(mention)
    return resolved


def _skip_acronym(text: str, end: int) -> int:
    match = _ACRONYM_DEF.match(text[end:])
    return end + match.end() if match else end
