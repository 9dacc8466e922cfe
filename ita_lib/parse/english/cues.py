"""Is a number a score?  The candidate numbers and the cue tables that weigh them.

Every number 0–100 (and the word "zero") is a candidate; the words around it add or remove weight
(`BEFORE_CUES`, `WINDOW_CUES`, `AFTER_CUES` and a few structural cues); it is a score when the sum
reaches `ACCEPT` (3). Positive cues before the number say the same thing, so only the strongest of
them counts; every other cue adds up. `owners._candidates` applies them.

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
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

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
