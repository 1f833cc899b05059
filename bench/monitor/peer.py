"""numpy/scipy peer of bench/monitor.ts: the same statistics on the same float64 columns.

Usage: python3 peer.py <dir> <columns> <rows>; reads ref_<i>.f64 and cur_<i>.f64, prints JSON timings and values.
PSI: 10 bins on reference quantiles, shares clipped to >= 1e-4, natural log. JS: base 2 on the same bins.
Wasserstein: scipy.stats.wasserstein_distance divided by the reference population sd. KS: scipy.stats.ks_2samp.
"""
import json, sys, time
import numpy as np
from scipy import stats
from scipy.spatial.distance import jensenshannon

folder, columns, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
start = time.perf_counter()
out = []
for i in range(columns):
    ref = np.fromfile(f"{folder}/ref_{i}.f64", dtype=np.float64)
    cur = np.fromfile(f"{folder}/cur_{i}.f64", dtype=np.float64)
    edges = np.unique(np.quantile(ref, np.linspace(0, 1, 11)[1:-1]))
    r = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=len(edges) + 1) / len(ref)
    c = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=len(edges) + 1) / len(cur)
    rc, cc = np.clip(r, 1e-4, None), np.clip(c, 1e-4, None)
    psi = float(np.sum((cc - rc) * np.log(cc / rc)))
    js = float(jensenshannon(r, c, base=2))
    ks = stats.ks_2samp(ref, cur)
    w = float(stats.wasserstein_distance(ref, cur) / np.std(ref))
    out.append({"psi": psi, "js": js, "ks": float(ks.statistic), "ks_p": float(ks.pvalue), "wasserstein": w})
print(json.dumps({"seconds": time.perf_counter() - start, "columns": out}))
