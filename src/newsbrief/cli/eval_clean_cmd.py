"""``newsbrief eval clean extraction|lines|appended|derive-labels|train``: measure the cleaner."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import typer

from newsbrief.cli.common import SHARED_DATA, library_errors, progress, require_label_file, stdout
from newsbrief.cli.eval_app import eval_app
from newsbrief.evaluate_appended import COLLECTIONS, evaluate_appended, load_stories, totals
from newsbrief.evaluate_clean import (
    SWEEP,
    Extractor,
    evaluate_extraction,
    extraction_only,
    half,
    load_benchmark,
    newsbrief_pipeline,
    newsbrief_with_model,
    pipeline_with,
    trafilatura_alone,
    without_markup_fixes,
)
from newsbrief.evaluate_clean_lines import (
    derive_benchmark_labels,
    evaluate_lines,
    load_labelled_documents,
    sibling_batch,
    write_labels,
)
from newsbrief.settings import CleanOptions

clean_app = typer.Typer(help="Measure HTML extraction and residue cleaning.", no_args_is_help=True)
eval_app.add_typer(clean_app, name="clean")

BENCHMARK = SHARED_DATA / "article-extraction-benchmark"
#: What ``eval clean lines`` scores: the held-out sets (labelled in rounds six, eight and eleven by two
#: labellers each who never saw the cleaner's output; no rule was written after reading them), then the
#: development labels.
HELD_OUT_LABELS = [
    Path("eval/labels/wikiref_heldout_lines.tsv"),
    Path("eval/labels/wikiref_heldout2_lines.tsv"),
    Path("eval/labels/semeval_heldout_lines.tsv"),
]
#: The ninth round's development labels: the 85 tuning-half WikiRef220 pages labelled last.
DEV2_LABELS = Path("eval/labels/wikiref_dev2_lines.tsv")
#: The eleventh round's development labels: the tuning-half English SemEval-2022 texts with line breaks.
SEMEVAL_LABELS = Path("eval/labels/semeval_lines.tsv")
#: The label files the residue-line model is trained on (their tuning halves; the second and third
#: development sets are all tuning half).
TRAINING_LABELS = [Path("eval/labels/wikiref_lines.tsv"), Path("eval/labels/benchmark_lines.tsv"), DEV2_LABELS, SEMEVAL_LABELS]
LABELS = [*HELD_OUT_LABELS, TRAINING_LABELS[0], DEV2_LABELS, SEMEVAL_LABELS, TRAINING_LABELS[1]]


@clean_app.command("extraction")
def extraction(
    data: Path = typer.Option(BENCHMARK, "--data", help="The article-extraction benchmark folder."),
    sweep: bool = typer.Option(
        False, "--sweep", help="Compare trafilatura settings (+ cleaner) on the tuning half only."
    ),
) -> None:
    """Our pipeline (extract_html + Cleaner) vs trafilatura alone, on the tune and report halves.

    Also: our pipeline without the markup fixes of ingest/html_prepare.py, and extract_html without the cleaner.
    """
    with library_errors():
        pages = list(load_benchmark(data))
        systems: dict[str, Extractor] = {
            "trafilatura": trafilatura_alone,
            "newsbrief": newsbrief_pipeline,
            "newsbrief+model": newsbrief_with_model,
            "newsbrief-no-markup-fixes": without_markup_fixes,
            "extraction-only": extraction_only,
        }
        if sweep:
            pages = [page for page in pages if half(page.id) == "tune"]
            systems = {f"{name}+clean": pipeline_with(settings) for name, settings in SWEEP.items()}
        report = evaluate_extraction(
            pages, systems=systems, progress=lambda it: progress(it, description="pages", total=len(pages))
        )
    rows = [("system", "half", "pages", "F1", "precision", "recall")]
    for name, halves in report.scores.items():
        for part in ("tune", "report", "all"):
            s = halves[part]
            if s.pages and not (part == "all" and not halves["report"].pages):
                rows.append((name, part, str(s.pages), f"{s.f1:.3f}", f"{s.precision:.3f}", f"{s.recall:.3f}"))
    _print_rows(rows)


@clean_app.command("lines")
def lines(
    data: Path = typer.Option(SHARED_DATA, "--data", help="The shared data folder the label paths are relative to."),
    labels: list[Path] = typer.Option(LABELS, "--labels", help="Label files (relative_path, line_no, hash, label)."),
    show_errors: bool = typer.Option(False, "--show-errors", help="List the body lines falsely removed."),
    model: bool = typer.Option(
        False, "--model/--no-model", help="Apply the residue-line model after the rules (off by default)."
    ),
) -> None:
    """Residue recall and false removal of body lines, per label source and half."""
    rows = [
        (
            "labels",
            "half",
            "residue_recall",
            "body_falsely_removed",
            "meta_found",
            "title_found",
            "hash_mismatch",
        )
    ]
    for label_file in labels:
        require_label_file(label_file)
        with library_errors():
            documents = load_labelled_documents(label_file, data_root=data)
            scores = evaluate_lines(
                documents, options=CleanOptions(residue_model=model), batch=sibling_batch(documents, data_root=data)
            )
        for part in ("tune", "report", "all"):
            s = scores[part]
            if not (s.residue or s.body or s.title or s.meta or s.mismatched):
                continue  # a label file with one half only (the held-out set)
            rows.append(
                (
                    label_file.stem,
                    part,
                    f"{s.residue_recall:.3f} ({s.residue_removed}/{s.residue})",
                    f"{s.false_removal:.4f} ({s.body_removed}/{s.body})",
                    f"{s.meta_found}/{s.meta}",
                    f"{s.title_found}/{s.title}",
                    str(s.mismatched),
                )
            )
        if show_errors:
            for path, line_no in scores["all"].false_removals:
                stdout.print(f"falsely removed: {path}:{line_no}", markup=False)
    _print_rows(rows)


@clean_app.command("appended")
def appended(
    data: Path = typer.Option(SHARED_DATA, "--data", help="The shared data folder."),
    collections: list[str] = typer.Option(
        list(COLLECTIONS), "--collection", help="Collections to glue: " + ", ".join(COLLECTIONS) + "."
    ),
    show_misses: bool = typer.Option(False, "--show-misses", help="List glued pages not separated and false splits."),
) -> None:
    """The appended-story split on real articles glued together, and false splits of the articles alone."""
    from newsbrief.clean import Cleaner

    unknown = sorted(set(collections) - set(COLLECTIONS))
    if unknown:
        raise typer.BadParameter(f"unknown collection {unknown[0]!r}", param_hint="--collection")
    with library_errors():
        cleaner = Cleaner(options=CleanOptions())
        stories = load_stories(collections, data, cleaner=cleaner, progress=lambda it: progress(it, description="articles"))
        scores = evaluate_appended(
            stories, cleaner=cleaner, progress=lambda it: progress(it, description="glued", total=len(stories))
        )
    rows = [("collection", "pairing", "style", "half", "separated", "split", "false splits")]
    for (collection, pairing, style), halves in sorted(scores.items()):
        for part in ("tune", "report"):
            s = halves[part]
            if pairing == "alone":
                rows.append((collection, "-", "alone", part, "-", "-", f"{s.false_splits}/{s.articles}"))
            elif s.glued:
                rows.append(
                    (collection, pairing, style, part, f"{s.recall:.3f} ({s.separated}/{s.glued})", str(s.split), "-")
                )
    for bare in (False, True):
        for part, s in totals(scores, bare=bare).items():
            rows.append(
                (
                    "all",
                    "-",
                    "bare" if bare else "headed styles",
                    part,
                    f"{s.recall:.3f} ({s.separated}/{s.glued})",
                    str(s.split),
                    f"{s.false_splits}/{s.articles} ({s.false_split_rate:.2%})",
                )
            )
    _print_rows(rows)
    if show_misses:
        for (collection, pairing, style), halves in sorted(scores.items()):
            s = halves["all"]
            for source in s.false_split_sources:
                stdout.print(f"false split: {source}", markup=False)
            for source in s.missed_sources:
                stdout.print(f"not separated ({collection} {pairing} {style}): {source}", markup=False)


@clean_app.command("derive-labels")
def derive_labels(
    data: Path = typer.Option(SHARED_DATA, "--data", help="The shared data folder."),
    output: Path = typer.Option(
        Path("eval/labels/benchmark_lines.tsv"), "--output", help="Label file to write."
    ),
) -> None:
    """Derive line labels from the article-extraction benchmark's gold bodies (see docs/cleaning.md)."""
    with library_errors():
        rows = derive_benchmark_labels(data / "article-extraction-benchmark", data_root=data)
        count = write_labels(
            output,
            progress(rows, description="lines"),
            header="relative_path\tline_no\tsha1(normalise(line))[:12]\tlabel; derived from gold bodies "
            "(trafilatura favor_recall text, containment rule in evaluate_clean_lines)",
        )
    stdout.print(f"{count} labelled lines written to {output}", markup=False)


@clean_app.command("train")
def train(
    data: Path = typer.Option(SHARED_DATA, "--data", help="The shared data folder the label paths are relative to."),
    labels: list[Path] = typer.Option(
        TRAINING_LABELS, "--labels", help="Label files; only their tuning half is used."
    ),
    output: Path = typer.Option(
        Path("src/newsbrief/data/clean_residue_model.json"), "--output", help="Model JSON to write."
    ),
) -> None:
    """Retrain the residue-line model on the tuning halves (deterministic; see docs/cleaning.md)."""
    # imported here, not at the top: every command module is imported by every `newsbrief` call (bench_startup.py)
    from newsbrief.evaluate_clean_train import train as train_model
    from newsbrief.evaluate_clean_train import training_rows, write_model

    with library_errors():
        sources = []
        for label_file in labels:
            require_label_file(label_file)
            documents = load_labelled_documents(label_file, data_root=data)
            sources.append((documents, list(sibling_batch(documents, data_root=data))))
        model, report = train_model(training_rows(sources))
        write_model(model, output)
    stdout.print(
        f"{report.rows} tuning lines ({report.residue} residue; the rules keep {report.kept_residue} residue "
        f"and {report.kept_body} body lines); cut-off {report.cutoff:.2f}: out of fold the model removes "
        f"{report.oof_removed_residue} residue and {report.oof_removed_body} body lines of those; written to {output}",
        markup=False,
    )
    rows = [("cut-off", "residue removed (out of fold)", "body removed (out of fold)", "precision", "recall")]
    for cutoff, residue, body in report.table:
        precision = f"{residue / (residue + body):.2f}" if residue + body else "-"
        recall = f"{residue / report.kept_residue:.3f}" if report.kept_residue else "-"
        rows.append((f"{cutoff:.2f}", str(residue), str(body), precision, recall))
    _print_rows(rows)
    stdout.print(
        f"nested (each fold's cut-off chosen without its documents): {report.nested_removed_residue} residue and "
        f"{report.nested_removed_body} body lines removed",
        markup=False,
    )


def _print_rows(rows: Sequence[tuple[str, ...]]) -> None:
    """Plain aligned columns (readable in a terminal, a log or a CI job)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        stdout.print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip(),
            markup=False,
        )
