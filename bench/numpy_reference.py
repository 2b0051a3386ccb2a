#!/usr/bin/env python3
"""The library's Monte Carlo semantics (docs/design.md) written as a numpy user would write them:
vectorised over paths or trips, one pass over the years. It is the independent computation that
bench:numpy times the library against and that the agreement fixtures in test/fixtures come from.

  python3 bench/numpy_reference.py volume  [--case FILE.json] [--paths N] [--seed S] [--reps R]
  python3 bench/numpy_reference.py transit [--case FILE.json] [--trips N] [--seed S] [--reps R]

Without --case the standard workload is used (echoed under "case"). Prints one JSON object: the
case, the median wall time in ms over R timed runs after one warm-up (simulation and statistics
together, as a user would run them), the median CPU time of the process (medianCpuMs: what a busy
machine's waiting does not inflate), and the results.

Volume results, for every year: P10, P50, P90 of volume (numpy's default "linear" quantiles), the
mean with its standard error, P(volume >= target) with its standard error, the mean unmet demand,
the mean utilisation; and the distribution of the first year that reaches the target.
Transit results: mean, P50, P90, P95 of trip days, P(days <= within) with its standard error, and
the share of trips on which some queue hit its utilisation cap.

Parameters: a number, or {"dist": "uniform" | "triangular" | "pert" | "normal" (truncated to
[min, max] when given) | "lognormal" | "empirical"}. Growth: exponential; logistic and Gompertz
anchored at the start with plateau capacityMt and one of rate or midpointYear; piecewise.
"""
import json
import math
import sys
import time

import numpy as np

STANDARD_VOLUME = {
    "start": {"year": 2020, "volumeMt": 0.86},
    "horizon": 2027,
    "growth": {"model": "exponential", "rate": 0.35},
    "volatility": 0.25,
    "capacity": {"baseMt": 12, "expansions": [{"year": 2026, "addMt": 3, "delayYears": 1}]},
    "disruptions": [
        {"name": "caspian low water", "probability": 0.15, "capacityFactor": 0.8},
        {"name": "demand slump", "probability": 0.1, "demandFactor": 0.8},
    ],
    "target": {"year": 2027, "volumeMt": 10},
}

STANDARD_TRANSIT = {
    "route": {
        "name": "nine triangular legs with a storm delay",
        "legs": [
            {"name": "l1", "mode": "rail", "days": {"dist": "triangular", "min": 3, "mode": 4, "max": 6}},
            {"name": "l2", "mode": "border", "days": {"dist": "triangular", "min": 1, "mode": 1.5, "max": 3}},
            {"name": "l3", "mode": "rail", "days": {"dist": "triangular", "min": 0.5, "mode": 1, "max": 4}},
            {"name": "l4", "mode": "port", "days": {"dist": "triangular", "min": 1, "mode": 2, "max": 8}},
            {"name": "l5", "mode": "ferry", "days": {"dist": "triangular", "min": 0.5, "mode": 1, "max": 3},
             "delay": {"probability": 0.05, "days": {"dist": "uniform", "min": 1, "max": 4}}},
            {"name": "l6", "mode": "port", "days": {"dist": "triangular", "min": 1, "mode": 1.5, "max": 3}},
            {"name": "l7", "mode": "rail", "days": {"dist": "triangular", "min": 0.5, "mode": 1, "max": 2}},
            {"name": "l8", "mode": "sea", "days": {"dist": "triangular", "min": 2, "mode": 3, "max": 5}},
            {"name": "l9", "mode": "rail", "days": {"dist": "triangular", "min": 1, "mode": 2, "max": 3}},
        ],
    },
    "within": 15,
}


def truncated_normal(rng, mean, sd, lo, hi, n):
    """Normal draws kept inside [lo, hi] by redrawing the ones outside (exact, if slow for far tails)."""
    x = rng.normal(mean, sd, n)
    bad = (x < lo) | (x > hi)
    while bad.any():
        x[bad] = rng.normal(mean, sd, int(bad.sum()))
        bad = (x < lo) | (x > hi)
    return x


def draw(rng, spec, n):
    """n draws of a parameter: a number or a distribution."""
    if isinstance(spec, (int, float)):
        return np.full(n, float(spec))
    d = spec["dist"]
    if d == "uniform":
        return rng.uniform(spec["min"], spec["max"], n)
    if d == "triangular":
        if spec["min"] == spec["max"]:
            return np.full(n, float(spec["min"]))
        return rng.triangular(spec["min"], spec["mode"], spec["max"], n)
    if d == "pert":
        lo, mo, hi = spec["min"], spec["mode"], spec["max"]
        if lo == hi:
            return np.full(n, float(lo))
        lam = spec.get("lambda", 4.0)
        return lo + (hi - lo) * rng.beta(1 + lam * (mo - lo) / (hi - lo), 1 + lam * (hi - mo) / (hi - lo), n)
    if d == "normal":
        lo, hi = spec.get("min", -math.inf), spec.get("max", math.inf)
        if spec["sd"] == 0:
            return np.full(n, float(spec["mean"]))
        return truncated_normal(rng, spec["mean"], spec["sd"], lo, hi, n)
    if d == "lognormal":
        return spec["median"] * np.exp(spec["sigma"] * rng.standard_normal(n))
    if d == "empirical":
        values = np.asarray(spec["values"], dtype=float)
        w = np.asarray(spec.get("weights", [1.0] * len(values)), dtype=float)
        return rng.choice(values, size=n, p=w / w.sum())
    raise ValueError(f"unsupported dist {d}")


def growth_log_ratio(growth, rng, n, years, v0):
    """k -> log(v_k / v0) of the median path (an array over paths, or a scalar)."""
    m = growth["model"]
    t = np.asarray(years, dtype=float)
    dt = t - t[0]
    if m == "exponential":
        lr = np.log1p(draw(rng, growth["rate"], n))
        return lambda k: lr * dt[k]
    if m in ("logistic", "gompertz"):
        # Anchored: through (t0, v0), plateau K. Given the midpoint instead of the rate, the rate
        # follows from tm = t0 + ln(K/v0 - 1)/r (logistic) or t0 + ln(ln(K/v0))/r (Gompertz).
        K = draw(rng, growth["capacityMt"], n)
        a = K / v0 - 1 if m == "logistic" else np.log(K / v0)
        if "rate" in growth:
            r = draw(rng, growth["rate"], n)
        else:
            r = np.log(a) / (draw(rng, growth["midpointYear"], n) - t[0])
        if m == "logistic":
            return lambda k: np.log(K / v0) - np.log1p(a * np.exp(-r * dt[k]))
        return lambda k: a * -np.expm1(-r * dt[k])
    if m == "piecewise":
        pts = sorted(growth["points"], key=lambda p: p["year"])
        py = np.array([p["year"] for p in pts], dtype=float)
        pv = np.log(np.array([p["volumeMt"] for p in pts], dtype=float))
        lm = np.interp(t, py, pv)
        lo, hi = t < py[0], t > py[-1]
        lm[lo] = pv[0] + (pv[1] - pv[0]) / (py[1] - py[0]) * (t[lo] - py[0])
        lm[hi] = pv[-1] + (pv[-1] - pv[-2]) / (py[-1] - py[-2]) * (t[hi] - py[-1])
        return lambda k: lm[k] - lm[0]
    raise ValueError(f"unsupported growth model {m}")


def simulate_volume(case, paths, seed):
    rng = np.random.default_rng(seed)
    y0 = case["start"]["year"]
    years = list(range(y0, case["horizon"] + 1))
    n = paths
    v0 = case["start"]["volumeMt"]
    growth = growth_log_ratio(case["growth"], rng, n, years, v0)
    sigma = draw(rng, case.get("volatility", 0), n)
    phi = case.get("persistence", 0.0)
    cap_spec = case.get("capacity")
    base = draw(rng, cap_spec["baseMt"], n) if cap_spec else None
    # An expansion arrives at year + delay (years from 1 January of its year).
    expansions = [(draw(rng, e["addMt"], n), e["year"] + draw(rng, e.get("delayYears", 0), n))
                  for e in (cap_spec or {}).get("expansions", [])]
    disruptions = [(draw(rng, d["probability"], n),
                    draw(rng, d["demandFactor"], n) if "demandFactor" in d else None,
                    draw(rng, d["capacityFactor"], n) if "capacityFactor" in d else None)
                   for d in case.get("disruptions", [])]
    tgt = case.get("target", {"year": 2027, "volumeMt": 10})
    log_v0 = math.log(v0)
    cum, eps = np.zeros(n), np.zeros(n)
    reached = np.zeros(n, dtype=bool)
    rows, first = [], []
    for k, y in enumerate(years):
        if k == 0:
            demand = np.full(n, v0)
            capacity = None if base is None else base.copy()
        else:
            z = rng.standard_normal(n)
            eps = sigma * z if k == 1 else phi * eps + math.sqrt(1 - phi * phi) * sigma * z
            cum += eps
            demand = np.exp(log_v0 + growth(k) + cum)
            capacity = None
            if base is not None:
                capacity = base.copy()
                for add, arrival in expansions:
                    # the share of year y after the expansion arrives
                    capacity += add * np.clip(y + 1 - arrival, 0.0, 1.0)
            for p, fd, fc in disruptions:
                hit = rng.random(n) < p
                if fd is not None:
                    demand = np.where(hit, demand * fd, demand)
                if fc is not None and capacity is not None:
                    capacity = np.where(hit, capacity * fc, capacity)
        volume = demand if capacity is None else np.minimum(demand, capacity)
        q = np.quantile(volume, [0.1, 0.5, 0.9])
        p_ge = float(np.count_nonzero(volume >= tgt["volumeMt"])) / n
        now = (volume >= tgt["volumeMt"]) & ~reached
        reached |= now
        first.append(float(now.sum()) / n)
        row = {"year": y, "p10": float(q[0]), "p50": float(q[1]), "p90": float(q[2]),
               "mean": float(volume.mean()), "meanSE": float(volume.std(ddof=1) / math.sqrt(n)) if n > 1 else 0.0,
               "pAtLeast": p_ge, "pAtLeastSE": math.sqrt(p_ge * (1 - p_ge) / n),
               "unmetMean": float((demand - volume).mean())}
        if capacity is not None:
            row["utilisationMean"] = float((volume / capacity).mean())
        rows.append(row)
    res = {"years": years, "rows": rows, "target": tgt,
           "firstYear": {"years": years, "probability": first, "never": 1.0 - sum(first)},
           # The summary fields bench:numpy compares, kept flat.
           "p10": [r["p10"] for r in rows], "p50": [r["p50"] for r in rows], "p90": [r["p90"] for r in rows]}
    if y0 <= tgt["year"] <= years[-1]:
        r = rows[tgt["year"] - y0]
        res["pTarget"], res["pTargetSE"] = r["pAtLeast"], r["pAtLeastSE"]
    return res


def erlang_c(c, a):
    """Probability of waiting in M/M/c with offered load a = c * rho < c (Erlang's C formula)."""
    term, s = 1.0, 1.0
    for k in range(1, c):
        term *= a / k
        s += term
    term *= a / c
    top = term * c / (c - a)
    return top / (s + top)


def simulate_transit(case, trips, seed):
    rng = np.random.default_rng(seed)
    n = trips
    total = np.zeros(n)
    hit_cap = np.zeros(n, dtype=bool)
    vol = case.get("volumeMt")
    for leg in case["route"]["legs"]:
        total += draw(rng, leg["days"], n)
        if "delay" in leg:
            strike = rng.random(n) < leg["delay"]["probability"]
            total += np.where(strike, draw(rng, leg["delay"]["days"], n), 0.0)
        if "queue" in leg and vol is not None:
            q = leg["queue"]
            c = int(q["servers"])
            ca, cs = q.get("arrivalCv", 1.0), q.get("serviceCv", 1.0)
            rho_max = q.get("maxUtilisation", 0.98)
            rho = vol / draw(rng, q["capacityMt"], n)
            hit_cap |= rho >= rho_max
            rho = np.minimum(rho, rho_max)
            # Erlang C once per distinct utilisation, as the library does.
            uniq, inv = np.unique(rho, return_inverse=True)
            pw = np.array([erlang_c(c, c * r) for r in uniq])[inv]
            wq = pw / (c * (1 - rho)) * (ca * ca + cs * cs) / 2 * q["serviceDays"]
            waits = rng.random(n) < pw
            total += np.where(waits, rng.exponential(1.0, n) * wq / np.maximum(pw, 1e-300), 0.0)
    within = case.get("within", 15)
    p = float(np.mean(total <= within))
    qs = np.quantile(total, [0.5, 0.9, 0.95])
    return {"mean": float(total.mean()), "meanSE": float(total.std(ddof=1) / math.sqrt(n)),
            "p50": float(qs[0]), "p90": float(qs[1]), "p95": float(qs[2]),
            "within": within, "pWithin": p, "pWithinSE": math.sqrt(p * (1 - p) / n),
            "saturated": float(hit_cap.mean())}


def main(argv):
    if not argv or argv[0] not in ("volume", "transit"):
        print(__doc__, file=sys.stderr)
        return 2
    kind, opts = argv[0], {"--seed": "42", "--reps": "5"}
    it = iter(argv[1:])
    for k in it:
        opts[k] = next(it)
    if "--case" in opts:
        with open(opts["--case"]) as f:
            case = json.load(f)
    else:
        case = STANDARD_VOLUME if kind == "volume" else STANDARD_TRANSIT
    seed, reps = int(opts["--seed"]), int(opts["--reps"])
    if kind == "volume":
        n = int(opts.get("--paths", 1_000_000))
        run = lambda: simulate_volume(case, n, seed)
    else:
        n = int(opts.get("--trips", 1_000_000))
        run = lambda: simulate_transit(case, n, seed)
    res = run()  # warm-up
    times, cpu = [], []
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        res = run()
        times.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.process_time() - c0) * 1e3)
    print(json.dumps({"kind": kind, "n": n, "seed": seed, "case": case,
                      "medianMs": round(float(np.median(times)), 2),
                      "medianCpuMs": round(float(np.median(cpu)), 2),
                      "timesMs": [round(t, 2) for t in times], "results": res}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
