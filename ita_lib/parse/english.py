"""ITA results written in English news prose.

English news about ITA results carries many numbers that are not an agency's score: national and
group averages, pass thresholds and targets, ranks, counts, shares of agencies ("73%"), years,
magnitudes, deltas. It also names bodies that are not agencies (ministries and other groups whose
scores are averages, countries in a CPI table, companies, people). Reading it is three decisions,
each a weighed choice over evidence rather than the first regex that matches:

1. Is a number a score?  Every number 0–100 (and the word "zero") is a candidate; the words around it
   add or remove weight (`BEFORE_CUES`, `WINDOW_CUES`, `AFTER_CUES` and a few structural cues); it
   is a score when the sum reaches `ACCEPT` (3). Positive cues before the number say the same
   thing, so only the strongest of them counts; every other cue adds up.

   | cue                                                     | weight | example                        |
   |---------------------------------------------------------|-------:|--------------------------------|
   | score word just before                                  |     +4 | "a score of N", "scoring N"    |
   | "ITA" / "rating" / "score ... was" just before          |     +3 | "ITA score for 2024 was N"     |
   | result verb, or "came / ranked ... with" just before    |     +2 | "earned N", "came second with" |
   | "with" just before                                      |     +1 | "with N points"                |
   | "points", "out of 100" after                            | +2 each| "N points out of 100"          |
   | "(N)" alone; a name then N; "N for the EIT"             |     +3 | "the X Office (N)"             |
   | two decimals                                            |     +1 | "91.27"                        |
   | rank, change, comparison, earlier value just before     |     -8 | "ranked N", "up N", "than N"   |
   | average, threshold / target, earlier year, another      |     -8 | "an average of N", "at least   |
   | assessment (award, CPI, satisfaction) in the window     |        | N", "a year earlier"           |
   | bound, difference, "on average", "last year" after      |     -8 | "N or above", "N points higher"|
   | percentage after, with no score word before             |     -5 | "N percent"                    |
   | share of a group, count of things, ordinal, rank of N,  |    -10 | "N% of", "N stations", "Nth",  |
   | denominator, phone, time, date                          |        | "N of 180", "out of N"         |

2. Whose score is it?  Every named thing in the same clause is a candidate owner: agencies
   (`AGENCY_HEADS`, acronyms defined in the text, "the office" for one named before), groups
   (`GROUP_HEADS`: ministries, categories, clusters, provinces; plural nouns such as "police
   stations"), other proper names that are ranked or scored (countries), companies, and indicator /
   instrument names. The heaviest owner wins (`_owner_weight`):

   | evidence                                                | weight                         |
   |---------------------------------------------------------|--------------------------------|
   | name right before "(N)"                                 | 10, nothing else counts        |
   | name before the number                                  | 6 - distance / 25 chars        |
   | ... written together ("the Y Office 93.10")             | +3                             |
   | name after the number                                   | 2.5 - distance / 25 chars      |
   | the clause's subject                                    | +1.5                           |
   | after a preposition ("in X", "among X")                 | -4                             |
   | assessor ("X gave / ranked the Y ...")                  | -3                             |
   | inside ", which ... ,"                                  | -3                             |
   | source of the news ("X said", "according to X")         | never (unless "X said it ...") |
   | indicator / instrument name before N / "N for the EIT"  | 8 - distance / 10, or 9        |

   A number owned by a group, a country or a company gives no record: group scores are averages,
   not agencies. A group with a count that shares one score ("12 stations received zero points")
   followed by a list of names ("They include A and B in P, C in Q") gives each listed name that
   score; "A, B and C scored x, y and z respectively" pairs names and numbers in order.

3. Which year, and did it pass?  Only printed assessed years count (`YEAR_CUES`: "the 2021 fiscal
   year", "fiscal 2023", "ITA 2024", "2024 Integrity and Transparency Assessment", A.D. + 543);
   publication dates, events and the years of targets and plans do not. A record takes the year
   written in its score's sentence, else the document's heaviest year, else none (year_missing).
   `passed` is set only from a printed statement ("X passed the assessment", "X failed the ITA")
   or a printed rule ("agencies need at least 85 points to pass") applied to the agency's printed
   score; otherwise validate.py derives it from the score and marks it derived. Indicator and
   instrument scores go to the agency of their clause, or to the only agency of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..agency import AgencyName
from ..document import Document
from ..indicator_names import find_indicator_names, plain_variants
from ..model import Assessment
from ..years import to_buddhist_era
from .builder import RecordBuilder
from .single import set_year

__all__ = ["is_english", "parse_english", "ACCEPT"]

# --------------------------------------------------------------------------------------------
# Language and topic
# --------------------------------------------------------------------------------------------

_LATIN = re.compile(r"[A-Za-z]")
_THAI = re.compile(r"[\u0e01-\u0e5b]")
ENGLISH_SHARE = 0.6  # share of Latin letters among Latin + Thai letters
MIN_LATIN = 20

_ITA_MENTION = re.compile(r"\bITAS?\b|integrity\s+and\s+transparency\s+assessments?", re.IGNORECASE)
# Scores of other assessments reported like ITA results: a sentence naming one (and not the ITA)
# gives no score, nor do the sentences after it until the ITA is named again.
_OTHER_INDEX = re.compile(
    r"Corruption\s+Perceptions?\s+Index|\bCPI\b|Transparency\s+International|\bLPA\b|Local\s+Performance"
    r"\s+Assessment|credit\s+rating|\bKPI\b|\bT-?score", re.IGNORECASE)


def is_english(document: Document) -> bool:
    """True when the text is mostly Latin-script prose (a Thai tail or Thai names may remain)."""
    text = document.text
    latin = len(_LATIN.findall(text))
    thai = len(_THAI.findall(text))
    return latin >= MIN_LATIN and latin >= ENGLISH_SHARE * (latin + thai)


# --------------------------------------------------------------------------------------------
# 1. Is a number a score?
# --------------------------------------------------------------------------------------------

ACCEPT = 3.0

_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
_CHANGE = (r"(?:up|down|rose|fell|rise|rising|drop|dropped|increase[sd]?|decrease[sd]?|gain(?:ed)?|improved|"
           r"jump(?:ed)?|climb(?:ed)?|slipp?(?:ed)?)")
_COUNTED = (r"agenc(?:y|ies)|organi[sz]ations?|offices|stations|people|persons|officers|officials|members|"
            r"schools|units|respondents|countries|suspects|deaths|years?|months?|days?|hours?|baht|million|"
            r"billion|times|projects|items|indicators|questions|municipalities|provinces|districts|"
            r"ministries|departments|hospitals|universities|staff|votes|cases|seats|awards|laws|students|"
            r"teachers|employees|participants|bodies|courts|institutions|entities|magnitude|storey|story|"
            r"floors|percentage\s+points|rai|km|kilometres|kilometers|metres|meters")

# (pattern on the text just before the number, weight, label); patterns end with $.
BEFORE_CUES: tuple[tuple[str, float, str], ...] = (
    (r"\bscor(?:e|es|ed|ing)(?:\s*:\s*|\s+(?:of\s+|was\s+|is\s+|at\s+|stood\s+at\s+|reached\s+)?)"
     r"(?:an?\s+)?$", 4, "score word"),
    (r"\bscor(?:ed|ing)\s+(?:\w+\s+){0,2}(?:at|with)\s+$", 4, "scored ... at"),
    (r"\b(?:ITA|rating|rated|marks?)\s+(?:score\s+)?(?:of\s+|was\s+|at\s+)?$", 3, "ITA / rating"),
    (r"\b(?:earned|earning|received|receiving|got|achieved|achieving|obtained|gained|recorded|posted|"
     r"secured|attained|awarded)\s+(?:an?\s+|the\s+)?$", 2, "result verb"),
    (r"\bscores?\b[^.;]{0,30}?\b(?:was|is|were|stood\s+at|reached|totall?ed|came\s+to)\s+$", 3,
     "score ... was"),
    (r"\bscores?\b[^.;]{0,40}?\b(?:rose|fell|dropped|increased|decreased|improved|climbed|jumped|slipped|"
     r"went\s+up|went\s+down)\s+to\s+$", 4, "score ... rose to"),
    (r"\bwith\s+(?:an?\s+)?$", 1, "with"),
    (r"\b(?:came|ranked|placed|finished|topped|led|tied)\b[^.;,()]{0,30}\b(?:with|at|on)\s+(?:an?\s+)?$",
     2, "ranked ... with"),
    # not a score
    (r"\b(?:rank(?:ed|s|ing)?|No\.?|number|place|position|top|bottom)\s*$|#\s*$", -8, "rank"),
    (r"\b" + _CHANGE + r"\s+(?:of\s+|by\s+)?$", -8, "change"),
    (r"\b" + _CHANGE + r"\s+(?:\w+\s+){0,3}?from\s+$", -8, "earlier value"),
    (r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?|than|over|above|below|under|exceed(?:ed|ing)?)\s+$",
     -8, "comparison"),
    (r"\bfrom\s+$", -4, "from (an earlier value or a range)"),
    (r"\bout\s+of\s+(?:the\s+)?$|\bof\s+the\s+$|/\s*$", -10, "denominator"),
    (r"\b(?:ext|tel|phone|call|fax|room|page|p|vol)\.?\s*$", -10, "phone or reference"),
    (_MONTHS + r"\s*$|\b(?:on|since|in)\s+$", -3, "date or place word"),
)
# (pattern anywhere in the window from the previous number or the clause start, weight, label)
WINDOW_CUES: tuple[tuple[str, float, str], ...] = (
    (r"\b(?:average[sd]?|averaging|mean|median)\b", -8, "average"),
    (r"\b(?:a\s+year\s+(?:earlier|before|ago)|(?:the\s+)?(?:previous|prior|preceding)\s+year[’']?s?|"
     r"the\s+year\s+before)\b", -8, "earlier year"),
    (r"\b(?:at\s+least|minimum|min\.|more\s+than|less\s+than|fewer\s+than|thresholds?|pass(?:ing)?\s+"
     r"(?:mark|score|grade|level)|benchmarks?|target(?:s|ed|ing)?|goals?|aim(?:s|ed|ing)?\s+(?:to|for|at)|"
     r"criteria|criterion|required?|requires|must|cut-?off|need(?:s|ed)?\s+to|expect(?:s|ed)?\s+to)\b", -8,
     "threshold or target"),
)
# Another assessment named just before the number, and no ITA word there: its score, not the ITA's.
_OTHER_ASSESSMENT = re.compile(
    r"\b(?:awards?|prizes?|satisfaction|poll|credit|LPA|KPI|CPI|PMQA|QS|ranking\s+of\s+universities|"
    r"(?:transparency|accountability|integrity)\s+index|indices)\b", re.IGNORECASE)
_OTHER_ASSESSMENT_WEIGHT = -8
# (pattern on the text just after the number, weight, label); patterns start with ^.
AFTER_CUES: tuple[tuple[str, float, str], ...] = (
    (r"^\s*(?:points?|pts\.?|marks)\b", 2, "points"),
    (r"^\s*(?:points?\s+|pts\.?\s+)?(?:out\s+of|/)\s*100\b", 2, "out of 100"),
    (r"^\s*(?:points?\s+)?(?:or|and)\s+(?:above|more|higher|over|better|up|below|less|lower|under)\b", -8,
     "bound"),
    (r"^\s*(?:points?\s+)?(?:higher|lower|more|less|above|below|up|down|ahead|behind|short)\b|"
     r"^\s*points?\s+(?:from|over|on)\b", -8, "difference"),
    (r"^\s*(?:points?\s+)?on\s+average\b", -8, "average"),
    (r"^\s*(?:points?\s+)?(?:in|for)\s+(?:the\s+)?(?:previous|last|prior|preceding)\s+year|"
     r"^\s*(?:points?\s+)?(?:a|the)\s+year\s+(?:earlier|before)|^\s*(?:points?\s+)?last\s+year", -8,
     "earlier year"),
    (r"^\s*(?:%|per\s*cent|percent)\s+of\b", -10, "share of a group"),
    (r"^(?:st|nd|rd|th)\b", -10, "ordinal"),
    (r"^\s*(?:of|out\s+of)\s+(?:the\s+)?(?!100\b)\d", -8, "rank of N"),
    (r"^\s+(?:[a-z]+\s+)?(?:" + _COUNTED + r")\b", -10, "count of things"),
    (r"^\s*(?:a\.?m\.?|p\.?m\.?|o'clock|hrs?)\b", -10, "time"),
    (r"^\s*,?\s*(?:19|20)\d\d\b|^\s+" + _MONTHS, -10, "date"),
)
_PERCENT_AFTER = re.compile(r"^\s*(?:%|per\s*cent|percent)")
_PERCENT_WEIGHT = -5  # a percentage is a share unless a score word stands right before it
_PAREN_BEFORE = re.compile(r"\(\s*$")
_PAREN_AFTER = re.compile(r"^\s*(?:points?|pts\.?)?\s*\)")
_PART_AFTER_GAP = re.compile(r"\s*(?:points?\s+)?(?:for|in|on)\s+(?:the\s+|its\s+)?", re.IGNORECASE)
_ADJACENT_GAP = re.compile(r"^[’']?s?\s*(?::|=|–|-|,|at|of|was|is|stood\s+at)?\s*$")

_COMPILED_BEFORE = tuple((re.compile(p, re.IGNORECASE), w, n) for p, w, n in BEFORE_CUES)
_COMPILED_WINDOW = tuple((re.compile(p, re.IGNORECASE), w, n) for p, w, n in WINDOW_CUES)
_COMPILED_AFTER = tuple((re.compile(p, re.IGNORECASE), w, n) for p, w, n in AFTER_CUES)
# Words that make "N percent" a score ("scored 96.73 percent", "achieved 96.73%").
_WORD_CUE = re.compile(
    r"\b(?:scor(?:e|es|ed|ing)|earned|received|got|achieved|obtained|gained|recorded|secured|attained)\s+"
    r"(?:of\s+|was\s+|is\s+|at\s+)?(?:an?\s+)?(?:ITA\s+)?(?:score\s+of\s+)?$", re.IGNORECASE)
TWO_DECIMALS = 1.0  # ITA scores are printed with two decimals; counts, ranks and years are not

# A number: not glued to letters, hyphens (ranges, "12-storey"), slashes, or a thousands group.
_NUMBER = re.compile(r"(?<![\w.,/\-–])(\d{1,3}(?:\.\d{1,2})?)(?![\w/\-–]|[.,]\d)|\b(zero|nil)\b",
                     re.IGNORECASE)


@dataclass
class Candidate:
    value: float
    start: int
    end: int
    weight: float = 0.0
    why: list[str] = field(default_factory=list)
    paren: bool = False  # written "(N)"


# --------------------------------------------------------------------------------------------
# 2. Whose score is it?  Named things in a line.
# --------------------------------------------------------------------------------------------

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
_NOT_NAMES = frozenset(("ITA", "ITAS", "IIT", "EIT", "OIT", "Integrity", "Transparency", "Assessment",
                        "Assessments", "Index"))
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


def _is_cap(word: str) -> bool:
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
        if not _is_cap(word):
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
                if k < len(tokens) and tuple(t[2] for t in tokens[j:k]) == conn and _is_cap(tokens[k][2]):
                    if conn == ("and",) and any(w in AGENCY_HEADS or w in GROUP_HEADS for _, _, w in run):
                        break  # "X Office and Y Office" are two names
                    joined = k
                    break
            if joined is None and _is_cap(tokens[j][2]):
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
        if any(w in _NOT_NAMES for w in names) or all(w.isupper() for w in names):
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


def _acronyms(texts: list[str], police: bool) -> dict[str, Mention]:
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
            if acronym in _NOT_NAMES or sum(c.isupper() for c in acronym) < 2:
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
    if any(word in _NOT_NAMES or word in _MONTH_WORDS for word in re.split(r"[ \-]", first)):
        return None, None
    if is_district:
        return first, second
    return None, first


def _mentions(text: str, acronyms: dict[str, Mention], police: bool,
              earlier: list[Mention]) -> list[Mention]:
    """Every named thing in one line, in order; `earlier` holds agencies named before this line."""
    mentions: list[Mention] = []
    lowered = text.lower()
    for pos, number in find_indicator_names(text):  # indicator names first: "Open Data" is no body
        end = pos + max((len(v) for v, n in plain_variants()
                         if n == number and lowered.startswith(v, pos)), default=0)
        mentions.append(Mention(pos, end, "indicator", str(number), number=number))
    for match in re.finditer(r"\b(IIT|EIT|OIT)\b", text):
        code = match.group(1)
        mentions.append(Mention(match.start(), match.end(), "instrument", code, code=code))
    for run in _capital_runs(text):
        mention = _name_of_run(run, text, police)
        if mention is None or any(m.start < mention.end and mention.start < m.end for m in mentions):
            continue
        if mention.kind == "other":
            after = text[mention.end:]
            if not (re.match(r"\s*\(\s*\d", after) or _SCORE_VERB_AFTER.match(after)):
                continue
        mentions.append(mention)
    taken = [(m.start, m.end) for m in mentions]
    for acronym, full in acronyms.items():
        for match in re.finditer(r"(?<![\w(])" + re.escape(acronym) + r"(?![\w)])", text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            mentions.append(Mention(match.start(), match.end(), full.kind, full.name, head=full.head))
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
        mentions.append(Mention(start, match.end(), "group", text[start:match.end()], count=count, unit=unit))
    for match in _GROUP_SINGULAR.finditer(text):
        if not any(s <= match.start() < e or s < match.end() <= e for s, e in taken):
            mentions.append(Mention(match.start(), match.end(), "group", match.group(0)))
    for match in _ANAPHOR.finditer(text):
        noun = match.group(1).lower()
        generic = noun in ("organisation", "organization", "agency", "body")
        previous = [m for m in earlier + [m for m in mentions if m.end <= match.start()]
                    if m.kind == "agency" and (generic or (m.head or "").lower() == noun)]
        if previous:
            ref = previous[-1]
            mentions.append(Mention(match.start(), match.end(), "agency", ref.name, head=ref.head,
                                    district=ref.district, province=ref.province))
    # Resolve anaphors to the named agency kept; mark roles.
    asides = list(_ASIDE.finditer(text))
    resolved = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
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


# --------------------------------------------------------------------------------------------
# Sentences and clauses
# --------------------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(("mr", "mrs", "ms", "dr", "no", "st", "co", "ltd", "gen", "pol", "col", "lt",
                            "maj", "capt", "sgt", "jr", "sr", "vs", "etc", "prof", "gov", "sen", "rep", "inc",
                            "corp", "dept", "govt", "b.e", "a.d", "e.g", "i.e", "p.m", "a.m", "u.s", "assoc",
                            "asst", "ext", "tel", "approx", "fig"))
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9]|\s*$)|\t")
_CLAUSE_BREAK = re.compile(r";\s+|,?\s+(?:while|whereas|but|meanwhile)\s+|\s+[—–]\s+")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith("."):
            token = re.search(r"(\S+)$", text[start:match.start()])
            word = token.group(1).lower().rstrip(".") if token else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, end))
    return spans


# --------------------------------------------------------------------------------------------
# Scoring numbers and choosing owners
# --------------------------------------------------------------------------------------------

def _candidates(text: str, start: int, end: int, mentions: list[Mention]) -> list[Candidate]:
    out: list[Candidate] = []
    previous_end = start
    for match in _NUMBER.finditer(text, start, end):
        if match.group(2):
            value = 0.0
        else:
            value = float(match.group(1))
        if not 0 <= value <= 100:
            previous_end = match.end()
            continue
        cand = Candidate(value, match.start(), match.end())
        before = text[max(start, match.start() - 60):match.start()]
        after = text[match.end():min(end, match.end() + 40)]
        window = text[max(previous_end, start, match.start() - 45):match.start()]
        best_before = 0.0  # positive cues before the number say the same thing: the strongest counts
        for pattern, weight, label in _COMPILED_BEFORE:
            if pattern.search(before):
                if weight > 0:
                    best_before = max(best_before, weight)
                else:
                    cand.weight += weight
                cand.why.append(label)
        cand.weight += best_before
        if _OTHER_ASSESSMENT.search(window) and not _ITA_MENTION.search(text, start, end):
            cand.weight += _OTHER_ASSESSMENT_WEIGHT
            cand.why.append("another assessment")
        for pattern, weight, label in _COMPILED_WINDOW:
            if pattern.search(window):
                cand.weight += weight
                cand.why.append(label)
        for pattern, weight, label in _COMPILED_AFTER:
            if pattern.search(after):
                cand.weight += weight
                cand.why.append(label)
        if match.group(1) and re.fullmatch(r"\d+\.\d\d", match.group(1)):
            cand.weight += TWO_DECIMALS
            cand.why.append("two decimals")
        if _PERCENT_AFTER.match(after) and not _WORD_CUE.search(before):
            cand.weight += _PERCENT_WEIGHT
            cand.why.append("percentage")
        named_before = [m for m in mentions if m.end <= match.start() and start <= m.start]
        if _PAREN_BEFORE.search(before) and _PAREN_AFTER.match(after):
            cand.weight += 3  # "(97.65)" in a ranked list; a share "(41 percent)" loses it again
            cand.why.append("(N)")
            if named_before and _PAREN_BEFORE.fullmatch(text[named_before[-1].end:match.start()].lstrip()):
                cand.paren = True  # right after a name: binds to it
        if named_before:
            gap = text[named_before[-1].end:match.start()]
            if cand.paren:
                pass
            elif _ADJACENT_GAP.fullmatch(gap) and (
                    named_before[-1].kind in ("indicator", "instrument")
                    or (named_before[-1].kind == "agency" and "." in match.group())):
                cand.weight += 3  # "Open Data 88.10", "the X Office 93.25" in a list
                cand.why.append("right after a name")
        part_after = [m for m in mentions
                      if m.kind in ("indicator", "instrument") and m.start >= match.end()]
        if part_after and _PART_AFTER_GAP.fullmatch(text[match.end():part_after[0].start]):
            cand.weight += 3  # "93.00 for the OIT"
            cand.why.append("N for a part")
        if match.group(2) and cand.weight < ACCEPT + 1:
            cand.weight = min(cand.weight, 0)  # "zero" needs a clear score phrase
        out.append(cand)
        previous_end = match.end()
    return out


def _owner_weight(mention: Mention, cand: Candidate, text: str, subject: Mention | None) -> float:
    if mention.attribution and not mention.self_report:
        return float("-inf")
    if mention.kind in ("indicator", "instrument"):
        if mention.start >= cand.end:  # "81.20 for the EIT"
            gap = text[cand.end:mention.start]
            return 9.0 if _PART_AFTER_GAP.fullmatch(gap) else float("-inf")
        gap = text[mention.end:cand.start]
        if len(gap) > 30:
            return float("-inf")
        return 8 - len(gap) / 10
    if mention.end <= cand.start:
        gap = text[mention.end:cand.start]
        if cand.paren and _PAREN_BEFORE.fullmatch(gap.lstrip()):
            return 10.0
        weight = 6 - min(len(gap), 200) / 25
        if _ADJACENT_GAP.fullmatch(gap):
            weight += 3  # "the Y Office 93.10": written together
    else:
        weight = 2.5 - min(mention.start - cand.end, 200) / 25
    if mention is subject and not mention.assessor:
        weight += 1.5
    if mention.oblique:
        weight -= 4
    if mention.assessor:
        weight -= 3
    if mention.aside and not text[mention.end:cand.start].strip(" ,").endswith(("scored", "scoring")):
        weight -= 3
    return weight


# --------------------------------------------------------------------------------------------
# 3. Years and pass rules
# --------------------------------------------------------------------------------------------

_YEAR = r"((?:19|20)\d\d|25\d\d)"
# (pattern, weight): printed assessed years. Publication dates, targets and events are not here.
YEAR_CUES: tuple[tuple[str, float], ...] = (
    (r"\b" + _YEAR + r"(?:/\d{2,4})?\s+fiscal\s+year\b", 3),
    (r"\bfiscal\s+(?:year\s+)?(?:of\s+)?" + _YEAR + r"\b", 3),
    (r"\bFY\s?" + _YEAR + r"\b", 3),
    (r"\bITAS?\s+(?:results?\s+|scores?\s+)?" + _YEAR + r"\b", 3),
    (r"\b" + _YEAR + r"\s+(?:ITA|Integrity\s+and\s+Transparency\s+Assessment)\b", 3),
    (r"\b(?:ITA|Integrity\s+and\s+Transparency\s+Assessment)(?:\s*\(ITA\))?\s+(?:results?\s+|scores?\s+)?"
     r"(?:for|of|in)\s+(?:the\s+)?(?:fiscal\s+year\s+)?" + _YEAR + r"\b", 2),
    (r"\bB\.\s?E\.\s?(25\d\d)\b", 2),
)
_COMPILED_YEARS = tuple((re.compile(p, re.IGNORECASE), w) for p, w in YEAR_CUES)
_YEAR_NOT_ASSESSED = re.compile(
    r"(?:\b(?:since|before|by|until|till|after|from|next|upcoming|coming|target(?:ed)?|plan(?:ned)?)\s+"
    r"(?:the\s+)?|" + _MONTHS + r"\s+(?:\d{1,2},?\s+)?|\d{1,2}\s+" + _MONTHS + r"\s+)$", re.IGNORECASE)


@dataclass
class _Block:
    """A paragraph: lines joined where a sentence was wrapped, with where each line starts."""

    text: str
    starts: list[tuple[int, int]]  # (offset in text, line number)

    def line_at(self, pos: int) -> int:
        number = self.starts[0][1]
        for start, line in self.starts:
            if start > pos:
                break
            number = line
        return number


_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)\]]\s*$")
_CONTINUES = re.compile(r"^\s*(?:[a-z(]|\d+(?:\.\d+)?(?![.)]\s))")
WRAPPED_MIN = 40  # a line this long that stops mid-sentence was wrapped (PDF, abstracts)


_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*–])\s")


def _blocks(lines) -> list[_Block]:
    """Non-blank lines, a wrapped line joined with the next when that one continues its sentence
    (starts in lower case or with a number; any start in a hard-wrapped text such as a PDF)."""
    blocks: list[_Block] = []
    prose = [line for line in lines if line.text.strip() and not line.is_row]
    cut = [line for line in prose if len(line.text) >= WRAPPED_MIN and not _ENDS_SENTENCE.search(line.text)]
    hard_wrapped = len(cut) >= 2 and len(cut) >= 0.3 * len(prose)
    previous = None
    for line in lines:
        text = line.text
        if not text.strip():
            previous = None
            continue
        if (previous is not None and not line.is_row and not previous.is_row
                and previous.number == line.number - 1 and len(previous.text) >= WRAPPED_MIN
                and not _ENDS_SENTENCE.search(previous.text) and not _LIST_MARKER.match(text)
                and (hard_wrapped or _CONTINUES.match(text))):
            block = blocks[-1]
            block.starts.append((len(block.text) + 1, line.number))
            block.text = block.text + " " + text
        else:
            blocks.append(_Block(text, [(0, line.number)]))
        previous = line
    return blocks


@dataclass(frozen=True)
class YearMention:
    year: int  # B.E.
    line: int
    pos: int
    weight: float


_TARGET_SENTENCE = re.compile(
    r"\b(?:target(?:s|ed|ing)?|aim(?:s|ed|ing)?\s+(?:to|for|at)|goals?|plan(?:s|ned)?\s+to|will|next\s+year|"
    r"upcoming|prepar(?:e|es|ed|ing)\s+for|expect(?:s|ed)?\s+to|improve)\b", re.IGNORECASE)


def _years_in(block: _Block) -> list[YearMention]:
    """Printed assessed years of one paragraph; none from a sentence about targets or plans."""
    text = block.text
    found: dict[int, YearMention] = {}
    targets = [(s, e) for s, e in _sentences(text) if _TARGET_SENTENCE.search(text[s:e])]
    for pattern, weight in _COMPILED_YEARS:
        for match in pattern.finditer(text):
            if _YEAR_NOT_ASSESSED.search(text[:match.start()]):
                continue
            if any(s <= match.start() < e for s, e in targets):
                continue
            year = to_buddhist_era(int(match.group(1)))
            if match.start(1) not in found:
                found[match.start(1)] = YearMention(year, block.line_at(match.start(1)), match.start(1),
                                                    weight)
    return sorted(found.values(), key=lambda m: m.pos)


def _document_year(mentions: list[YearMention]) -> YearMention | None:
    """The assessed year written most (weighted); the earliest on a tie."""
    totals: dict[int, float] = {}
    first: dict[int, YearMention] = {}
    for mention in mentions:
        totals[mention.year] = totals.get(mention.year, 0) + mention.weight
        first.setdefault(mention.year, mention)
    if not totals:
        return None
    best = max(totals.values())
    return min((first[y] for y, t in totals.items() if t == best), key=lambda m: (m.line, m.pos))


_PASS_WORD = re.compile(r"\bpass(?:es|ed|ing)?\b", re.IGNORECASE)
_THRESHOLD_BEFORE = re.compile(
    r"(?:minimum|at\s+least|pass(?:ing)?\s+(?:mark|score|threshold)|threshold|benchmark|criteri(?:a|on)|"
    r"cut-?off)\b[^.\d;]{0,25}$", re.IGNORECASE)
_THRESHOLD_AFTER = re.compile(r"^\s*(?:points?\s+)?(?:or|and)\s+(?:above|more|higher|over)\b", re.IGNORECASE)
_PASSED_STATEMENT = re.compile(
    r"\b(?:failed\s+(?:to\s+pass|the|its|an?)\b|did\s+not\s+pass|didn[’']t\s+pass|not\s+pass(?:ed)?|"
    r"fell\s+short)|\b(passed)\s+(?:the|its|an?|this|last)?\s*(?:year[’']s\s+)?(?:ITA|assessment|"
    r"evaluation|test|criteria|threshold|benchmark|\d)", re.IGNORECASE)
_GRADE = re.compile(
    r"\b(?:an?|the|its|with|received|earned|got|given|at)\s+[\"“‘']?(AA|A|B|C|D|E|F)[\"”’']?\s+"
    r"(?:grade|rating|level)\b|\b(?:grade|level)\s+(?:of\s+)?[\"“‘']?(AA|A|B|C|D|E|F)\b(?![\w-])")


def _pass_threshold(text: str) -> float | None:
    """A printed pass rule: 'agencies need at least 85 points to pass'. None when absent or ambiguous."""
    found: set[float] = set()
    for start, end in _sentences(text):
        sentence = text[start:end]
        passes = [m.start() for m in _PASS_WORD.finditer(sentence)]
        if not passes:
            continue
        best: tuple[int, float] | None = None
        for match in _NUMBER.finditer(sentence):
            if match.group(2):
                continue
            before, after = sentence[:match.start()], sentence[match.end():]
            if not (_THRESHOLD_BEFORE.search(before) or _THRESHOLD_AFTER.match(after)):
                continue
            if _PERCENT_AFTER.match(after):
                continue
            distance = min(abs(p - match.start()) for p in passes)
            if best is None or distance < best[0]:
                best = (distance, float(match.group(1)))
        if best is not None:
            found.add(best[1])
    return found.pop() if len(found) == 1 else None


# --------------------------------------------------------------------------------------------
# The parser
# --------------------------------------------------------------------------------------------

@dataclass
class _Record:
    builder: RecordBuilder
    name: str
    year: int | None
    score: float | None = None
    passed_said: bool | None = None  # a printed pass / fail statement


_LIST_LEAD = re.compile(
    r"^\s*(?:They|These|Those|Among\s+them|Among\s+these)\s*,?\s+(?:include[sd]?|included|are|were|"
    r"being|comprise[sd]?)\s*:?\s+|^\s*,?\s*(?:including|among\s+them|such\s+as)\s+", re.IGNORECASE)
_LIST_IN_CLAUSE = re.compile(r",?\s*(?:including|among\s+them|such\s+as)\s+", re.IGNORECASE)
_LIST_ITEM = re.compile(r"(?:[A-Z][A-Za-z\-’']*\s+){0,4}[A-Z][A-Za-z\-’']*(?:\s+[a-z]+){0,2}")


def _listed_names(text: str, unit: str) -> list[tuple[str, str | None]]:
    """'They include A and B in P, C in Q, and D station in R' -> [(name, place)], each name completed
    with the group's type ("A police station")."""
    lead = _LIST_LEAD.match(text)
    if not lead:
        return []
    body = text[lead.end():].strip().rstrip(".;")
    unit_words = unit.split()
    items: list[tuple[str, str | None]] = []
    for chunk in re.split(r",\s*", body):
        chunk = re.sub(r"^(?:and|or)\s+", "", chunk.strip())
        place = None
        located = re.match(r"(.+?)\s+in\s+([A-Z][A-Za-z\-]*(?:\s+[A-Z][A-Za-z\-]*){0,3})(?:\s+[Pp]rovince)?$",
                           chunk)
        if located:
            chunk, place = located.group(1), located.group(2)
        for part in re.split(r"\s+(?:and|or)\s+", chunk):
            part = part.strip()
            if not part or not _LIST_ITEM.fullmatch(part):
                return items  # the list has ended ("according to the report")
            words = part.split()
            lower = [w for w in words if not _is_cap(w)]
            caps = [w for w in words if _is_cap(w)]
            if not caps or (lower and not {w.lower() for w in lower} <= set(unit_words)):
                return items
            items.append((" ".join(caps + unit_words), place))
    return items


_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*(?:points?\s*)?")


def _respectively(text: str, start: int, end: int, mentions: list[Mention],
                  candidates: list[Candidate]) -> dict[int, Mention]:
    """'A, B and C scored 98.11, 97.40 and 96.02 respectively': names and numbers paired in order.
    Empty unless the counts agree (a mismatch leaves every number unpaired and unread)."""
    if not _RESPECTIVELY.search(text, start, end):
        return {}
    first = next((c for c in candidates if c.weight >= ACCEPT), None)
    if first is None:
        return {}
    numbers = [first]
    for cand in candidates[candidates.index(first) + 1:]:
        if not _LIST_JOIN.fullmatch(text[numbers[-1].end:cand.start]):
            break
        numbers.append(cand)
    names = [m for m in mentions if m.end <= first.start and m.kind in ("agency", "group", "other")
             and not m.attribution and not m.oblique]
    if len(numbers) < 2 or len(names) != len(numbers):
        return {}
    return {id(c): m for c, m in zip(numbers, names)}


class _Reader:
    """One pass over the lines: sentences, clauses, candidate numbers and their owners."""

    def __init__(self, document: Document, year: int | None):
        self.document = document
        self.year = year
        text = document.text
        self.police = bool(re.search(r"\bpolice\b", text, re.IGNORECASE))
        self.blocks = _blocks(document.lines)
        self.acronyms = _acronyms([block.text for block in self.blocks], self.police)
        self.threshold = _pass_threshold("\n".join(block.text for block in self.blocks))
        self.block_years = [_years_in(block) for block in self.blocks]
        self.year_mentions = [m for years in self.block_years for m in years]
        self.doc_year = _document_year(self.year_mentions)
        self.records: dict[tuple[str, int | None], _Record] = {}
        self.pending_parts: list[tuple[str, object, float, int]] = []  # parts with no agency named
        self.earlier: list[Mention] = []  # agencies named on earlier lines (for "the office")
        self.shared: tuple[float, str, int | None, int] | None = None  # a counted group's score

    # records -------------------------------------------------------------------------------
    def record(self, name: str, year: int | None, mention: Mention | None, line: int) -> _Record:
        if self.year is not None:
            year = self.year
        key = (name.lower(), year)
        if key not in self.records:
            builder = RecordBuilder(self.document, "prose")
            builder.set_agency(AgencyName(name, None, name, line, mention.district if mention else None,
                                          mention.province if mention else None))
            if self.year is not None:
                set_year(builder, self.document.lines, self.year)
            elif year is not None:
                line_of_year = next((m.line for m in self.year_mentions if m.year == year), None)
                builder.set("fiscal_year", year, line_of_year)
            else:
                builder.warn("year_missing", "the document gives no fiscal year; pass --year")
            self.records[key] = _Record(builder, name, year)
        return self.records[key]

    def score(self, name: str, year: int | None, mention: Mention | None, value: float, line: int) -> _Record:
        rec = self.record(name, year, mention, line)
        rec.builder.set("overall_score", value, line)
        if rec.score is None:
            rec.score = value
        return rec

    def statements(self, rec: _Record, text: str, start: int, end: int, line: int) -> None:
        """A pass / fail statement or a grade printed after the agency in its clause."""
        said = _PASSED_STATEMENT.search(text, start, end)
        if said:
            rec.passed_said = bool(said.group(1))
        grade = _GRADE.search(text, start, end)
        if grade:
            rec.builder.set("grade", grade.group(1) or grade.group(2), line)

    def shared_list(self, text: str, line: int) -> None:
        """Names listed after a counted group's shared score each get that score."""
        if self.shared is None:
            return
        value, unit, year, score_line = self.shared
        self.shared = None
        for name, place in _listed_names(text, unit):
            self.score(name, year, Mention(0, 0, "agency", name, province=place), value, score_line)

    # reading -------------------------------------------------------------------------------
    def read(self) -> list[Assessment]:
        other_topic = False
        for block, block_years in zip(self.blocks, self.block_years):
            text = block.text
            mentions = _mentions(text, self.acronyms, self.police, self.earlier)
            for s_start, s_end in _sentences(text):
                sentence = text[s_start:s_end]
                if _ITA_MENTION.search(sentence):
                    other_topic = False
                elif _OTHER_INDEX.search(sentence):
                    other_topic = True
                self.shared_list(sentence, block.line_at(s_start))
                if other_topic:
                    continue
                for c_start, c_end in _clauses(text, s_start, s_end):
                    self.clause(block, mentions, block_years, (s_start, s_end), (c_start, c_end),
                                ita=bool(_ITA_MENTION.search(sentence)))
            self.earlier.extend(m for m in mentions if m.kind == "agency")
        return self.finish()

    def clause(self, block: _Block, mentions: list[Mention], line_years: list[YearMention],
               sentence: tuple[int, int], clause: tuple[int, int], *, ita: bool) -> None:
        text = block.text
        c_start, c_end = clause
        in_clause = [m for m in mentions if c_start <= m.start and m.end <= c_end]
        named = [m for m in in_clause if m.kind not in ("indicator", "instrument")]
        subject = next((m for m in named if not m.oblique and not m.attribution), None)
        agencies = [m for m in in_clause if m.kind == "agency" and not m.attribution]
        scored_subject = False
        candidates = _candidates(text, c_start, c_end, in_clause)
        paired = _respectively(text, c_start, c_end, in_clause, candidates)
        for cand in candidates:
            if id(cand) in paired:
                owner = paired[id(cand)]
            else:
                if paired or cand.weight < ACCEPT:
                    continue
                weights = [(_owner_weight(m, cand, text, subject), m) for m in in_clause]
                weights = [(w, m) for w, m in weights if w > 0]
                if not weights:
                    continue
                owner = max(weights, key=lambda pair: pair[0])[1]
            year = _clause_year(text, line_years, sentence[0], c_end, cand, self.doc_year)
            line = block.line_at(cand.start)
            if owner.kind == "agency":
                rec = self.score(owner.name, year, owner, cand.value, line)
                self.statements(rec, text, owner.end, c_end, line)
                scored_subject = scored_subject or owner is subject
            elif owner.kind in ("indicator", "instrument"):
                key = owner.number if owner.kind == "indicator" else owner.code
                target = agencies[-1] if agencies else None
                if target is None:
                    self.pending_parts.append((owner.kind, key, cand.value, line))
                else:
                    builder = self.record(target.name, year, target, line).builder
                    _set_part(builder, owner.kind, key, cand.value, line)
            elif owner.kind == "group" and owner.count and owner.unit:
                self.shared = (cand.value, owner.unit, year, line)
                listed = _LIST_IN_CLAUSE.search(text, cand.end, c_end)
                if listed:  # "12 stations scored zero, including A, B and C"
                    self.shared_list(text[listed.start():c_end], line)
        # A pass / fail statement or a grade with no score, for the clause's subject agency.
        if ita and not scored_subject and subject is not None and subject.kind == "agency":
            end = subject.end
            if _PASSED_STATEMENT.search(text, end, c_end) or _GRADE.search(text, end, c_end):
                year = _clause_year(text, line_years, sentence[0], c_end, None, self.doc_year)
                line = block.line_at(end)
                self.statements(self.record(subject.name, year, subject, line), text, end, c_end, line)

    def finish(self) -> list[Assessment]:
        records = _merge_short_names(list(self.records.values()))
        if len(records) == 1:  # one agency: indicator scores written in other sentences are its own
            for kind, key, value, line in self.pending_parts:
                _set_part(records[0].builder, kind, key, value, line)
        out = []
        for rec in records:
            builder = rec.builder
            if rec.passed_said is not None:
                builder.set("passed", rec.passed_said, None)
                if (self.threshold is not None and rec.score is not None
                        and (rec.score >= self.threshold) != rec.passed_said):
                    builder.warn("result_score_mismatch",
                                 f"the text says {'passed' if rec.passed_said else 'failed'} but the score "
                                 f"{rec.score:.2f} is {'under' if rec.passed_said else 'at or over'} the "
                                 f"stated pass mark {self.threshold:g}")
            elif self.threshold is not None and rec.score is not None:
                builder.set("passed", rec.score >= self.threshold, None)  # the printed rule, applied
            if builder.has_content() or rec.passed_said is not None:
                out.append(builder.build())
        return out


def parse_english(document: Document, *, year: int | None = None) -> list[Assessment]:
    """Records of an English news text about ITA results (see the module docstring)."""
    if not _ITA_MENTION.search(document.text):
        return []
    return _Reader(document, year).read()


def _set_part(builder: RecordBuilder, kind: str, key, value: float, line: int) -> None:
    if kind == "indicator":
        builder.set_indicator(int(key), value, line)
    else:
        builder.set_instrument(str(key), value, line)


def _clause_year(text: str, line_years: list[YearMention], s_start: int, c_end: int,
                 cand: Candidate | None, doc_year: YearMention | None) -> int | None:
    """A year printed in the score's sentence (before the number first), else the document's."""
    pos = cand.start if cand is not None else c_end
    in_sentence = [m for m in line_years if s_start <= m.pos < c_end]
    before = [m for m in in_sentence if m.pos < pos]
    if before:
        return before[-1].year
    after = [m for m in in_sentence if m.pos >= pos and m.pos < c_end]
    if after and cand is not None and not re.search(r"\d", text[cand.end:after[0].pos]):
        return after[0].year  # "scored 91.27 in the fiscal 2024 ITA", no other number between
    return doc_year.year if doc_year else None


def _merge_short_names(records: list[_Record]) -> list[_Record]:
    """'Roads Office' in a headline and 'Rural Roads Office' in the body with the same score and year
    are one agency: keep the longer name."""
    kept = []
    for rec in records:
        longer = [o for o in records if o is not rec and o.year == rec.year and o.score == rec.score
                  and len(o.name) > len(rec.name) and o.name.lower().endswith(" " + rec.name.lower())]
        if not longer:
            kept.append(rec)
    return kept
