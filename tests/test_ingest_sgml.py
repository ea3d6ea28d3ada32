"""TREC/DUC/LDC SGML newswire: several documents per file, paragraphs, entities, the real DUC sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared_data
from newsbrief.ingest import read_inputs
from newsbrief.ingest.sgml import parse_sgml
from newsbrief.model import RawDocument, Rejected
from newsbrief.settings import IngestOptions

# Newswire written for this test, in the three paragraph conventions the collections use.
TWO_DOCS = """<DOC>
<DOCNO> ABC20250304.0001 </DOCNO>
<DOCTYPE> NEWS STORY </DOCTYPE>
<DATE_TIME> 03/04/2025 08:15:00 </DATE_TIME>
<HEADER>
w1234 &Cx1f; wstm-
</HEADER>
<BODY>
<SLUG> BC-Port-Quake </SLUG>
<HEADLINE>
Quake shakes
port city
</HEADLINE>
<TEXT>
<P>
\tPORTVILLE (AP) -- A strong earthquake shook the port city early
on Tuesday, cracking walls.
</P>
<P>
\tEngineers inspected the bridges &AMP; the harbour wall, officials
said.
</P>
</TEXT>
<TRAILER> AP-NY-03-04-25 0815EST </TRAILER>
</BODY>
</DOC>
<DOC>
<DOCNO> ABC20250305.0002 </DOCNO>
<DATE> 2025-03-05 </DATE>
<TEXT>
\t   RIVERTON _ The river burst its banks on Sunday after four days
of rain.
\t   Two villages were evacuated &QL; overnight.
</TEXT>
</DOC>
"""


def test_two_documents_with_fields_and_paragraphs() -> None:
    first, second = parse_sgml(TWO_DOCS)
    assert (first.docno, first.headline, first.date) == ("ABC20250304.0001", "Quake shakes port city", "03/04/2025 08:15:00")
    assert first.text == (
        "PORTVILLE (AP) -- A strong earthquake shook the port city early on Tuesday, cracking walls.\n\n"
        "Engineers inspected the bridges & the harbour wall, officials said."
    )
    assert (second.docno, second.date, second.headline) == ("ABC20250305.0002", "2025-03-05", None)
    assert second.text == (
        "RIVERTON _ The river burst its banks on Sunday after four days of rain.\n\nTwo villages were evacuated overnight."
    )


def test_extensionless_sgml_file_gives_one_document_per_doc(tmp_path: Path) -> None:
    path = tmp_path / "ABC20250304"
    path.write_text(TWO_DOCS)
    items = list(read_inputs([str(path)], options=IngestOptions()))
    assert [i.source for i in items] == [f"{path}#ABC20250304.0001", f"{path}#ABC20250305.0002"]
    first = items[0]
    assert isinstance(first, RawDocument) and first.format == "sgml"
    assert first.record_meta == {
        "title": "Quake shakes port city",
        "published": "03/04/2025 08:15:00",
        "docno": "ABC20250304.0001",
    }


def test_document_without_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "wire.sgml"
    path.write_text("<DOC>\n<DOCNO> X1 </DOCNO>\n<TEXT>\n</TEXT>\n</DOC>\n" + TWO_DOCS)
    items = list(read_inputs([str(path)], options=IngestOptions()))
    assert isinstance(items[0], Rejected) and items[0].source == f"{path}#X1"
    assert [type(i).__name__ for i in items[1:]] == ["RawDocument", "RawDocument"]


@pytest.mark.data
def test_duc2004_cluster_hard_wrapped_single_block() -> None:
    folder = shared_data("duc2004", "docs", "d30001t")
    items = list(read_inputs([str(folder)], options=IngestOptions()))
    assert len(items) == 10 and all(isinstance(i, RawDocument) and i.format == "sgml" for i in items)
    first = items[0]
    assert isinstance(first, RawDocument)
    assert first.source == f"{folder / 'APW19981016.0240'}#APW19981016.0240"
    assert first.text.startswith("Cambodian leader Hun Sen on Friday rejected opposition parties' demands for talks outside")
    assert "\n" not in first.text  # one hard-wrapped block, unwrapped into one paragraph
    assert "  " not in first.text
    assert first.text.endswith("threaten its negotiating partners with arrest or worse.''")


@pytest.mark.data
def test_duc2003_tdt_and_trec_paragraph_conventions() -> None:
    tdt = shared_data("duc2003", "docs.without.headlines", "d30003t", "APW19981017.0151")
    [doc] = list(read_inputs([str(tdt)], options=IngestOptions()))
    assert isinstance(doc, RawDocument)
    assert doc.record_meta["published"] == "10/17/1998 05:50:00"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("LONDON (AP) _ An influential lawmaker from the governing Labor Party")
    assert len(paragraphs) > 5 and "&" not in doc.text
    trec = shared_data("duc2003", "docs.without.headlines", "d100a", "APW19990519.0113")
    [doc] = list(read_inputs([str(trec)], options=IngestOptions()))
    assert isinstance(doc, RawDocument)
    assert doc.text.startswith("WASHINGTON (AP) -- Schizophrenia patients whose medication couldn't stop")
    assert doc.record_meta["published"] == "1999-05-19 21:11:17"


@pytest.mark.data
def test_every_duc_document_is_read() -> None:
    roots = [shared_data("duc2004", "docs"), shared_data("duc2003", "docs.without.headlines")]
    items = list(read_inputs([str(r) for r in roots], options=IngestOptions()))
    assert not [i for i in items if isinstance(i, Rejected)]
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert len(docs) == 1124
    assert all(d.text.strip() and "<" not in d.text and "&QL;" not in d.text for d in docs)
