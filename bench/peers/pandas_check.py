#!/usr/bin/env python3
"""The pandas + scikit-learn peer of `steward check` for the release-gate benchmark.

It computes, from the same CSV, the same quantities Steward's check reports, the way a competent data scientist
would write it with pandas and scikit-learn (vectorised groupby sums for the confusion counts, scikit-learn's
reference implementations for the ranking metrics):

* slices: overall, each sensitive column alone, and every intersection of two or more sensitive columns
  (``--intersections all``; ``pairs`` or ``none`` to match other settings);
* per slice: count, base rate, selection rate, accuracy, balanced accuracy, precision, recall (= TPR), TNR, FPR,
  FNR, F1, ROC AUC and average precision (sklearn.metrics, per group), log loss (score clipped to
  [1e-15, 1 - 1e-15]), Brier score, expected calibration error (10 equal-width bins) and calibration-in-the-large;
  a rate whose denominator is 0 is 0, as in scikit-learn;
* per grouping, over groups with at least ``--min-group-size`` rows: demographic parity, equalized odds, equal
  opportunity, FPR, FNR, predictive parity and accuracy parity as difference and ratio, both between groups
  (max - min, min / max) and to overall (max |g - overall|, min of g/overall folded to <= 1); calibration gap
  (both aggregations); disparate impact (the selection-rate ratio furthest from 1, against the reference group of
  ``--reference``, else the group with the highest rate, and against overall).

Intervals (``--replicates B``, default 0 = none): a nonparametric bootstrap that resamples the *rows* with
replacement B times and recomputes every metric and disparity above on each resample; percentile intervals at
``--confidence``. This is the method a pandas user writes and the only one that covers AUC, average precision and
log loss without extra theory. It costs about one full metric pass per replicate, so at 10M rows only a few
replicates are practical: the harness reports the time per replicate it measured. The peer does NOT resample from
per-group confusion counts (a multinomial shortcut, exact only for count-based metrics) and does not compute
analytical (Wilson/DeLong) intervals.

Reads CSV only: Debian ships neither pyarrow nor fastparquet, so pandas cannot read Parquet here.

With ``--baseline`` it also computes every slice metric and disparity of the baseline file (point estimates), as
the check does.

Usage: /usr/bin/python3 bench/peers/pandas_check.py --data FILE [--baseline FILE] [--replicates B] [--out FILE]
"""

import argparse
import itertools
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score

SENSITIVE = ["race", "sex", "age_band"]
EPS = 1e-15
ECE_BINS = 10

# Disparity name stem -> the slice metrics it compares (equalized odds takes the worse of its two).
DISPARITIES = {
    "demographic_parity": ["selection_rate"],
    "equalized_odds": ["true_positive_rate", "false_positive_rate"],
    "equal_opportunity": ["true_positive_rate"],
    "false_positive_rate": ["false_positive_rate"],
    "false_negative_rate": ["false_negative_rate"],
    "predictive_parity": ["precision"],
    "accuracy": ["accuracy"],
}


def read(path):
    """Reads only the columns the check needs, with the narrowest dtypes (categories for the sensitive columns)."""
    dtypes = {"y_true": "int8", "y_pred": "int8", "score": "float64", **{c: "category" for c in SENSITIVE}}
    return pd.read_csv(path, usecols=list(dtypes), dtype=dtypes)


def groupings(intersections):
    single = [(c,) for c in SENSITIVE]
    if intersections == "none":
        return single
    sizes = [2] if intersections == "pairs" else range(2, len(SENSITIVE) + 1)
    return single + [combo for size in sizes for combo in itertools.combinations(SENSITIVE, size)]


def ratio(num, den):
    """num / den with the scikit-learn zero-division rule: 0 when the denominator is 0."""
    num = np.asarray(num, dtype="float64")
    den = np.asarray(den, dtype="float64")
    return np.divide(num, den, out=np.zeros_like(num), where=den != 0)


def row_terms(frame):
    """Per-row terms whose group sums give every count-based metric, log loss, Brier score and the ECE bins."""
    yt = frame["y_true"].to_numpy()
    yp = frame["y_pred"].to_numpy()
    p = frame["score"].to_numpy()
    pc = np.clip(p, EPS, 1 - EPS)
    terms = pd.DataFrame(
        {
            "n": np.ones(len(frame), dtype="int64"),
            "tp": (yt == 1) & (yp == 1),
            "fp": (yt == 0) & (yp == 1),
            "fn": (yt == 1) & (yp == 0),
            "tn": (yt == 0) & (yp == 0),
            "log_loss": -(yt * np.log(pc) + (1 - yt) * np.log(1 - pc)),
            "brier": (p - yt) ** 2,
            "y": yt,
            "p": p,
        }
    )
    for c in SENSITIVE:
        terms[c] = frame[c]
    terms["bin"] = np.minimum((p * ECE_BINS).astype("int64"), ECE_BINS - 1)
    return terms


def metrics_from_sums(s):
    """Slice metrics from summed row terms (a DataFrame with one row per group)."""
    n, tp, fp, fn, tn = (s[k].to_numpy(dtype="float64") for k in ("n", "tp", "fp", "fn", "tn"))
    tpr, tnr = ratio(tp, tp + fn), ratio(tn, tn + fp)
    return {
        "count": n,
        "base_rate": ratio(tp + fn, n),
        "selection_rate": ratio(tp + fp, n),
        "accuracy": ratio(tp + tn, n),
        "balanced_accuracy": (tpr + tnr) / 2,
        "precision": ratio(tp, tp + fp),
        "recall": tpr,
        "true_positive_rate": tpr,
        "true_negative_rate": tnr,
        "false_positive_rate": ratio(fp, fp + tn),
        "false_negative_rate": ratio(fn, fn + tp),
        "f1": ratio(2 * tp, 2 * tp + fp + fn),
        "log_loss": ratio(s["log_loss"], n),
        "brier_score": ratio(s["brier"], n),
        "calibration_in_the_large": ratio(s["p"] - s["y"], n),
    }


def ranking(yt, p):
    """ROC AUC and average precision from scikit-learn; None when only one class is present."""
    if yt.min() == yt.max():
        return None, None
    return float(roc_auc_score(yt, p)), float(average_precision_score(yt, p))


def slices_of(terms, grouping):
    """Every slice of one grouping (() = overall) as {key: {rows, metrics}}."""
    cols = list(grouping)
    if cols:
        sums = terms.groupby(cols, observed=True)[["n", "tp", "fp", "fn", "tn", "log_loss", "brier", "y", "p"]].sum()
        bins = terms.groupby([*cols, "bin"], observed=True)[["y", "p"]].sum()
        indices = terms.groupby(cols, observed=True).indices
        labels = [k if isinstance(k, tuple) else (k,) for k in sums.index]
    else:
        sums = terms[["n", "tp", "fp", "fn", "tn", "log_loss", "brier", "y", "p"]].sum().to_frame().T
        bins = terms.groupby(["bin"])[["y", "p"]].sum()
        indices = {(): np.arange(len(terms))}
        labels = [()]
    values = metrics_from_sums(sums)
    gap = (bins["y"] - bins["p"]).abs()
    ece = gap.groupby(level=list(range(len(cols)))).sum().reindex(sums.index) if cols else pd.Series([gap.sum()])
    yt, p = terms["y"].to_numpy(), terms["p"].to_numpy()
    out = {}
    for i, label in enumerate(labels):
        key = "&".join(f"{c}={v}" for c, v in zip(cols, label)) or "overall"
        idx = indices[label if len(label) != 1 else label[0]] if cols else indices[()]
        auc, ap = ranking(yt[idx], p[idx])
        metrics = {name: float(v[i]) for name, v in values.items()}
        metrics["roc_auc"], metrics["average_precision"] = auc, ap
        metrics["expected_calibration_error"] = float(ece.iloc[i]) / metrics["count"]
        out[key] = {"grouping": cols, "rows": int(metrics["count"]), "metrics": metrics}
    return out


def disparities_of(slices, grouping, overall, min_group_size, reference):
    """Disparities of one grouping over its groups that have at least min_group_size rows."""
    groups = {k: s for k, s in slices.items() if s["grouping"] == list(grouping) and s["rows"] >= min_group_size}
    result = {}
    name = "&".join(grouping)
    for stem, of in DISPARITIES.items():
        diffs, ratios, diffs_o, ratios_o = [], [], [], []
        for metric in of:
            vals = np.array([g["metrics"][metric] for g in groups.values()])
            o = overall["metrics"][metric]
            hi, lo = vals.max(), vals.min()
            diffs.append(hi - lo)
            ratios.append(lo / hi if hi != 0 else 1.0)
            diffs_o.append(np.abs(vals - o).max())
            folded = [min(v / o, o / v) if v != 0 and o != 0 else (1.0 if v == o else 0.0) for v in vals]
            ratios_o.append(min(folded))
        result[f"{stem}_difference|{name}|between_groups"] = float(max(diffs))
        result[f"{stem}_ratio|{name}|between_groups"] = float(min(ratios))
        result[f"{stem}_difference|{name}|to_overall"] = float(max(diffs_o))
        result[f"{stem}_ratio|{name}|to_overall"] = float(min(ratios_o))
    cal = np.array([g["metrics"]["calibration_in_the_large"] for g in groups.values()])
    result[f"calibration_gap|{name}|between_groups"] = float(cal.max() - cal.min())
    result[f"calibration_gap|{name}|to_overall"] = float(np.abs(cal - overall["metrics"]["calibration_in_the_large"]).max())
    # Disparate impact: the selection-rate ratio furthest from 1 (by |log|), against the reference group (the
    # policy's, else the group with the highest selection rate) and against overall.
    rates = {k: g["metrics"]["selection_rate"] for k, g in groups.items()}
    given = reference.get(name)
    ref_key = f"{name}={given}" if given is not None and f"{name}={given}" in rates else max(rates, key=rates.get)
    def furthest(values):
        return max(values, key=lambda r: abs(np.log(r)) if r > 0 else np.inf)
    others = [float(ratio(v, rates[ref_key])) for k, v in rates.items() if k != ref_key]
    if others:
        result[f"disparate_impact|{name}|between_groups"] = furthest(others)
    result[f"disparate_impact|{name}|to_overall"] = furthest(
        [float(ratio(v, overall["metrics"]["selection_rate"])) for v in rates.values()]
    )
    return result


def compute(frame, args):
    terms = row_terms(frame)
    slices = slices_of(terms, ())
    for grouping in groupings(args.intersections):
        slices.update(slices_of(terms, grouping))
    disparities = {}
    for grouping in groupings(args.intersections):
        disparities.update(disparities_of(slices, grouping, slices["overall"], args.min_group_size, args.reference))
    return slices, disparities


def flatten(slices, disparities):
    flat = {f"{key}|{m}": v for key, s in slices.items() for m, v in s["metrics"].items()}
    flat.update(disparities)
    return flat


def bootstrap(frame, args):
    """Row-level percentile bootstrap of every metric and disparity: {name: (low, high)}."""
    rng = np.random.default_rng(args.seed)
    columns = {c: frame[c].to_numpy() for c in ["y_true", "y_pred", "score"]}
    cats = {c: frame[c].array for c in SENSITIVE}
    draws = {}
    n = len(frame)
    for _ in range(args.replicates):
        idx = rng.integers(0, n, n)
        resample = pd.DataFrame({**{c: v[idx] for c, v in columns.items()}, **{c: s.take(idx) for c, s in cats.items()}})
        for name, value in flatten(*compute(resample, args)).items():
            draws.setdefault(name, []).append(np.nan if value is None else value)
    alpha = (1 - args.confidence) / 2
    return {
        name: [float(np.nanquantile(v, alpha)), float(np.nanquantile(v, 1 - alpha))]
        for name, v in draws.items()
        if not np.all(np.isnan(v))
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--baseline", help="baseline evaluation: its metrics are computed too, as steward check does")
    parser.add_argument("--out")
    parser.add_argument("--intersections", choices=["all", "pairs", "none"], default="all")
    parser.add_argument("--min-group-size", type=int, default=30)
    parser.add_argument("--replicates", type=int, default=0)
    parser.add_argument("--confidence", type=float, default=0.95)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reference", type=json.loads, default={"race": "white"})
    args = parser.parse_args()

    started = time.perf_counter()
    frame = read(args.data)
    read_s = time.perf_counter() - started
    slices, disparities = compute(frame, args)
    metrics_s = time.perf_counter() - started - read_s
    intervals = bootstrap(frame, args) if args.replicates > 0 else {}
    bootstrap_s = time.perf_counter() - started - read_s - metrics_s
    baseline = None
    if args.baseline:
        base_slices, base_disparities = compute(read(args.baseline), args)
        baseline = {"overall": base_slices["overall"]["metrics"], "groups": base_slices, "disparities": base_disparities}
    baseline_s = time.perf_counter() - started - read_s - metrics_s - bootstrap_s

    result = {
        "peer": "pandas " + pd.__version__ + " + scikit-learn " + __import__("sklearn").__version__,
        "rows": len(frame),
        "slices": len(slices),
        "replicates": args.replicates,
        "timings_s": {"read": read_s, "metrics": metrics_s, "bootstrap": bootstrap_s, "baseline": baseline_s},
        "overall": slices["overall"]["metrics"],
        "groups": slices,
        "disparities": disparities,
        "intervals": intervals,
        "baseline": baseline,
    }
    text = json.dumps(result, indent=1, sort_keys=True)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text + "\n")


if __name__ == "__main__":
    main()
