"""Briefing assembly: headline, sources with syndicated copies, summary, sections, left-out stories."""

from __future__ import annotations

import pytest

from briefing_fixtures import bridge_articles, make_article
from newsbrief.brief import brief_articles, brief_story, choose_headline
from newsbrief.dedup import find_duplicate_groups
from newsbrief.model import Article, Story
from newsbrief.nlp import NlpModels
from newsbrief.settings import BriefOptions, DedupOptions, Settings


@pytest.fixture(scope="module")
def models() -> NlpModels:
    return NlpModels()


def test_headline_is_the_most_supported_least_loaded_source_headline():
    arts = bridge_articles()
    groups = find_duplicate_groups(arts, options=DedupOptions())
    headline = choose_headline(arts, groups=groups)
    assert headline in {"Bridge closed after flood damage", "Dunmore bridge shut as flood weakens supports"}
    assert "SHOCKING" not in headline


def test_a_question_headline_loses_to_a_plain_one_nearly_as_well_supported():
    body = "Gunmen attacked Paris on Friday night and police are looking for the attackers. "
    detail = "Prosecutors said two Belgian brothers were among the gunmen at the concert hall. "
    arts = [
        make_article("a.txt", "Paris attacks: who were the attackers?", body + detail + "One was French."),
        make_article("b.txt", "Two Belgian brothers among Paris concert hall gunmen, prosecutors say", body + detail),
        make_article("c.txt", None, body + detail + "A third had travelled through Greece."),
        make_article("d.txt", None, body + "Seven attackers died, officials said."),
    ]
    # the question is carried by all four sources, the plain headline by three of them
    assert choose_headline(arts, groups=()) == "Two Belgian brothers among Paris concert hall gunmen, prosecutors say"
    assert choose_headline(arts[::3], groups=()) == "Paris attacks: who were the attackers?"


def test_a_headline_of_two_content_words_loses_to_one_that_says_what_happened():
    body = "Gunmen attacked Paris on Friday night and police are looking for the attackers. "
    arts = [
        make_article("a.txt", "Who were the Paris attackers?", body + "Prosecutors said two Belgian brothers were among the gunmen."),
        make_article("b.txt", "Belgian brothers among Paris gunmen", body + "Two Belgian brothers were among the gunmen."),
        make_article("c.txt", None, body + "A third had travelled through Greece."),
        make_article("d.txt", None, body + "Seven attackers died, officials said."),
    ]
    # "Who were the Paris attackers?" is carried by all four sources, the other by two
    assert choose_headline(arts, groups=()) == "Belgian brothers among Paris gunmen"
    assert choose_headline(arts[:1], groups=()) == "Who were the Paris attackers?"


def test_headline_falls_back_when_no_source_has_one():
    arts = [make_article("a.txt", None, "Rain fell on the city of Galway for nine days in a row.")]
    assert choose_headline(arts, groups=(), fallback=["Rain in Galway"]) == "Rain in Galway"
    assert choose_headline(arts, groups=()) == "Rain fell on the city of Galway for nine days in a row."


def test_one_sources_title_is_its_summarys_opening_not_its_shortest_sentence():
    lead = "Palm creases may help to diagnose mental disorders, a group of Galway doctors announced."
    detail = "The patient's palm looked normal, Dr. Roe said."
    arts = [make_article("a.txt", None, f"{lead} Creases were more common among patients. {detail}")]
    # every sentence of the one source is as central to it as any other: the summary's order decides
    assert choose_headline(arts, groups=(), fallback=[lead, detail]) == lead


def test_an_untitled_story_takes_its_title_from_a_hard_news_lead(models):
    # wire copy without headlines: a lead telling the day says what happened; background every source
    # repeats ("The port handles …") and a feature's opening scene do not
    background = "The port handles a third of the country's grain exports. "
    arts = [
        make_article("a.txt", None, "Dock workers at the port of Varna walked off the job on Monday over unpaid wages. "
                     + background + "The union said talks would resume."),
        make_article("b.txt", None, "At dawn the cranes stood still and the gulls had the quay to themselves. "
                     + background + "Dock workers at the port of Varna stopped work over unpaid wages."),
        make_article("c.txt", None, "Grain ships queued outside Varna on Tuesday as a strike by dock workers over "
                     "unpaid wages entered its second day. " + background),
    ]
    (briefing,) = brief_articles(arts, settings=Settings(brief=BriefOptions(one_story=True)), models=models)
    assert briefing.headline in {arts[0].text.split(". ")[0] + ".", arts[2].text.split(". ")[0] + "."}


def test_brief_story_sections_and_sources(models):
    arts = bridge_articles()
    river, valley, north, copy = arts
    groups = find_duplicate_groups(arts, options=DedupOptions())
    story = Story("s1", tuple(a.id for a in arts))
    b = brief_story(arts, story=story, groups=groups, models=models, options=BriefOptions(words=80))
    assert b.summary and sum(len(s.text.split()) for s in b.summary) <= 80
    # the syndicated copy is listed right after its canonical copy
    order = [a.id for a in b.sources]
    group = next(g for g in groups if copy.id in g.member_ids)
    assert set(group.member_ids) == {river.id, copy.id}
    other = next(m for m in group.member_ids if m != group.canonical_id)
    assert order.index(other) == order.index(group.canonical_id) + 1
    assert b.story.duplicate_groups
    assert b.removed[copy.id] == 1
    exclusive = [x.text for x in b.exclusive]
    assert any("Kells" in t for t in exclusive)
    for x in b.exclusive:
        assert len({a for a in x.article_ids} - {river.id, copy.id}) <= 1


def test_a_syndicated_copys_exclusive_sentence_is_listed_once(models):
    river, valley, north, _copy = bridge_articles()
    text = river.text + "\n\nThe bridge was built in 1871 by the engineer Tomas Hale."
    river = make_article(river.source, river.title, text, river.published)
    copy = make_article("daily-echo.txt", river.title, text, river.published, outlet="Daily Echo")
    arts = [river, valley, north, copy]
    groups = find_duplicate_groups(arts, options=DedupOptions())
    story = Story("s1", tuple(a.id for a in arts))
    b = brief_story(arts, story=story, groups=groups, models=models, options=BriefOptions(words=80))
    texts = [x.text for x in b.exclusive]
    assert texts.count("The bridge was built in 1871 by the engineer Tomas Hale.") == 1
    item = next(x for x in b.exclusive if "1871" in x.text)
    assert set(item.article_ids) == {river.id, copy.id}


def _bridge_closure_reports(extra: str) -> list[Article]:
    """Two sources on a bridge closed by floodwater; the first ends with ``extra``."""
    return [
        make_article("a.txt", None, "Floodwater closed the Kells road bridge in Dunmore on Monday. "
                     "The council said repairs would take a month. " + extra),
        make_article("b.txt", None, "The Kells road bridge in Dunmore was closed on Monday after floodwater "
                     "damaged it. Repairs will take a month, the council said."),
    ]


def _brief_one_story(arts: list[Article], models, *, words: int, held_lede: bool = True):
    groups = find_duplicate_groups(arts, options=DedupOptions())
    return brief_story(arts, story=Story("s1", tuple(a.id for a in arts)), groups=groups, models=models,
                       options=BriefOptions(words=words, earliest_lede=held_lede))


def test_what_the_summary_already_tells_is_not_listed_again_as_only_in_one_source(models):
    # one source's sentence: little of it in the others (exclusive), but the story's names make it worth a summary place
    river = ("Engineers from Arden Consulting had warned in a 40-page report in March that cracks, rust and loose "
             "bolts made the Kells road bridge in Dunmore unsafe for lorries.")
    arts = _bridge_closure_reports(river)
    arts.append(make_article("c.txt", None, "Dunmore's Kells road bridge closed on Monday because of floodwater. "
                             "The council expects repairs to take a month."))
    # (no held lede: "Floodwater closed …", held, would carry the names that earn the sentence its place)
    roomy = _brief_one_story(arts, models, words=200, held_lede=False)
    assert river in [s.text for s in roomy.summary]  # the summary tells it, citing its one source ...
    assert river not in [x.text for x in roomy.exclusive]  # ... so the section does not repeat it
    terse = _brief_one_story(arts, models, words=12, held_lede=False)
    assert river not in [s.text for s in terse.summary] and river in [x.text for x in terse.exclusive]


def test_one_story_leaves_appended_stories_out(models):
    appended = make_article("page.txt#appended1", "Football results", "Dunmore Rovers beat Kells United 3-1 on Saturday afternoon.")
    arts = bridge_articles()
    arts[1] = make_article(arts[1].source, arts[1].title, arts[1].text, arts[1].published, appended=(appended,))
    settings = Settings(brief=BriefOptions(words=60, one_story=True))
    briefings = brief_articles(arts, settings=settings, models=models)
    assert len(briefings) == 1
    assert [a.id for a in briefings[0].left_out] == [appended.id]
    assert appended.id not in briefings[0].story.article_ids


def test_stories_are_briefed_largest_first(models):
    other = [
        make_article("x.txt", "Chess final", "Grandmaster Ana Ruiz won the national chess final in Seville on Sunday."),
    ]
    briefings = brief_articles(bridge_articles() + other, settings=Settings(), models=models)
    sizes = [len(b.story.article_ids) for b in briefings]
    assert sizes == sorted(sizes, reverse=True)
    assert sum(sizes) == 5


def test_stored_briefings_are_cached_by_story_version(models, tmp_path, monkeypatch):
    import newsbrief.brief as brief_mod
    from briefing_fixtures import BRIDGE
    from newsbrief.brief import brief_stored
    from newsbrief.collect import ingest_paths
    from newsbrief.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    for name, (title, _date, text) in BRIDGE.items():
        (folder / name).write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    store = Store.open(tmp_path / "nb.db")
    try:
        ingest_paths([str(folder)], store=store, settings=Settings())
        first = brief_stored(store, None, settings=Settings(), models=models)
        assert first and first[0]["summary"]
        calls = []
        real = brief_mod.brief_story
        monkeypatch.setattr(brief_mod, "brief_story", lambda *a, **k: calls.append(1) or real(*a, **k))
        again = brief_stored(store, [first[0]["id"]], settings=Settings(), models=models)
        assert again[0] == first[0] and calls == []  # served from the cache
        before = store.story_version(first[0]["id"])
        extra = tmp_path / "more"
        extra.mkdir()
        (extra / "late.txt").write_text(
            "Dunmore bridge repairs begin\n\nRepairs to the Old Mill Bridge in Dunmore, closed on Monday after "
            "floodwater damaged two of its supports, began on Thursday.\n", encoding="utf-8")
        ingest_paths([str(extra)], store=store, settings=Settings())
        # the incremental ingest may merge stories, and a merged story can take another id (the id of its
        # earliest member), so look the story up by its articles rather than by the old id
        members = {source["id"] for source in first[0]["sources"]}
        now = [s for s in store.stories() if members & set(s.article_ids)]
        assert len(now) == 1 and members <= set(now[0].article_ids)  # still one story
        story_id = now[0].id
        changed = story_id != first[0]["id"] or store.story_version(story_id) != before
        latest = brief_stored(store, [story_id], settings=Settings(), models=models)
        assert calls == ([1] if changed else [])  # recomputed exactly when the story changed
        assert (latest[0] != first[0]) == changed
        assert brief_stored(store, [story_id], settings=Settings(), models=models) == latest and len(calls) <= 1
    finally:
        store.close()


def test_only_in_one_source_items_read_alone(models):
    river, valley, north, _copy = bridge_articles()
    text = (river.text + '\n\n"We will reopen the old Kells ferry crossing for 40 cars a day until the bridge is '
            'safe again. Nobody should drive around the barriers," the mayor said.\n\n'
            "The bridge was built in 1871 by the engineer Tomas Hale.")
    river = make_article(river.source, river.title, text, river.published)
    arts = [river, valley, north]
    groups = find_duplicate_groups(arts, options=DedupOptions())
    b = brief_story(arts, story=Story("s1", tuple(a.id for a in arts)), groups=groups, models=models,
                    options=BriefOptions(words=80, exclusive_items=10))
    texts = [x.text for x in b.exclusive]
    assert any("1871" in t for t in texts)
    assert not any(t.startswith('"We will reopen') or t.startswith("Nobody should") for t in texts), texts


def test_a_quotation_is_not_listed_again_as_only_in_one_source(models):
    quoted = ("\"Cracks, rust and 40 loose bolts in the Kells road bridge made it unsafe for lorries,\" "
              "said engineer Mara Holm.")
    b = _brief_one_story(_bridge_closure_reports(quoted), models, words=12)
    assert quoted not in [x.text for x in b.exclusive]
    assert any("Cracks, rust" in q.text for q in b.quotes)


GERMAN = (
    "Der Bundestag hat am Dienstag das Gesetz beschlossen. Die Opposition kritisierte die Entscheidung scharf. "
    "Kanzlerin Merkel sagte, das Gesetz trete im Januar in Kraft. \u201eDas ist ein guter Tag\u201c, sagte Merkel."
)
ENGLISH = (
    "The Bundestag passed the law on Tuesday, officials said. Chancellor Angela Merkel said the law would take "
    "effect in January. \"This is a good day for Germany,\" Merkel told reporters in Berlin."
)


def test_a_story_with_english_articles_is_briefed_from_them_only(models):
    german = make_article("de.txt", "Bundestag beschließt Gesetz", GERMAN, language="de")
    english = make_article("en.txt", "Parliament passes the law", ENGLISH, language="en")
    story = Story("s1", (german.id, english.id))
    b = brief_story([german, english], story=story, groups=(), models=models, options=BriefOptions(words=80))
    assert {e.name for e in b.entities if e.kind == "PERSON"} == {"Angela Merkel"}
    assert all(german.id not in e.article_ids for e in b.entities)
    assert [(q.speaker, q.article_ids) for q in b.quotes] == [("Angela Merkel", (english.id,))]
    # the headline, summary and timeline read the English article too: no German sentence among English ones
    assert b.summary and {aid for s in b.summary for aid in s.article_ids} == {english.id}
    assert b.headline == "Parliament passes the law"
    assert all(german.id not in e.article_ids for e in b.timeline)
    # every article is still a source
    assert {s.id for s in b.sources} == {german.id, english.id}
    # a story in another language only: its summary is read from it, but no English reading of its words as names
    alone = brief_story([german], story=Story("s2", (german.id,)), groups=(), models=models, options=BriefOptions(words=80))
    assert alone.summary and {aid for s in alone.summary for aid in s.article_ids} == {german.id}
    assert not alone.entities and not alone.quotes and not alone.discrepancies
