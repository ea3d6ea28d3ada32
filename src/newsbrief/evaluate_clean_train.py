"""Train the residue-line model (:mod:`newsbrief.clean_model`) on the tuning halves of the line labels.

Deterministic: the same labels and data give the same JSON, byte for byte (fixed seed, no
subsampling, rows in label-file order).  Steps:

1. The rules run on every labelled document (model off, batch observed as in
   :func:`newsbrief.evaluate_clean_lines.evaluate_lines`); every labelled ``body``/``residue`` line of
   the **tuning** half (the headline excluded) becomes a row of :func:`newsbrief.clean_model.features`.
   Lines the rules already remove are rows too (more residue to learn shapes from); the model is
   applied only to lines the rules keep.
2. Gradient-boosted trees (scikit-learn, depth 2) are cross-validated by document
   (``GroupKFold``, 5 folds) on the tuning half; the cut-off is the lowest probability at which the
   out-of-fold removals among the rules' kept lines are still at least ``MIN_PRECISION`` residue.
   That share is read from the same out-of-fold probabilities that chose the cut-off, so it flatters
   when the counts are small; the report also gives a nested estimate (:func:`nested_removals`: in each
   outer fold the cut-off is chosen by an inner cross-validation of the other documents only).
3. The trees are refitted on the whole tuning half and written as JSON (no pickle).

The report half is never read here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsbrief.clean_model import FEATURES
from newsbrief.evaluate_clean import half
from newsbrief.evaluate_clean_lines import LabelledDocument, line_hash, observed_cleaner
from newsbrief.model import RawDocument
from newsbrief.settings import CleanOptions

#: The out-of-fold share of residue among the model's removals that the cut-off must keep.
MIN_PRECISION = 0.8
#: Hyper-parameters (chosen by out-of-fold scores on the tuning half; see docs/cleaning.md).
TREES, DEPTH, LEARNING_RATE, SEED, FOLDS = 80, 2, 0.2, 0, 5
_CUTOFFS = np.round(np.arange(0.50, 0.991, 0.01), 2)
#: The cut-offs the training report tabulates (out-of-fold removals among the kept lines at each).
REPORT_CUTOFFS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99)


@dataclass(frozen=True)
class TrainingSet:
    """One row per labelled line: features, label (residue = 1), document, whether the model may remove it.

    ``kept``: the rules kept the line and :func:`newsbrief.clean_model.eligible` lets the model score it.
    """

    x: np.ndarray
    y: np.ndarray
    groups: np.ndarray
    kept: np.ndarray


@dataclass(frozen=True)
class TrainingReport:
    """What training found: rows, out-of-fold removals at the cut-off, the cut-off.

    ``table``: (cut-off, residue, body lines removed out of fold among the kept lines) at ``REPORT_CUTOFFS``;
    ``nested_removed_*``: the removals when each fold's cut-off is chosen without its documents.
    """

    rows: int
    residue: int
    kept_residue: int
    kept_body: int
    cutoff: float
    oof_removed_residue: int
    oof_removed_body: int
    table: tuple[tuple[float, int, int], ...] = ()
    nested_removed_residue: int = 0
    nested_removed_body: int = 0


def training_rows(
    labelled: Sequence[tuple[Sequence[LabelledDocument], Sequence[RawDocument]]], *, part: str = "tune"
) -> TrainingSet:
    """The rows of every labelled line of ``part`` (see the module docstring).

    ``labelled`` pairs each label source's documents with the batch its cleaner observes first.
    """
    xs, ys, groups, kept = [], [], [], []
    for documents, batch in labelled:
        cleaner, raws = observed_cleaner(documents, options=CleanOptions(residue_model=False), batch=batch)
        for doc, raw in zip(documents, raws, strict=True):
            if half(doc.path) != part:
                continue
            units, rows, rows_kept, matrix = cleaner.line_features(raw)
            lines = doc.text.splitlines()
            labels = {row.line_no: row for row in doc.rows if row.label in ("body", "residue")}
            for k, i in enumerate(rows):
                row = labels.get(units[i].line_no)
                if row is None or line_hash(lines[row.line_no - 1]) != row.hash:
                    continue
                xs.append(matrix[k])
                ys.append(row.label == "residue")
                groups.append(doc.path)
                kept.append(rows_kept[k])
    width = len(FEATURES)
    return TrainingSet(
        np.asarray(xs, dtype=np.float64).reshape(-1, width),
        np.asarray(ys, dtype=bool),
        np.asarray(groups),
        np.asarray(kept, dtype=bool),
    )


def _classifier():  # type: ignore[no-untyped-def]
    from sklearn.ensemble import GradientBoostingClassifier

    return GradientBoostingClassifier(
        n_estimators=TREES, max_depth=DEPTH, learning_rate=LEARNING_RATE, random_state=SEED
    )


def _subset(data: TrainingSet, rows: np.ndarray) -> TrainingSet:
    return TrainingSet(data.x[rows], data.y[rows], data.groups[rows], data.kept[rows])


def out_of_fold(data: TrainingSet) -> np.ndarray:
    """Probabilities of each row from a model that did not see its document (``GroupKFold``)."""
    from sklearn.model_selection import GroupKFold

    probabilities = np.zeros(len(data.y))
    for train, test in GroupKFold(FOLDS).split(data.x, data.y, data.groups):
        model = _classifier().fit(data.x[train], data.y[train])
        probabilities[test] = model.predict_proba(data.x[test])[:, 1]
    return probabilities


def nested_removals(data: TrainingSet) -> tuple[int, int]:
    """Residue and body lines removed among the kept lines when no fold's cut-off saw its documents.

    For each outer ``GroupKFold`` fold: out-of-fold probabilities of the other documents choose the cut-off
    (:func:`choose_cutoff`), a model fitted on them scores the fold.
    """
    from sklearn.model_selection import GroupKFold

    residue = body = 0
    for train, test in GroupKFold(FOLDS).split(data.x, data.y, data.groups):
        inner = _subset(data, train)
        cutoff = choose_cutoff(out_of_fold(inner), inner)
        probabilities = _classifier().fit(inner.x, inner.y).predict_proba(data.x[test])[:, 1]
        removed = (probabilities >= cutoff) & data.kept[test]
        residue += int((removed & data.y[test]).sum())
        body += int((removed & ~data.y[test]).sum())
    return residue, body


def choose_cutoff(probabilities: np.ndarray, data: TrainingSet) -> float:
    """The lowest cut-off whose out-of-fold removals among kept lines are ≥ ``MIN_PRECISION`` residue.

    >>> d = TrainingSet(np.zeros((4, 1)), np.array([1, 1, 0, 0], bool), np.array(list("abcd")), np.ones(4, bool))
    >>> choose_cutoff(np.array([0.95, 0.9, 0.6, 0.2]), d)
    0.61
    """
    p, y = probabilities[data.kept], data.y[data.kept]
    for cutoff in _CUTOFFS:
        removed = p >= cutoff
        if removed.any() and y[removed].mean() >= MIN_PRECISION:
            return float(cutoff)
    return 1.0


def export(model, *, cutoff: float) -> dict:  # type: ignore[no-untyped-def]
    """The fitted ``GradientBoostingClassifier`` as the JSON form :class:`ResidueModel` reads."""
    trees = []
    for (estimator,) in model.estimators_:
        tree = estimator.tree_
        trees.append(
            {
                "feature": tree.feature.tolist(),
                "threshold": [round(float(t), 9) for t in tree.threshold],
                "left": tree.children_left.tolist(),
                "right": tree.children_right.tolist(),
                "value": [round(float(v), 12) for v in tree.value[:, 0, 0]],
            }
        )
    # The raw score is base + learning_rate * sum of the trees' leaf values; base is the prior log-odds.
    prior = float(np.clip(model.init_.class_prior_[1], 1e-12, 1 - 1e-12))
    return {
        "kind": "gradient-boosted trees (scikit-learn GradientBoostingClassifier), see newsbrief.evaluate_clean_train",
        "features": list(FEATURES),
        "depth": int(max(e.tree_.max_depth for (e,) in model.estimators_)),
        "base": round(float(np.log(prior / (1 - prior))), 12),
        "scale": float(model.learning_rate),
        "cutoff": cutoff,
        "trees": trees,
    }


def train(data: TrainingSet) -> tuple[dict, TrainingReport]:
    """Cross-validate, choose the cut-off, refit on all rows; the model's JSON form and a report."""
    probabilities = out_of_fold(data)
    cutoff = choose_cutoff(probabilities, data)
    model = _classifier().fit(data.x, data.y)
    removed = (probabilities >= cutoff) & data.kept
    table = tuple(
        (
            float(c),
            int(((probabilities >= c) & data.kept & data.y).sum()),
            int(((probabilities >= c) & data.kept & ~data.y).sum()),
        )
        for c in REPORT_CUTOFFS
    )
    nested_residue, nested_body = nested_removals(data)
    report = TrainingReport(
        rows=len(data.y),
        residue=int(data.y.sum()),
        kept_residue=int((data.y & data.kept).sum()),
        kept_body=int((~data.y & data.kept).sum()),
        cutoff=cutoff,
        oof_removed_residue=int((removed & data.y).sum()),
        oof_removed_body=int((removed & ~data.y).sum()),
        table=table,
        nested_removed_residue=nested_residue,
        nested_removed_body=nested_body,
    )
    return export(model, cutoff=cutoff), report


def write_model(model: dict, path: str | Path) -> None:
    """Write the model JSON (stable key order, one tree per line)."""
    head = {k: v for k, v in model.items() if k != "trees"}
    body = ",\n".join(json.dumps(tree, separators=(",", ":")) for tree in model["trees"])
    text = json.dumps(head, indent=1)[:-2] + ',\n "trees": [\n' + body + "\n ]\n}\n"
    Path(path).write_text(text, encoding="utf-8")
