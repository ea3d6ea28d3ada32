"""Where independent sources differ: dates and weekdays, numbers, name spellings, contradicted claims.

An independent source is a duplicate group (syndicated copies count once): a discrepancy needs at least
two values given by different groups.  To avoid false alarms from values that refer to different
things, two values are compared only when

* dates: the two sentences say the same thing (content words, dates left out, Jaccard ≥
  ``SAME_EVENT_JACCARD``; if each has words the other lacks, ≥ ``SAME_EVENT_STRICT``) and neither names
  something the other does not (proper nouns);
* numbers: same counted noun and same preceding content word ("killed 127 people" ~ "killed at least
  129 people"), similar sentences, no proper noun of one missing from the other (different places or
  actors), and no different dates or times of day in the two sentences (different days or times are
  different events: an earthquake's depth and its aftershock's);
* names: spellings of one merged entity that are variants of each other and not a short form
  (surname only, acronym) of the other;
* claims: near-identical sentences (Jaccard ≥ ``SAME_CLAIM_JACCARD``) of which exactly one is negated.

>>> import datetime as dt
>>> from newsbrief.model import Article
>>> def art(i, text):
...     return Article(id=i, content_hash=i, source=i, title=None, text=text, published=dt.date(1998, 11, 5))
>>> a = art("a", "The hurricane killed 127 people in the coastal town of La Ceiba.")
>>> b = art("b", "The hurricane killed at least 129 people in the coastal town of La Ceiba.")
>>> [(d.kind, dict(d.values)) for d in find_discrepancies([a, b], sentences={}, entities=(), groups=())]
[('number', {'127': ('a',), 'at least 129': ('b',)})]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from newsbrief.dates import TIME_WORDS, find_dates
from newsbrief.dedup import independent_sources
from newsbrief.model import Article, Discrepancy, DuplicateGroup, Entity, Sentence, Span
from newsbrief.names import (
    content_tokens,
    familiar_form,
    fold,
    hyphen_split,
    joined_initials,
    name_similarity,
    name_tokens,
    spelt_out_head,
    without_designators,
)
from newsbrief.text import STOPWORDS, content_words, words
from newsbrief.timeline import DatedSentence, dated_sentences, story_sentences

SAME_EVENT_JACCARD = 0.5
# … and when each sentence has content words the other lacks, they must overlap at least this much.
SAME_EVENT_STRICT = 0.8
SAME_QUANTITY_JACCARD = 0.3  # of the sentences' words other than the counted noun
SAME_CLAIM_JACCARD = 0.6
KIND_ORDER = {"date": 0, "weekday": 1, "number": 2, "name": 3, "claim": 4}

_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|denied|denies|deny|cannot)\b|n['\u2019]t\b", re.I)
# words that say no without a negation: a sentence with one that the negated wording does not share is
# negative too, so that the negated wording is no denial of it ("… said Turkey's extradition request would
# be refused" / "… said Italy would deny Turkey's extradition request"; "will govern only with the
# center-left majority" / "would not govern with any other majority"). English.
_NEGATIVE_MEANING = re.compile(r"\b(?:refus|reject|declin|fail|only\b|unable\b)", re.I)
# a relative clause after a comma, to the sentence's last comma: what the negation denies is said around it
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whose|where)\b.*,", re.I)
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_QUANTITY = re.compile(
    r"\b(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")"
    r"(?:\s+(?P<scale>million|billion|thousand|hundred))?(?:\s+|-)(?P<noun>[a-z][a-z-]+)",
    re.I,
)
_CLOCK_BEFORE = re.compile(r"\d[:.]$")
# a figure in brackets right after another figure and its unit restates it in other units
_CONVERSION = re.compile(r"\d[\d.,]*\s*-?[A-Za-z][A-Za-z.-]*\s*\(\s*(?:about|some|roughly|nearly|around)?\s*$")
_BLOCK = 1000  # rows per block of the sparse shared-word product
# capitalised words, and model names with a figure in them ("Galaxy S4" is not the S5, "MH17" not "MH370")
_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b(?:[A-Z][a-z]+|[A-Z][A-Za-z]*\d[\w-]*)\b")


def _event_words(text: str) -> set[str]:
    return {w for w in content_words(text) if w not in TIME_WORDS}


_OPENING_POSSESSIVE = re.compile(r"^[\s\"'`\u201c\u2018]*([A-Z][a-z]+)(?:'s|\u2019s)\b")


def _proper_nouns(text: str) -> set[str]:
    """Capitalised words not at a sentence start (places, actors) — a crude but cheap "what it is about".

    A sentence's first word counts when it is a possessive ("Mobil's rose 14 percent."): a name owns.
    """
    found = {m.group().lower() for m in _PROPER.finditer(text)}
    opening = _OPENING_POSSESSIVE.match(text)
    if opening:
        found.add(opening.group(1).lower())
    return {w for w in found if w not in STOPWORDS and w not in TIME_WORDS}


_DEICTIC = re.compile(r"\b(?:there|here)\b", re.I)


def _different_things(a: str, b: str) -> bool:
    """Each names something the other does not, or one names a place and the other says only "there"."""
    pa, pb = _proper_nouns(a), _proper_nouns(b)
    if pa - pb and pb - pa:
        return True
    return bool(pa - pb and _DEICTIC.search(b)) or bool(pb - pa and _DEICTIC.search(a))


def _similar_pairs(bags: Sequence[set[str]], threshold: float) -> Iterator[tuple[int, int, float]]:
    """Index pairs ``i < j`` with Jaccard ≥ threshold (in order of ``i``, then ``j``).

    Shared-word counts come from a sparse product of the bag-of-words matrix with itself, in blocks of
    rows (no Python loop over all pairs, bounded memory on large stories).
    """
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for index, bag in enumerate(bags):
        for word in bag:
            rows.append(index)
            cols.append(vocab.setdefault(word, len(vocab)))
    if not rows:
        return
    matrix = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(len(bags), len(vocab))
    )
    sizes = np.array([len(bag) for bag in bags], dtype=np.int64)
    for lo in range(0, len(bags), _BLOCK):
        block = (matrix[lo : lo + _BLOCK] @ matrix.T).tocoo()
        i = block.row.astype(np.int64) + lo
        j = block.col.astype(np.int64)
        count = block.data.astype(np.int64)
        union = sizes[i] + sizes[j] - count
        # a loose pre-filter (float rounding); the exact test is the Python division below
        keep = (j > i) & (union > 0) & (count >= (threshold - 1e-9) * union)
        i, j, count, union = i[keep], j[keep], count[keep], union[keep]
        for k in np.lexsort((j, i)):
            jaccard = int(count[k]) / int(union[k])
            if jaccard >= threshold:
                yield int(i[k]), int(j[k]), jaccard


@dataclass(slots=True)
class _Values:
    kind: str
    subject: str
    values: dict[str, set[str]]
    evidence: dict[str, dict[Span, Sentence]] = field(default_factory=lambda: defaultdict(dict))


def _collect(
    found: dict[tuple[str, str], _Values],
    kind: str, subject: str, value_a: str, id_a: str, value_b: str, id_b: str,
    evidence: tuple[Sentence, Sentence] | None = None,
) -> None:
    entry = found.setdefault((kind, subject), _Values(kind, subject, defaultdict(set)))
    entry.values[value_a].add(id_a)
    entry.values[value_b].add(id_b)
    if evidence is not None:
        entry.evidence[value_a].setdefault(evidence[0].span, evidence[0])
        entry.evidence[value_b].setdefault(evidence[1].span, evidence[1])


def _short(text: str, limit: int = 14) -> str:
    tokens = text.split()
    return " ".join(tokens[:limit]) + (" …" if len(tokens) > limit else "")


Found = dict[tuple[str, str], _Values]
Sentences = Mapping[str, Sequence[Sentence]]


def _date_conflicts(articles: Sequence[Article], sentences: Sentences, source: dict[str, str], found: Found) -> None:
    dated = dated_sentences(articles, sentences=sentences)
    bags = [_event_words(d.sentence.text) for d in dated]
    for i, j, jaccard in _similar_pairs(bags, SAME_EVENT_JACCARD):
        a, b = dated[i], dated[j]
        if a.date == b.date or source[a.article.id] == source[b.article.id]:
            continue
        if a.mention.precision != "day" or b.mention.precision != "day":
            continue  # "last week", "last month": too vague to contradict a day
        if _different_things(a.sentence.text, b.sentence.text):
            continue
        only_a, only_b = bags[i] - bags[j], bags[j] - bags[i]
        if only_a and only_b and jaccard < SAME_EVENT_STRICT:
            continue  # each says something the other does not ("arrived" / "left"): maybe two events
        weekday = a.mention.kind == b.mention.kind == "weekday"
        if weekday and a.mention.text.split()[-1].lower() == b.mention.text.split()[-1].lower():
            continue  # both say "Thursday": the days differ by their articles' dates, two events (aftershocks)
        if _each_told_as_news(a, b):
            continue
        kind = "weekday" if weekday else "date"

        subject = _short(min(a.sentence.text, b.sentence.text, key=len))
        _collect(
            found, kind, subject, _date_label(a, weekday), a.article.id, _date_label(b, weekday), b.article.id,
            (a.sentence, b.sentence),
        )


#: Days between a date and its article's publication within which the date is the article's news, and the
#: gap between two articles beyond which two such dates are two events.
NEWS_DAYS = 7
APART_DAYS = 30


def _each_told_as_news(a: DatedSentence, b: DatedSentence) -> bool:
    """Two dates each within days of its own article's publication, the articles a month or more apart.

    Two editorials "on Tuesday, July 25" and "for Friday, Sept. 10" of a year apart, one clash each week:
    the same words tell two events, each as its article's news, not one event dated two ways.
    """
    pa, pb = a.article.published, b.article.published
    if pa is None or pb is None:
        return False
    near = abs((a.date - pa).days) <= NEWS_DAYS and abs((b.date - pb).days) <= NEWS_DAYS
    return near and abs((pa - pb).days) >= APART_DAYS


def _date_label(dated: DatedSentence, weekday: bool) -> str:
    iso = dated.date.isoformat()
    return f"{dated.mention.text.split()[-1]} ({iso})" if weekday else iso


def _number_value(match: re.Match[str]) -> float:
    raw = match["num"].lower().replace(",", "")
    value = float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else float(raw)
    scale = {"million": 1e6, "billion": 1e9, "thousand": 1e3, "hundred": 1e2}.get((match["scale"] or "").lower(), 1)
    return value * scale


@dataclass(frozen=True, slots=True)
class _Quantity:
    article_id: str
    sentence: Sentence
    key: tuple[str, str]
    value: float
    text: str
    dates: frozenset[str]
    bound: str = ""  # "at least" → "low", "up to" → "high": the figure is a bound, not the count
    clock: frozenset[str] = frozenset()  # the times of day the sentence gives ("11:24", "15:24")

    def range(self) -> tuple[float, float]:
        """The values the figure allows."""
        if self.bound == "low":
            return self.value, float("inf")
        if self.bound == "high":
            return float("-inf"), self.value
        return self.value, self.value


# "at least 82 people" allows 89, and "at least 19" never contradicts "at least 80": a bound is checked
# against the other figure's range, not compared as a count (English)
_LOWER_BOUND = re.compile(r"\b(?:at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than)\s+$", re.I)
_UPPER_BOUND = re.compile(r"\b(?:up\s+to|at\s+most|fewer\s+than|less\s+than|under|no\s+more\s+than|as\s+many\s+as|nearly|almost)\s+$", re.I)


def _bound(text: str, start: int) -> tuple[str, str, int]:
    """``("low" | "high" | "", the bounding words, where they start)`` of the figure starting at ``start``."""
    offset = max(0, start - 24)
    for kind, pattern in (("low", _LOWER_BOUND), ("high", _UPPER_BOUND)):
        match = pattern.search(text[offset:start])
        if match:
            return kind, " ".join(match.group().lower().split()), offset + match.start()
    return "", "", start


def _ranges_meet(a: _Quantity, b: _Quantity) -> bool:
    (low_a, high_a), (low_b, high_b) = a.range(), b.range()
    return max(low_a, low_b) <= min(high_a, high_b)


def _quantities(article: Article, sentence: Sentence) -> Iterator[_Quantity]:
    text = sentence.text
    date_mentions = find_dates(text, published=article.published)
    date_spans = [(m.start, m.end) for m in date_mentions]
    dates = frozenset(m.date.isoformat() for m in date_mentions)
    for match in _QUANTITY.finditer(text):
        start, end = match.span("num")
        if any(s <= start < e for s, e in date_spans):
            continue
        if _CLOCK_BEFORE.search(text, max(0, start - 3), start):
            continue  # minutes or seconds of a time of day ("at 20:36:08 local time"), no count
        number = match["num"]
        if re.fullmatch(r"(?:19|20)\d\d", number) or match["noun"].lower() in STOPWORDS:
            continue
        if _CONVERSION.search(text, max(0, start - 40), start):
            continue  # "150 kph (94 mph)": the same figure in other units, not a figure of its own
        bound, bounding, counted_from = _bound(text, start)
        # the word before the bound says what is counted: "destroyed fewer than 10 homes"
        before = [w for w in words(text[:counted_from]) if w not in STOPWORDS and not w.isdigit()]
        # what is counted needs a content word next to it: the one before ("killed 127 people") or, at
        # the start of a sentence, the one after ("At least 180 people were injured" ≠ "19 people died")
        after = [w for w in words(text[match.end() :])[:4] if w not in STOPWORDS and not w.isdigit()]
        previous = before[-1] if before else (after[0] if after else "")
        if not previous:
            continue
        noun = _singular(match["noun"].lower())
        label = f"{number} {match['scale']}" if match["scale"] else number
        label = f"{bounding} {label}" if bounding else label
        yield _Quantity(article.id, sentence, (previous, noun), _number_value(match), label, dates, bound, clock_times(text))


_CLOCK = re.compile(r"(?<![\d.:])([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?(?![\d:])")


def clock_times(text: str) -> frozenset[str]:
    """The times of day a sentence gives, as "h:mm" (seconds and a leading zero dropped).

    >>> sorted(clock_times("It struck at 11:24 am local time (15:24 UTC), then at 08:32:22 UTC."))
    ['11:24', '15:24', '8:32']
    >>> clock_times("The score was 3-1 after 90 minutes.")
    frozenset()
    """
    return frozenset(f"{int(m[1])}:{m[2]}" for m in _CLOCK.finditer(text))


# a sentence opening with a pronoun for a thing: what is counted is named in the sentence before
_THING_PRONOUN = re.compile(r"^[\s\"'`\u201c\u2018]*(?:it|this|that|these|those|they)\b", re.I)


def _unknown_subject(text: str) -> bool:
    return _THING_PRONOUN.match(text) is not None


#: A numbered name ("Galaxy S4", "MH17", "A380"): a model, a flight, a route — one thing of its series.
_NUMBERED_NAME = re.compile(r"\b[A-Z][A-Za-z]*\d[\w-]*\b")
#: A numbered name in at least this share of the articles that name the most named one is what the story
#: is about: a review of the Galaxy S5 (33 of 35 articles) names the S4 it replaces in 17.
STORY_NAME_SHARE = 0.6


#: A name's number of two figures or more, written into the name or after a word ("AF447", "Flight 447").
_NAMED_NUMBER = re.compile(r"\b[A-Z][A-Za-z]*(?:\s+|-)?(\d{2,})\b")


def _story_numbered_names(articles: Sequence[Article]) -> frozenset[str]:
    """The numbered names the story is about (see ``STORY_NAME_SHARE``; in two articles at least).

    By the name as written, or by its number as the story writes it in its names: "AF447" in two of
    eleven articles is the story's "Flight 447", which the others write.

    >>> from newsbrief.model import Article
    >>> texts = ["Flight 447 vanished.", "Air France Flight 447 was lost.", "AF447 was an Airbus A330.",
    ...          "AF447 sent messages.", "Flight 447 had 228 people on board."]
    >>> sorted(_story_numbered_names([Article(str(i), "h", "s", None, t) for i, t in enumerate(texts)]))
    ['AF447']
    """
    texts = [f"{a.title or ''} {a.text}" for a in articles]
    counts = Counter(name for text in texts for name in set(_NUMBERED_NAME.findall(text)))
    numbers = Counter(number for text in texts for number in set(_NAMED_NUMBER.findall(text)))
    least = max(2, STORY_NAME_SHARE * max(counts.values(), default=0))
    least_number = max(2, STORY_NAME_SHARE * max(numbers.values(), default=0))
    return frozenset(
        name for name, n in counts.items()
        if n >= least or (n >= 2 and numbers[_name_number(name)] >= least_number)
    )


def _name_number(name: str) -> str:
    """A numbered name's number read as the story's names are counted (``_NAMED_NUMBER``; "" if none).

    >>> _name_number("AF447"), _name_number("A330-200"), _name_number("S5")
    ('447', '330', '')
    """
    match = _NAMED_NUMBER.match(name)
    return match.group(1) if match else ""


def _other_numbered_thing(a: str, b: str, story: frozenset[str]) -> bool:
    """One sentence names a numbered thing the story is not about, and the other does not name it.

    "For reference, the Galaxy S4 had a 9.88 WHr battery with 2600 mAh." is about the phone before the
    one a story of Galaxy S5 reviews ("Battery: 2800 mAh"): the two figures are of two things.

    >>> _other_numbered_thing("The Galaxy S4 had 2600 mAh.", "Battery: 2800 mAh", frozenset({"S5"}))
    True
    >>> _other_numbered_thing("The Galaxy S5 has 2600 mAh.", "Battery: 2800 mAh", frozenset({"S5"}))
    False
    """
    names_a, names_b = set(_NUMBERED_NAME.findall(a)), set(_NUMBERED_NAME.findall(b))
    return bool((names_a - names_b - story) or (names_b - names_a - story))


def _number_conflicts(articles: Sequence[Article], sentences: Sentences, source: dict[str, str], found: Found) -> None:
    by_key: dict[tuple[str, str], list[_Quantity]] = defaultdict(list)
    for article in articles:
        for sentence in sentences[article.id]:
            for quantity in _quantities(article, sentence):
                by_key[quantity.key].append(quantity)
    story = _story_numbered_names(articles)
    # the values each sentence gives for each key: a figure the other sentence also gives is confirmed
    # there, and a second figure beside it is of something else ("cost at least $40 billion, with the
    # United States planning to pay $21 billion")
    values_in: dict[tuple[int, tuple[str, str]], set[float]] = defaultdict(set)
    for key, items in by_key.items():
        for item in items:
            values_in[(id(item.sentence), key)].add(item.value)
    for key, items in by_key.items():
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                if _ranges_meet(a, b) or source[a.article_id] == source[b.article_id]:
                    continue
                if a.dates and b.dates and not a.dates & b.dates:
                    continue  # different days: different events
                if a.clock and b.clock and not a.clock & b.clock:
                    continue  # different times of day ("at 11:24 am" / "at 08:32:22 UTC"): different events
                # the counted noun is shared by construction: the rest of the sentences must agree (a line
                # that is the figure alone with its word, "Battery: 2800 mAh", has nothing to disagree with)
                own = set(content_words(key[1]))
                bag_a, bag_b = _event_words(a.sentence.text) - own, _event_words(b.sentence.text) - own
                alone = bag_a <= {key[0]} or bag_b <= {key[0]}
                overlap = 1.0 if alone else len(bag_a & bag_b) / len(bag_a | bag_b)
                if overlap < SAME_QUANTITY_JACCARD or _different_things(a.sentence.text, b.sentence.text):
                    continue
                if _unknown_subject(a.sentence.text) or _unknown_subject(b.sentence.text):
                    continue  # '"It lasted for 10 minutes.': what "it" is the sentence before says
                if _other_numbered_thing(a.sentence.text, b.sentence.text, story):
                    continue
                if a.value in values_in[(id(b.sentence), key)] or b.value in values_in[(id(a.sentence), key)]:
                    continue
                subject = " ".join(part for part in key if part)
                _collect(found, "number", subject, a.text, a.article_id, b.text, b.article_id, (a.sentence, b.sentence))


def _occurs(variant: str, text: str) -> bool:
    """Whether ``variant`` is written in ``text`` outside a list of names (a squad or casualty list).

    A list's names are others' namesakes as often as spellings ("Treacy" in a 2009 squad list, "Tracey" in
    a 1992 match report): a spelling found only in lists makes no point where sources differ.
    """
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(t) for t in variant.split()) + r"(?!\w)"
    return any(not _in_name_list(text, match.start()) for match in re.finditer(pattern, text))


#: A line with at least this many commas, most of its words capitalised, is a list of names.
NAME_LIST_COMMAS = 6


def _in_name_list(text: str, position: int) -> bool:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    line = text[start : end if end >= 0 else len(text)]
    if line.count(",") < NAME_LIST_COMMAS:
        return False
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", line)
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _singular(token: str) -> str:
    return token[:-1] if len(token) > 3 and token.endswith("s") and not token.endswith("ss") else token


def _is_short_form(a: str, b: str) -> bool:
    """A short form, an acronym or a plural of the other name ("Royal Marine" ~ "Royal Marines")."""
    ta, tb = set(content_tokens(name_tokens(a))), set(content_tokens(name_tokens(b)))
    if ta <= tb or tb <= ta:
        return True  # also a part of a hyphenated name ("Madikizela" ~ "Madikizela-Mandela")
    if [_singular(t) for t in name_tokens(a)] == [_singular(t) for t in name_tokens(b)]:
        return True
    if without_designators(name_tokens(a)) == without_designators(name_tokens(b)):
        return True  # the same name with another designator or legal form ("Boeing Co." ~ "Boeing Company")
    return any(re.fullmatch(r"[A-Z.]+", v.replace(" ", "")) for v in (a, b))


def _glued(a: str, b: str) -> bool:
    """One name is the other with a function word glued on by the scraper ("Abdul Rahmanthe" ~ "Abdul Rahman").

    >>> _glued("Abdul Rahmanthe", "Abdul Rahman"), _glued("Zaharie Ahmed Shah", "Zaharie Ahmad Shah")
    (True, False)
    """
    for x, y in zip(name_tokens(a), name_tokens(b), strict=False):
        if x == y:
            continue
        long, short = (x, y) if len(x) > len(y) else (y, x)
        extra = long[len(short) :] if long.startswith(short) else long[: -len(short)] if long.endswith(short) else None
        return extra is not None and extra.lower() in STOPWORDS
    return False


# British and American spellings of the same word (English only): a house style, not a disagreement
_SPELLING_CONVENTIONS = (
    (re.compile(r"(?<=\w{3})(t|b)re$"), r"\1er"),  # centre, theatre (not "Petre")
    (re.compile(r"(?<=\w{2})our$"), "or"),  # labour, harbour
    (re.compile(r"(?<=^(?:def|off|lic))ence$"), "ense"),  # defence, offence, licence
    (re.compile(r"(?<=\w{2})is(e|ed|ing|ation|ations)$"), r"iz\1"),  # organisation, privatised
    (re.compile(r"(?<=\w{2})mme$"), "m"),  # programme
)


def _house_style(name: str) -> str:
    """``name`` with British spellings made American, token by token (lower case)."""
    out = []
    for token in name_tokens(name):
        for pattern, replacement in _SPELLING_CONVENTIONS:
            token = pattern.sub(replacement, token)
        out.append(token)
    return " ".join(out)


# a place's name and its adjective ("Malaysia"/"Malaysian", "Asia"/"Asian", "Palestine"/"Palestinian")
_DEMONYM_END = re.compile(r"(?:ian|ia|an|n|e|a)$")


def _same_wording(a: str, b: str, kind: str) -> bool:
    """Two wordings of one name no reader would call a disagreement, token by token (English).

    An initial for the full given name ("Barack H. Obama"), an apostrophe ("Worker's Party"), and, in an
    organisation's or a place's name, a place's adjective for the place ("Malaysian Airlines").

    >>> _same_wording("Barack H. Obama", "Barack Hussein Obama", "PERSON"), _same_wording("Worker's Party", "Workers Party", "ORG")
    (True, True)
    >>> _same_wording("Malaysian Airlines", "Malaysia Airlines", "ORG"), _same_wording("Marian Lee", "Maria Lee", "PERSON")
    (True, False)

    A person's given name and its familiar form are one name too ("Steve Case" ~ "Stephen Case", from the
    ``nicknames`` package's hand-curated English table; only a direct pair, not two short forms of one name).

    >>> _same_wording("Steve Case", "Stephen Case", "PERSON"), _same_wording("Bill Lee", "Bob Lee", "PERSON")
    (True, False)
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if len(ta) != len(tb):
        return False
    for x, y in zip(ta, tb, strict=True):
        x, y = x.replace("'", "").replace("\u2019", ""), y.replace("'", "").replace("\u2019", "")
        if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
            continue
        if kind != "PERSON" and min(len(x), len(y)) >= 4 and _DEMONYM_END.sub("", x) == _DEMONYM_END.sub("", y):
            continue
        if kind == "PERSON" and familiar_form(x, y):
            continue
        return False
    return True


def _root(parent: dict[str, str], v: str) -> str:
    while parent[v] != v:
        v = parent[v]
    return v


def _abbreviated(a: str, b: str) -> bool:
    """One name writes the other's opening words as their initials: "BP Amoco" / "British Petroleum-Amoco".

    >>> _abbreviated("BP Amoco", "British Petroleum-Amoco"), _abbreviated("Agence France Presse", "Agence France-Press")
    (True, False)
    """
    ta, tb = (joined_initials(hyphen_split(name_tokens(n))) for n in (a, b))
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return spelt_out_head(short, long_)


def _name_conflicts(
    articles: Sequence[Article], entities: Sequence[Entity], source: dict[str, str], found: Found
) -> None:
    """Each set of mutual spellings of one entity's name, full names apart from surnames.

    Sources must differ: a spelling used only by sources that also use the usual one is a slip, not a
    point where sources differ.

    A surname set is shown only when it adds a spelling the full names do not show ("Gadhafi"/"Qaddafi"
    repeats "Moammar Gadhafi"/"Muammar Qaddafi").
    """
    for entity in entities:
        # a variant differing only in letter case ("Malaysia AIrlines") is a typo, not a spelling, and one
        # differing only in accents ("Mostefaï"/"Mostefai") is typography
        cased: dict[str, str] = {}
        for v in sorted(entity.variants, key=lambda v: (v != entity.name, v)):
            cased.setdefault(fold(v), v)
        variants = [v for v in entity.variants if cased[fold(v)] == v]
        written: dict[str, list[str]] = defaultdict(list)  # each kept variant and the forms it stands for
        for v in entity.variants:
            written[cased[fold(v)]].append(v)
        # ... and so is one with a function word glued on by the scraper ("Abdul Rahmanthe")
        variants = [v for v in variants if not any(_glued(v, w) and len(v) > len(w) for w in variants)]
        parent = {v: v for v in variants}
        for i, a in enumerate(variants):
            for b in variants[i + 1 :]:
                if (
                    len(name_tokens(a)) == len(name_tokens(b))  # "Belgian Abdelhamid Abaaoud" is not a spelling
                    and not _abbreviated(a, b)
                    and not _is_short_form(a, b)
                    and _house_style(a) != _house_style(b)
                    and not _same_wording(a, b, entity.kind)
                    and name_similarity(a, b, kind=entity.kind) is not None
                ):
                    parent[_root(parent, b)] = _root(parent, a)
        components: dict[str, list[str]] = defaultdict(list)
        for v in variants:
            components[_root(parent, v)].append(v)
        shown_surnames: set[str] = set()
        surname = (name_tokens(entity.name) or [""])[-1]
        for spelled in sorted(components.values(), key=lambda c: -max(len(name_tokens(v)) for v in c)):
            if len(spelled) < 2:
                continue
            tokens = [name_tokens(v) for v in spelled]
            if all(len(t) == 1 for t in tokens) and (
                {t[0] for t in tokens} <= shown_surnames or surname not in {t[0] for t in tokens}
            ):
                continue  # a surname already shown, or one-word names that are not this entity's surname
            values: dict[str, set[str]] = {}
            for variant in sorted(spelled):
                ids = {
                    x.id
                    for x in articles
                    if x.id in entity.article_ids and any(_occurs(form, x.text) for form in written[variant])
                }
                if ids:
                    values[variant] = ids
            if len({source[i] for ids in values.values() for i in ids}) >= 2 and len(values) >= 2:
                # the subject is the spelling most sources use
                subject = max(values, key=lambda v: (len({source[i] for i in values[v]}), v == entity.name, v))
                usual = {source[i] for i in values[subject]}
                if all(source[i] in usual for v, ids in values.items() if v != subject for i in ids):
                    continue  # every other spelling is a slip of a source that also has the usual one
                found[("name", subject)] = _Values("name", subject, values)
                shown_surnames.update(t[-1] for t in tokens if len(t) > 1)
    _drop_inner_names(found)


def _drop_inner_names(found: Found) -> None:
    """Drop a name difference that another one holds, word for word, spelling by spelling.

    "Democracy Party" / "Democratic Party" repeats "China Democracy Party" / "China Democratic Party" (the
    NER found the short name as a name of its own).
    """
    names = [entry for (kind, _), entry in found.items() if kind == "name"]
    for entry in names:
        for other in names:
            if other is entry:
                continue
            holders = [{w for w in other.values if w != v and re.search(rf"(?<!\w){re.escape(v)}(?!\w)", w)} for v in entry.values]
            if all(holders) and len(set().union(*holders)) >= len(entry.values):
                del found[("name", entry.subject)]
                break


def _claim_conflicts(articles: Sequence[Article], sentences: Sentences, source: dict[str, str], found: Found) -> None:
    items = [(a, s) for a in articles for s in sentences[a.id]]
    bags = [set(content_words(s.text)) for _, s in items]
    for i, j, _ in _similar_pairs(bags, SAME_CLAIM_JACCARD):
        (art_a, sent_a), (art_b, sent_b) = items[i], items[j]
        if source[art_a.id] == source[art_b.id] or min(len(bags[i]), len(bags[j])) < 4:
            continue
        neg_a, neg_b = len(_NEGATION.findall(sent_a.text)), len(_NEGATION.findall(sent_b.text))
        if (neg_a == 0) == (neg_b == 0):
            continue
        negated, other = (sent_a.text, sent_b.text) if neg_a else (sent_b.text, sent_a.text)
        if any(m.group().lower() not in negated.lower() for m in _NEGATIVE_MEANING.finditer(other)):
            continue  # the unnegated wording says no in other words (not "refused" / "did not refuse")
        if not _negates_shared(negated, set(words(other))):
            continue  # the negation sits in words the other sentence does not have: more detail, no denial
        subject = _short(min(sent_a.text, sent_b.text, key=len))
        text_a, text_b = " ".join(sent_a.text.split()), " ".join(sent_b.text.split())
        _collect(found, "claim", subject, text_a, art_a.id, text_b, art_b.id)


def _negates_shared(text: str, other_words: set[str]) -> bool:
    """Whether a negation in ``text`` bears on what the other sentence says.

    The word right after a negation ("is not *there*"), or a content word of the next three ("did not
    *sign* the deal"), must be a word of the other sentence: in "… swiping from left to right, not down
    to up" the negated part is detail the other sentence lacks, not a denial of it.  And of the content
    words from the negation to the sentence's end (a relative clause left out), two or more, more than
    half must be the other's ("…, but cannot vote in both" denies nothing the other says): "have denied
    that the complex, which is being built …, is intended to be used for a nuclear weapons program"
    denies what "The new complex is being built …" does not say.
    """
    for match in _NEGATION.finditer(text):
        following = words(text[match.end() :])[:3]
        if not following or following[0] in other_words or any(w in other_words for w in following if w not in STOPWORDS):
            scope = [w for w in words(_RELATIVE_CLAUSE.sub("", text[match.end() :])) if w not in STOPWORDS]
            if len(scope) >= 2 and 2 * sum(w in other_words for w in scope) > len(scope):
                return True
    return False


def find_discrepancies(
    articles: Sequence[Article],
    *,
    sentences: Mapping[str, Sequence[Sentence]],
    entities: Sequence[Entity],
    groups: Sequence[DuplicateGroup],
) -> tuple[Discrepancy, ...]:
    """Points where independent sources of a story differ, each with its values and their sources."""
    source = independent_sources(articles, groups)
    sents = story_sentences(articles, sentences)
    order = {a.id: i for i, a in enumerate(articles)}
    found: dict[tuple[str, str], _Values] = {}
    _date_conflicts(articles, sents, source, found)
    _number_conflicts(articles, sents, source, found)
    _name_conflicts(articles, entities, source, found)
    _claim_conflicts(articles, sents, source, found)
    result = []
    for entry in found.values():
        if len({source[i] for ids in entry.values.values() for i in ids}) < 2 or len(entry.values) < 2:
            continue
        values = {
            value: tuple(sorted(ids, key=lambda x: order.get(x, 0)))
            for value, ids in sorted(entry.values.items(), key=lambda item: min(order.get(x, 0) for x in item[1]))
        }
        order_of = {value: n for n, value in enumerate(values)}
        evidence = {
            value: tuple(sorted(found_in.values(), key=lambda s: (order.get(s.span.article_id, 0), s.span.start)))
            for value, found_in in sorted(entry.evidence.items(), key=lambda item: order_of.get(item[0], 0))
            if value in values
        }
        result.append(Discrepancy(entry.kind, entry.subject, values, evidence))
    return tuple(sorted(result, key=lambda d: (KIND_ORDER.get(d.kind, 9), d.subject)))

