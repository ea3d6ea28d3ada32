"""A short article written for the cleaner tests: its headline and body lines (residue goes around them)."""

from __future__ import annotations

TITLE = "Harbour bridge to close for two years"

BODY = [
    "The city council voted on Tuesday to close the old harbour bridge to cars for at least two years.",
    "Engineers found cracks in three of the bridge's steel supports during an inspection in March, the council said.",
    "Drivers will be diverted through the northern ring road, which officials expect to add about ten minutes to a trip.",
    "He declined.",
    "A temporary ferry for cyclists and pedestrians will start running next month, according to the transport office.",
]
