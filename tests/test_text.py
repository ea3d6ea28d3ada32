"""The shared text module: sentences with offsets, paragraphs, hashes, shingles."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief import text

SPLITTER = text.SentenceSplitter()

# Written for these tests (newswire style, with the constructions that trip rule-based splitters).
NEWSWIRE = (
    'PARIS -- The U.S. envoy, Mr. J. R. Holt, arrived on Monday. "We are here to listen," he said.\n'
    "France has sent the research ship Pourquoi Pas? to the scene. It carries 3.5 tonnes of gear!\n\n"
    "A second paragraph starts here. It ends here"
)


def test_sentences_slice_back_and_never_cross_paragraphs() -> None:
    spans = SPLITTER.split(NEWSWIRE)
    sentences = [NEWSWIRE[s:e] for s, e in spans]
    assert sentences == [
        "PARIS -- The U.S. envoy, Mr. J. R. Holt, arrived on Monday.",
        '"We are here to listen," he said.',
        "France has sent the research ship Pourquoi Pas? to the scene.",
        "It carries 3.5 tonnes of gear!",
        "A second paragraph starts here.",
        "It ends here",
    ]
    for sentence in SPLITTER.sentences("a1", NEWSWIRE):
        assert NEWSWIRE[sentence.span.start : sentence.span.end] == sentence.text
        assert "\n\n" not in sentence.text


def test_a_number_sign_or_a_title_abbreviation_ends_no_sentence() -> None:
    sample = ("The No. 2 team met Lt. Col. Ana Ruiz and Sen. Ivo Rask on Monday. It rained. "
              "Maj. Gen. Dana Welt agreed. The answer was no. 3 people left. He wrote to the authority's "
              "Brig. Gen. Omar Dahl near Mt. Ossa. A jury convicted Army Spc. Ray Hill.")
    assert [sample[s:e] for s, e in SPLITTER.split(sample)] == [
        "The No. 2 team met Lt. Col. Ana Ruiz and Sen. Ivo Rask on Monday.",
        "It rained.",
        "Maj. Gen. Dana Welt agreed.",
        "The answer was no.",
        "3 people left.",
        "He wrote to the authority's Brig. Gen. Omar Dahl near Mt. Ossa.",
        "A jury convicted Army Spc. Ray Hill.",
    ]


def test_a_quotation_ending_in_a_question_goes_on_with_its_attribution_alone() -> None:
    sample = ("``Can we take the games away from the city?'' Hodler asked. ``Who knows?'' Ana Ruiz said after "
              "the vote. \"Where is the money?\" Ruiz said the audit would tell. \"Stop!\" The crowd fled. "
              "\"Go home!,\" Ivo Rask said on his page.")
    assert [sample[s:e] for s, e in SPLITTER.split(sample)] == [
        "``Can we take the games away from the city?'' Hodler asked.",
        "``Who knows?'' Ana Ruiz said after the vote.",
        # a reported statement of its own after the question, a new sentence after an exclamation
        '"Where is the money?"',
        "Ruiz said the audit would tell.",
        '"Stop!"',
        "The crowd fled.",
        # a comma inside the marks: the sentence goes on, whatever follows
        '"Go home!," Ivo Rask said on his page.',
    ]


def test_paragraph_offsets_are_trimmed() -> None:
    sample = "\n  First para.\n  still first.\n\n\n Second. \n"
    assert [sample[s:e] for s, e in text.paragraphs(sample)] == ["First para.\n  still first.", "Second."]


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("He said “yes” — today.", 'he said "yes" - today.'),
        ("He  said\n``yes'' today", 'He said "yes" today'),
    ],
)
def test_content_hash_ignores_typography_case_and_spacing(left: str, right: str) -> None:
    assert text.content_hash(left) == text.content_hash(right)


def test_content_hash_sees_a_changed_word() -> None:
    assert text.content_hash("Seven people died.") != text.content_hash("Eight people died.")


def test_article_id_separates_sources_of_one_text() -> None:
    digest = text.content_hash("Same wire copy.")
    assert text.article_id("outlet-a.txt", digest) != text.article_id("outlet-b.txt", digest)


def test_shingles_are_word_ngrams_of_the_normalised_text() -> None:
    assert text.shingles("The “Quick” brown fox jumps", size=3) == {
        "the quick brown",
        "quick brown fox",
        "brown fox jumps",
    }
    assert text.shingles("", size=3) == set()
    assert text.shingles("two words", size=5) == {"two words"}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\"'AZ")), max_size=200))
def test_split_never_raises_and_spans_are_ordered_trimmed_slices(sample: str) -> None:
    spans = SPLITTER.split(sample)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(sample)
        assert sample[start:end] == sample[start:end].strip()
        previous_end = end


def test_stopwords_are_scikit_learns_english_list_plus_reporting_words() -> None:
    """text.py keeps scikit-learn's list as a constant (no sklearn import); it must stay the same set."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "mr", "mrs", "ms"} == text.STOPWORDS


def test_the_cli_and_the_cleaning_stages_load_no_nltk() -> None:
    """The Porter stemmer's package, nltk (~1.8 s to import), loads when a story is first stemmed, not before."""
    code = (
        "import sys, newsbrief.cli, newsbrief.align, newsbrief.timeline, newsbrief.summarize\n"
        "assert not [m for m in sys.modules if m == 'nltk' or m.startswith('nltk.')], 'nltk imported'\n"
        "from newsbrief.align import Stems\n"
        "assert Stems().content('The rebels were freeing hostages') == ['rebel', 'free', 'hostag']\n"
        "assert 'nltk.stem.porter' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .\n\t\r\x0b\x0c\x1c\u00a0\u2003é")), max_size=60))
def test_normalise_single_spaces_like_split_and_join(value: str) -> None:
    assert text._single_spaces(value) == " ".join(value.split())
    assert text.normalise(value) == " ".join(text.clean_chars(value).split()).lower()


def test_a_sentence_counting_time_from_the_event_before_it_needs_context() -> None:
    from newsbrief.text import needs_context

    assert needs_context("Two days later, the harbour reopened to ferries.")
    assert needs_context("Soon after, the council met again.")
    assert not needs_context("Two days after the storm, the harbour reopened to ferries.")
    assert not needs_context("Shortly after midnight, the harbour reopened.")


def test_a_persons_age_for_a_person_named_before_needs_context() -> None:
    from newsbrief.text import needs_context

    assert needs_context("The 31-year-old was named captain on Friday.")
    assert needs_context("The 27-year-old winger joined in July.")
    assert not needs_context("The 82-year-old Pinochet was arrested on Friday.")


def test_a_sentence_inside_a_quotation_or_a_lists_entry_is_bound_to_its_place() -> None:
    from newsbrief.text import SentenceSplitter, context_bound

    text = (
        "MARSEILLE: The ferry strike ended on Friday.\n\n"
        "\u201cThe port is calm. Ships left at dawn. We expect a normal weekend,\u201d the harbour master said. "
        "``Nobody lost a job. Talks go on,'' a union leader added.\n\n"
        "Two people led the talks.\n\n"
        "Lucie Marin (also written Lucy Marin): union secretary, from Toulon.\n\n"
        "Paul De Vries: the port authority's negotiator.\n\n"
        "Mayor Ana Lima: \u201cThe city thanks them.\u201d"
    )
    sentences = SentenceSplitter().sentences("a", text)
    bound = [sentences[i].text for i in sorted(context_bound(text, sentences))]
    # the quotations' later sentences (with or without a mark of their own) and the profile entries; not the
    # dateline's shape at the top, nor a colon that introduces a quotation
    assert bound == [
        "Ships left at dawn.",
        "We expect a normal weekend,\u201d the harbour master said.",
        "Talks go on,'' a union leader added.",
        "Lucie Marin (also written Lucy Marin): union secretary, from Toulon.",
        "Paul De Vries: the port authority's negotiator.",
    ]
