"""Builders shared by the web tests: a small corpus written for these tests, and a real store built from it.

The texts are invented for the tests (no third-party text).  Story "bridge": a wire report, a syndicated
copy with a few words changed, and an independent report giving another figure; story "vaccine": two
reports; and one hostile page whose headline and text carry script/HTML payloads.
"""

from __future__ import annotations

import json
from pathlib import Path

XSS_TITLE = 'Council vote <script>window.__xss_title=1</script><img src=x onerror="window.__xss_img=1">'
XSS_TEXT_MARK = "<script>window.__xss_text=1</script>"

WIRE = (
    "The Kestrel Harbour bridge was closed to traffic on Monday after engineers found cracks in two of "
    "its steel supports, the city transport office said.\n\n"
    "Inspectors discovered the damage during a routine check early on Monday morning. About 40,000 "
    "vehicles cross the bridge every day, and drivers were told to use the northern ring road instead.\n\n"
    "Transport director Mara Ellison said the repairs would take at least three weeks. \"We will not "
    "reopen the bridge until every support has been tested,\" Ellison said.\n\n"
    "Ferry operators added extra crossings to carry commuters across the harbour while the bridge "
    "stays shut. The bridge was opened in 1968 and was last renovated twelve years ago."
)
SYNDICATED = (
    "The Kestrel Harbour bridge was closed to traffic on Monday after engineers found cracks in two of "
    "its steel supports, the city transport office announced.\n\n"
    "Inspectors discovered the damage during a routine check early on Monday morning. About 40,000 "
    "vehicles cross the bridge every day, and motorists were told to use the northern ring road instead.\n\n"
    "Transport director Mara Ellison said the repairs would take at least three weeks. \"We will not "
    "reopen the bridge until every support has been tested,\" Ellison said.\n\n"
    "Ferry operators added extra crossings to carry commuters across the harbour while the bridge "
    "stays shut."
)
INDEPENDENT = (
    "Advertisement\n\n"
    "Engineers shut the Kestrel Harbour bridge on Monday after cracks were found in its steel supports, "
    "causing long queues on the northern ring road.\n\n"
    "About 45,000 vehicles cross the bridge every day, and drivers face long queues. Transport director Mara Ellison "
    "told reporters the repairs would take at least three weeks.\n\n"
    "Local shop owners near the bridge said they feared losing customers during the closure. The "
    "harbour ferry company said it would run extra boats every fifteen minutes during rush hour.\n\n"
    "Share this article on Facebook\n\n"
    "Copyright 2024 Evening Post. All rights reserved."
)
VACCINE_A = (
    "Health officials in the province of Norvale began a measles vaccination drive in schools on "
    "Tuesday after nine cases were confirmed in two towns.\n\n"
    "Doctor Ilse Moreau, who leads the provincial health board, said nurses would visit 120 schools "
    "over the next month. Parents were asked to check their children's vaccination records.\n\n"
    "The outbreak began in the town of Grenby, where seven of the cases were found."
)
VACCINE_B = (
    "A measles vaccination campaign started in Norvale schools on Tuesday, the provincial health board "
    "said, after nine confirmed cases in Grenby and a neighbouring town.\n\n"
    "Board chief Ilse Moreau said nurses planned to visit 120 schools within a month and urged parents "
    "to check vaccination records. Seven of the cases were in Grenby, officials said."
)
XSS_BODY = (
    f"The town council met on Wednesday to vote on the new parking rules. {XSS_TEXT_MARK} Members "
    "argued for two hours before the vote.\n\n"
    "<b>Bold claim</b> and <iframe src=\"javascript:alert(1)\"></iframe> were in the scraped page. "
    "The rules passed by seven votes to four, the council clerk said."
)

RECORDS: tuple[dict[str, str], ...] = (
    {"title": "Kestrel Harbour bridge closed after cracks found", "outlet": "Coastal Wire",
     "published": "2024-03-04", "url": "https://wire.example/bridge", "text": WIRE},
    {"title": "Cracks close Kestrel Harbour bridge", "outlet": "Daily Ledger",
     "published": "2024-03-04", "url": "https://ledger.example/bridge", "text": SYNDICATED},
    {"title": "Harbour bridge shut, queues on ring road", "outlet": "Evening Post",
     "published": "2024-03-05", "url": "https://post.example/bridge", "text": INDEPENDENT},
    {"title": "Measles vaccination drive starts in Norvale schools", "outlet": "Coastal Wire",
     "published": "2024-05-14", "url": "https://wire.example/measles", "text": VACCINE_A},
    {"title": "Norvale schools begin measles campaign", "outlet": "Valley Times",
     "published": "2024-05-14", "url": "https://valley.example/measles", "text": VACCINE_B},
    {"title": XSS_TITLE, "outlet": "Hostile <b>Outlet</b>", "published": "2024-06-01",
     "url": "https://hostile.example/vote", "text": XSS_BODY},
)

UPLOAD_TEXT = (
    "Lighthouse keeper rescues stranded kayakers\n\n"
    "A lighthouse keeper on Orrin Point rescued three kayakers on Saturday after their boats overturned "
    "in strong winds. The keeper, Tomas Hale, saw the kayakers from the lamp room and rowed out to them.\n\n"
    "All three were taken to the harbour clinic and released the same evening, the coastguard said."
)


def write_corpus(folder: Path) -> Path:
    """Write the corpus as one JSONL file in ``folder``; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return path


def build_store(folder: Path) -> Path:
    """A real store (ingest → dedup → stories) built from the corpus; returns the database path."""
    from newsbrief.collect import ingest_paths
    from newsbrief.settings import Settings
    from newsbrief.store import Store

    corpus = write_corpus(folder / "corpus")
    db = folder / "web.db"
    with Store.open(str(db)) as store:
        counts = ingest_paths([str(corpus)], store=store, settings=Settings())
    assert counts.read == len(RECORDS), counts
    return db
