"""Is a number a score, and whose score is it?  The cue tables that weigh a candidate number, then
the owner weights that pick the name it belongs to.

Every number 0–100 (and the word "zero") is a candidate; the words around it add or remove weight
(`BEFORE_CUES`, `WINDOW_CUES`, `AFTER_CUES` and a few structural cues); it is a score when the sum
reaches `ACCEPT` (3). Positive cues before the number say the same thing, so only the strongest of
them counts; every other cue adds up.

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

The heaviest owner in the clause wins (`owner_weight`):

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

A number owned by a group, a country or a company gives no record: group scores are averages, not
agencies.
"""
from __future__ import annotations

import re

from ita_lib.parse.english.names import Mention
from ita_lib.parse.english.text import ITA_MENTION
from ita_lib.parse.evidence import Candidate

ACCEPT = 3.0

MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
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
    (MONTHS + r"\s*$|\b(?:on|since|in)\s+$", -3, "date or place word"),
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
    (r"^\s*,?\s*(?:19|20)\d\d\b|^\s+" + MONTHS, -10, "date"),
)
PERCENT_AFTER = re.compile(r"^\s*(?:%|per\s*cent|percent)")
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
NUMBER = re.compile(r"(?<![\w.,/\-–])(\d{1,3}(?:\.\d{1,2})?)(?![\w/\-–]|[.,]\d)|\b(zero|nil)\b",
                     re.IGNORECASE)


def candidates(text: str, start: int, end: int, mentions: list[Mention]) -> list[Candidate]:
    """Every number 0–100 of a clause, weighed as a score (`strength`, with the cues that said so)."""
    out: list[Candidate] = []
    previous_end = start
    for match in NUMBER.finditer(text, start, end):
        value = 0.0 if match.group(2) else float(match.group(1))
        if not 0 <= value <= 100:
            previous_end = match.end()
            continue
        before = text[max(start, match.start() - 60):match.start()]
        after = text[match.end():min(end, match.end() + 40)]
        window = text[max(previous_end, start, match.start() - 45):match.start()]
        weight, why, paren = 0.0, [], False
        best_before = 0.0  # positive cues before the number say the same thing: the strongest counts
        for pattern, cue_weight, label in _COMPILED_BEFORE:
            if pattern.search(before):
                if cue_weight > 0:
                    best_before = max(best_before, cue_weight)
                else:
                    weight += cue_weight
                why.append(label)
        weight += best_before
        if _OTHER_ASSESSMENT.search(window) and not ITA_MENTION.search(text, start, end):
            weight += _OTHER_ASSESSMENT_WEIGHT
            why.append("another assessment")
        for patterns, target in ((_COMPILED_WINDOW, window), (_COMPILED_AFTER, after)):
            for pattern, cue_weight, label in patterns:
                if pattern.search(target):
                    weight += cue_weight
                    why.append(label)
        if match.group(1) and re.fullmatch(r"\d+\.\d\d", match.group(1)):
            weight += TWO_DECIMALS
            why.append("two decimals")
        if PERCENT_AFTER.match(after) and not _WORD_CUE.search(before):
            weight += _PERCENT_WEIGHT
            why.append("percentage")
        named_before = [m for m in mentions if m.end <= match.start() and start <= m.start]
        if _PAREN_BEFORE.search(before) and _PAREN_AFTER.match(after):
            weight += 3  # "(97.65)" in a ranked list; a share "(41 percent)" loses it again
            why.append("(N)")
            # right after a name: binds to it
            paren = bool(named_before) and bool(
                _PAREN_BEFORE.fullmatch(text[named_before[-1].end:match.start()].lstrip()))
        if named_before and not paren and _ADJACENT_GAP.fullmatch(text[named_before[-1].end:match.start()]) and (
                named_before[-1].kind in ("indicator", "instrument")
                or (named_before[-1].kind == "agency" and "." in match.group())):
            weight += 3  # "Open Data 88.10", "the X Office 93.25" in a list
            why.append("right after a name")
        part_after = [m for m in mentions if m.kind in ("indicator", "instrument") and m.start >= match.end()]
        if part_after and _PART_AFTER_GAP.fullmatch(text[match.end():part_after[0].start]):
            weight += 3  # "93.00 for the OIT"
            why.append("N for a part")
        if match.group(2) and weight < ACCEPT + 1:
            weight = min(weight, 0)  # "zero" needs a clear score phrase
        out.append(Candidate(value, match.start(), match.end(), weight, tuple(why), paren))
        previous_end = match.end()
    return out


def owner_weight(mention: Mention, cand: Candidate, text: str, subject: Mention | None) -> float:
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
