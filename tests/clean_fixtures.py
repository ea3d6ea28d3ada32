"""Short articles written for the cleaner tests (residue goes around them), and the tests' helpers."""

from __future__ import annotations

from newsbrief.clean import Cleaner
from newsbrief.model import CleanResult, RawDocument
from newsbrief.settings import CleanOptions

TITLE = "Harbour bridge to close for two years"

BODY = [
    "The city council voted on Tuesday to close the old harbour bridge to cars for at least two years.",
    "Engineers found cracks in three of the bridge's steel supports during an inspection in March, the council said.",
    "Drivers will be diverted through the northern ring road, which officials expect to add about ten minutes to a trip.",
    "He declined.",
    "A temporary ferry for cyclists and pedestrians will start running next month, according to the transport office.",
]

# a second article (the fourth and fifth rounds' rule tests)
FERRY_TITLE = "Ferry service to the islands resumes after the winter storms"
FERRY = [
    "The ferry between the harbour and the three outer islands sailed again on Tuesday after six weeks in dock.",
    "Storm damage to the landing ramps had kept the vessel in port since the middle of January, the operator said.",
    "Islanders had relied on a small fishing boat and a weekly helicopter flight for food, post and medicine.",
    "The operator said the timetable would return to four sailings a day once the second ramp is repaired in April.",
    "A council spokesman said the cost of the repairs would be shared between the county and the national road agency.",
]


def clean_page(text: str, *, source: str = "t.txt") -> CleanResult:
    """The default cleaner on one plain-text page."""
    return Cleaner(options=CleanOptions()).clean(RawDocument(source, text))


def paragraphs(result: CleanResult) -> list[str]:
    """The main story's clean paragraphs."""
    return result.main.text.split("\n\n")


def reason_of(result: CleanResult, line: str) -> str | None:
    """The reason ``line`` was removed from the main story, or ``None`` when it was kept."""
    return next((r.reason for r in result.main.removed if r.line == line), None)
