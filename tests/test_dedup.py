"""Near-duplicate detection: signatures, index, verification, groups (own texts and real BBC/SemEval text)."""

from __future__ import annotations

import csv
import random

import numpy as np
import pytest

from conftest import shared_data
from newsbrief import dedup
from newsbrief.dedup import (
    DuplicateIndex,
    Fingerprint,
    MinHasher,
    find_duplicate_groups,
    similarity,
    verify,
)
from newsbrief.model import Article
from newsbrief.settings import DedupOptions

OPTIONS = DedupOptions()

# Texts written for these tests.
WIRE = (
    "Firefighters battled a large blaze at a timber yard on the edge of Leeds on Tuesday night, sending a column "
    "of black smoke over the ring road and forcing the closure of two railway lines.\n\n"
    "West Yorkshire Fire and Rescue Service said 15 engines and an aerial platform were sent to the site shortly "
    "after 9pm. Nobody was reported injured, but residents of nearby streets were told to keep windows and doors "
    "closed while crews worked through the night.\n\n"
    "A spokesman for the yard's owners said the company was co-operating fully with the fire service and that an "
    "investigation into the cause would begin once the site was safe. Network Rail said services between Leeds "
    "and Bradford were expected to resume by Wednesday afternoon.\n\n"
    "Local councillor Anne Marsh said the fire had been frightening for families living close to the yard, and "
    "called for a review of how timber is stored on industrial sites next to housing."
)
OTHER_AGENCY = (
    "A timber yard near Leeds was destroyed by fire late on Tuesday. Smoke could be seen for miles, and rail "
    "lines to Bradford were shut as a precaution.\n\n"
    "Around 15 fire engines attended, the fire service confirmed, adding that no injuries had been reported. "
    "People living nearby were advised to stay indoors overnight.\n\n"
    "The owners of the yard promised to help investigators. Councillor Anne Marsh said storage rules for timber "
    "near homes should be looked at again, and trains are due to run again on Wednesday."
)
UNRELATED = (
    "The city council has approved plans for a new cycle lane along the main road into the town centre, after a "
    "consultation in which most respondents backed the scheme. Work is due to start in the spring and last about "
    "six months, with temporary traffic lights in place during the busiest phases."
)


def art(article_id: str, text: str) -> Article:
    return Article(id=article_id, content_hash=article_id, source=f"{article_id}.txt", title=None, text=text)


def groups_by_member(articles: list[Article]) -> dict[str, tuple[str, ...]]:
    groups = find_duplicate_groups(articles, options=OPTIONS)
    return {member: g.member_ids for g in groups for member in g.member_ids}


def test_identical_copies_form_one_group_with_similarity_one() -> None:
    groups = find_duplicate_groups([art("b", WIRE), art("a", WIRE), art("c", UNRELATED)], options=OPTIONS)
    assert [g.members for g in groups] == [(("a", 1.0), ("b", 1.0)), (("c", 1.0),)]


def test_canonical_is_longest_text_and_members_start_with_it() -> None:
    longer = WIRE + "\n\nThe cause of the fire is not yet known."
    (group,) = find_duplicate_groups([art("a", WIRE), art("z", longer)], options=OPTIONS)
    assert group.canonical_id == "z"
    assert group.members[0] == ("z", 1.0)
    assert group.members[1] == ("a", 1.0)  # fully contained in the canonical copy


def test_member_similarity_is_measured_against_the_canonical_copy() -> None:
    edited = WIRE.replace("battled", "fought").replace("black smoke", "thick smoke") + " The cause is unknown."
    (group,) = find_duplicate_groups([art("a", WIRE), art("z", edited)], options=OPTIONS)
    assert group.canonical_id == "z"
    assert 0.8 < dict(group.members)["a"] < 1.0


@pytest.mark.parametrize(
    "variant",
    [
        WIRE.replace("battled", "fought").replace("large", "huge").replace("Tuesday night", "Tuesday evening"),
        "Blaze closes Leeds rail lines\n\n" + WIRE,  # another headline kept in the body
        "Advertisement\n\n" + WIRE.replace("\n\nA spokesman", "\n\nShare this article\n\nA spokesman") + "\n\nRelated stories",
        WIRE + "\n\nIn other news, the council approved a new cycle lane on the main road into the town centre.",
    ],
    ids=["changed-words", "other-headline", "residue", "extended-ending"],
)
def test_syndicated_variants_are_duplicates(variant: str) -> None:
    assert sorted(groups_by_member([art("orig", WIRE), art("copy", variant)])["orig"]) == ["copy", "orig"]


def test_short_copy_contained_in_longer_one_is_duplicate_despite_low_jaccard() -> None:
    trimmed = WIRE.split("\n\n")[0]
    hasher = MinHasher(options=OPTIONS)
    jaccard, containment = similarity(hasher.fingerprint(WIRE), hasher.fingerprint(trimmed))
    assert jaccard < OPTIONS.jaccard_threshold and containment == 1.0
    assert groups_by_member([art("full", WIRE), art("short", trimmed)])["short"] == ("full", "short")


def test_same_story_by_another_agency_is_not_a_duplicate() -> None:
    found = groups_by_member([art("wire", WIRE), art("agency", OTHER_AGENCY), art("other", UNRELATED)])
    assert found == {"wire": ("wire",), "agency": ("agency",), "other": ("other",)}


def test_tiny_text_contained_in_an_article_is_not_a_copy() -> None:
    hasher = MinHasher(options=OPTIONS)
    one_line = "Nobody was reported injured"
    assert verify(hasher.fingerprint(WIRE), hasher.fingerprint(one_line), options=OPTIONS) is None


def test_groups_do_not_depend_on_input_order_and_cover_every_article_once() -> None:
    articles = [art("a", WIRE), art("b", WIRE.replace("Leeds", "Leeds city")), art("c", OTHER_AGENCY),
                art("d", UNRELATED), art("e", WIRE.split("\n\n")[0] + "\n\n" + WIRE.split("\n\n")[1]), art("f", "")]
    expected = find_duplicate_groups(articles, options=OPTIONS)
    for seed in range(5):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        assert find_duplicate_groups(shuffled, options=OPTIONS) == expected
    members = [m for g in expected for m in g.member_ids]
    assert sorted(members) == sorted(a.id for a in articles)


def test_signatures_are_seeded_and_persistable() -> None:
    one = MinHasher(options=OPTIONS).fingerprint(WIRE)
    again = MinHasher(options=OPTIONS).fingerprint(WIRE)
    other_seed = MinHasher(options=DedupOptions(seed=2)).fingerprint(WIRE)
    assert one.signature.tolist() == again.signature.tolist()
    assert one.signature.tolist() != other_seed.signature.tolist()
    restored = Fingerprint.from_bytes(one.to_bytes())
    assert restored.signature.tolist() == one.signature.tolist() and restored.head.tolist() == one.head.tolist()
    assert len(one.signature) == 128


def test_fewer_than_128_permutations_is_refused() -> None:
    with pytest.raises(ValueError, match="num_perm"):
        MinHasher(options=DedupOptions(num_perm=64))


def test_index_works_incrementally_from_persisted_signatures() -> None:
    hasher = MinHasher(options=OPTIONS)
    index = DuplicateIndex(options=OPTIONS)
    index.add_many(["wire", "other"], [Fingerprint.from_bytes(hasher.fingerprint(t).to_bytes()) for t in (WIRE, UNRELATED)])
    assert "wire" in index and len(index) == 2
    assert index.query(hasher.fingerprint(WIRE.replace("battled", "fought"))) == ["wire"]
    assert index.query(hasher.fingerprint(WIRE.split("\n\n")[0])) == ["wire"]  # via the head signature


def test_process_pool_gives_the_same_fingerprints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dedup, "PARALLEL_MIN", 4)
    monkeypatch.setattr(dedup, "CHUNK", 3)
    texts = [WIRE, OTHER_AGENCY, UNRELATED, WIRE[:300], "", "a b c"] * 2
    hasher = MinHasher(options=OPTIONS)
    serial = hasher.fingerprints(texts, workers=1)
    pooled = hasher.fingerprints(texts, workers=2)
    assert [f.signature.tolist() for f in serial] == [f.signature.tolist() for f in pooled]
    assert [f.shingles.tolist() for f in serial] == [f.shingles.tolist() for f in pooled]  # type: ignore[union-attr]


def _variants() -> list[str]:
    """Copies of the test texts cut, trimmed and extended: pairs on both sides of every threshold."""
    rng = random.Random(7)
    texts = [WIRE, OTHER_AGENCY, UNRELATED, WIRE[:300], "", "a b c"]
    words = WIRE.split()
    for _ in range(40):
        start, length = rng.randrange(0, 60), rng.randrange(5, len(words))
        extra = rng.choice([UNRELATED, OTHER_AGENCY, ""]).split()[: rng.randrange(0, 80)]
        texts.append(" ".join(words[start : start + length] + extra))
    return texts


def test_grouped_verification_decides_and_scores_every_pair_as_verify() -> None:
    fps = MinHasher(options=OPTIONS).fingerprints(_variants(), workers=1)
    pairs = [(i, j) for i in range(len(fps)) for j in range(i + 1, len(fps)) if fps[i].size and fps[j].size]
    low, high = (np.array(column, dtype=np.int64) for column in zip(*pairs, strict=True))
    expected = []
    for i, j in pairs:  # the rule, from the pair's exact similarity
        jaccard, containment = similarity(fps[i], fps[j])
        if min(fps[i].size, fps[j].size) < dedup.MIN_CONTAINMENT_SHINGLES:
            containment = 0.0
        if jaccard >= OPTIONS.jaccard_threshold or containment >= OPTIONS.containment_threshold:
            expected.append((i, j, round(max(jaccard, containment), 4)))
    found = dedup.verify_candidates(fps, low, high, options=OPTIONS)
    assert sorted(found) == expected
    assert [s for i, j, s in found] == [verify(fps[i], fps[j], options=OPTIONS) for i, j, _ in found]
    assert 0 < len(found) < len(pairs)  # both outcomes occur


def test_verification_in_a_process_pool_gives_the_same_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    fps = MinHasher(options=OPTIONS).fingerprints(_variants(), workers=1)
    serial = dedup.verified_positions(DuplicateIndex(options=OPTIONS), fps, options=OPTIONS, workers=1)
    monkeypatch.setattr(dedup, "PARALLEL_PAIRS", 2)
    pooled = dedup.verified_positions(DuplicateIndex(options=OPTIONS), fps, options=OPTIONS, workers=2)
    assert len(serial) > 10 and sorted(pooled) == sorted(serial)


def _bbc(*names: str) -> list[Article]:
    root = shared_data("bbc-news-2225", "bbc")
    result = []
    for name in names:
        title, _, body = (root / name).read_bytes().decode("utf-8", errors="replace").partition("\n")
        result.append(Article(id=name, content_hash=name, source=name, title=title, text=body.strip()))
    return result


@pytest.mark.data
@pytest.mark.parametrize(
    ("a", "b", "duplicate"),
    [
        ("tech/285.txt", "tech/304.txt", True),  # exact copy
        ("politics/043.txt", "politics/313.txt", True),  # extended ending (Jaccard 0.62, containment 1.0)
        ("business/254.txt", "business/447.txt", True),  # paragraphs split, a sentence cut
        ("politics/088.txt", "politics/337.txt", True),  # last paragraph rewritten (Jaccard 0.56)
        ("politics/327.txt", "politics/328.txt", False),  # follow-up with a new lead (Jaccard 0.47)
        ("tech/018.txt", "tech/190.txt", False),  # same story before / after the event
        ("politics/175.txt", "politics/349.txt", False),  # same headline, rewritten text
    ],
)
def test_real_bbc_pairs(a: str, b: str, duplicate: bool) -> None:
    assert (len(find_duplicate_groups(_bbc(a, b), options=OPTIONS)) == 1) is duplicate


@pytest.mark.data
def test_semeval_same_story_pairs_are_not_duplicates() -> None:
    folder = shared_data("semeval2022-task8-subset", "data")
    csv.field_size_limit(1 << 28)
    hasher = MinHasher(options=OPTIONS)
    flagged, same_story = [], 0
    with (folder / "training_set.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["lang1"] == row["lang2"] == "en" and float(row["Overall"]) <= 2.0:
                same_story += 1
                if verify(hasher.fingerprint(row["text1"]), hasher.fingerprint(row["text2"]), options=OPTIONS):
                    flagged.append(row["pair_id"])
    assert same_story > 50
    assert flagged == []


def test_signatures_equal_datasketch_update_batch() -> None:
    import numpy as np

    hasher = MinHasher(options=OPTIONS)
    for text in (WIRE, OTHER_AGENCY, "three short words", ""):
        ordered = hasher.shingle_hashes(text, ordered=True)
        fingerprint = hasher.fingerprint(text)
        assert fingerprint.signature.tolist() == hasher._minhash(np.unique(ordered)).tolist()
        assert fingerprint.head.tolist() == hasher._minhash(ordered[: dedup.HEAD_SHINGLES]).tolist()
        assert fingerprint.signature.dtype == np.uint32


BATCH_TEXTS = [
    WIRE,
    OTHER_AGENCY,
    "Café owners in Zürich said the £5 levy – “unfair” – would hit 40 % of shops.",  # Latin-1 letters
    "Ο Πρωθυπουργός ΟΔΟΣ met officials in Athens on Monday to discuss the budget",  # Greek: per-text path
    "zero\u200bwidth joins two words, and the non\u00a0breaking space does not, says ﬁnance",
    "x" * 150 + " a very long token counts its characters modulo the weights table size",
    "three short words",
    "",
    "   ...  !!  ",
    "ﬁve words are exactly here",
]


def test_vectorised_fingerprints_equal_the_per_text_ones() -> None:
    hasher = MinHasher(options=OPTIONS)
    batch = hasher.fingerprints(BATCH_TEXTS * 2, workers=1)
    for text, fp in zip(BATCH_TEXTS * 2, batch, strict=True):
        ref = hasher.fingerprint(text)
        assert fp.signature.tolist() == ref.signature.tolist()
        assert fp.head.tolist() == ref.head.tolist()
        assert fp.shingles.tolist() == ref.shingles.tolist()  # type: ignore[union-attr]


def test_latin1_token_buffers_tokenise_as_clean_chars_for_every_bmp_character() -> None:
    from newsbrief import text as textmod
    from newsbrief.dedup_batch import latin1_tables, latin1_tokens

    tables = latin1_tables(textmod.words)
    for code in range(0x80, 0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        sample = f"ab{chr(code)}cd {chr(code)}É x"
        expected = textmod.words(textmod.clean_chars(sample))
        buffer = latin1_tokens(sample)
        if buffer is None:
            continue  # left to the per-text path
        decoded = buffer.decode("latin-1")
        tokens, current = [], ""
        for char in decoded:
            if tables.word[ord(char)]:
                current += chr(int(tables.lower[ord(char)]))
            elif current:
                tokens.append(current)
                current = ""
        tokens += [current] if current else []
        assert tokens == expected, hex(code)


@pytest.mark.parametrize("num_perm", [128, 256])
@pytest.mark.parametrize("threshold", [0.1, 0.3, 0.45, 0.5, 0.7, 0.9])
def test_lsh_bands_are_datasketchs_optimum(threshold: float, num_perm: int) -> None:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    assert dedup.lsh_bands(threshold, num_perm) == (lsh.b, lsh.r)
