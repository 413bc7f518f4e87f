"""gen_data.py - the benchmark's data, generated deterministically from a seed.

Same seed, same data, on every machine (Python's random.Random is a Mersenne Twister with a
documented, stable sequence for random(), randrange() and choice() on the same Python 3).
Nothing generated here is committed: the benchmark builds its sheets from these functions,
and `python3 gen_data.py DIR` writes the same data as tab-separated files for the pure C
bench (bench_core.c).

Data sets
- deals(n): Amount | Stage for n open and closed deals; 1 % of the stages are typed in
  another case (which Calc's SUMIF and VLOOKUP match too, so the native formulas give the
  same forecast).
- stage_table(): Stage | Probability, with its header.
- leads / history: Source | Industry | Employees (| Outcome won/lost for history); the
  outcome depends on the attributes so that the score has something to learn.
- stage_log(n): Deal id | Stage entered, n rows of a stage-history log in time order of
  deals interleaved, with "Lost" rows for lost deals (IgnoreStages "Lost"); 1 % of the stages in
  another case or with a trailing space or no-break space, as CRM exports do.
- dated_stage_log(n): stage_log(n) with a third column, Date entered: a clock that runs
  0-0.2 days (fractions kept) from one row to the next, so stays last days to weeks.
- purchases(n): Source | Industry | Employees | Product, one of 12 products that depends on
  the industry and the size (PRODUCT_FIT learns it), no header.
- velocity_deals(n): Amount | Status | Created | Closed; 40 % open (no close date), the rest
  won or lost after 5-180 days and some hours.
"""
import os
import sys

import random

SEED = 20260101
STAGES = ["Lead", "Qualified", "Proposal", "Negotiation", "Won"]
PROBS = [0.1, 0.3, 0.5, 0.7, 1.0]
SOURCES = ["Web", "Referral", "Trade show", "Cold call", "Partner", "Newsletter", "Webinar",
           "Inbound call"]
INDUSTRIES = ["Manufacturing", "Retail", "Healthcare", "Finance", "Education", "Logistics",
              "Energy", "Software", "Construction", "Media", "Public sector", "Agriculture"]


def _rng(name, n):
    return random.Random("%s/%s/%d" % (SEED, name, n))


def _variant(r, name, spaces=True):
    """A stage as a person types it: 99 % exact, else other case or (SPACES) a trailing
    space or no-break space."""
    x = r.random()
    if x < 0.99:
        return name
    if x < 0.995 or not spaces:
        return name.lower() if x < 0.995 else name.upper()
    return name + ("\u00a0" if x < 0.9975 else " ")


def stage_table():
    return [("Stage", "Probability")] + list(zip(STAGES, PROBS))


def deals(n):
    """n rows (amount, stage), header first."""
    r = _rng("deals", n)
    weights = [40, 25, 15, 10, 10]
    rows = [("Amount", "Stage")]
    for _ in range(n):
        amount = float(r.randrange(5, 5000) * 10)
        stage = r.choices(STAGES, weights)[0]
        rows.append((amount, _variant(r, stage, spaces=False)))
    return rows


def _lead(r):
    src = r.randrange(len(SOURCES))
    ind = r.randrange(len(INDUSTRIES))
    size = float(int(r.lognormvariate(4.0, 1.5)) + 1)
    return src, ind, size


def _won(r, src, ind, size):
    p = 0.15 + 0.05 * (src % 4) + 0.02 * (ind % 5) + (0.1 if size > 200 else 0.0)
    return r.random() < p


def history(n):
    """n rows (source, industry, employees, outcome), header first."""
    r = _rng("history", n)
    rows = [("Source", "Industry", "Employees", "Outcome")]
    for _ in range(n):
        src, ind, size = _lead(r)
        rows.append((SOURCES[src], INDUSTRIES[ind], size, "Won" if _won(r, src, ind, size) else "Lost"))
    return rows


def leads(n):
    """n rows (source, industry, employees), no header (LEAD_SCORE takes the lead rows)."""
    r = _rng("leads", n)
    rows = []
    for _ in range(n):
        src, ind, size = _lead(r)
        rows.append((SOURCES[src], INDUSTRIES[ind], size))
    return rows


def stage_log(n):
    """n rows (deal id, stage entered), header first: deals enter their stages in order,
    interleaved with other deals; lost deals get a "Lost" row after their last stage."""
    r = _rng("log", n)
    rows = [("Deal", "Stage")]
    active = []
    next_id = 1
    while len(rows) <= n:
        while len(active) < 200:
            furthest = r.choices(range(5), [35, 25, 20, 10, 10])[0]
            lost = furthest < 4 and r.random() < 0.6
            active.append(["OPP-%07d" % next_id, 0, furthest, lost])
            next_id += 1
        k = r.randrange(len(active))
        d = active[k]
        if d[1] <= d[2]:
            rows.append((d[0], _variant(r, STAGES[d[1]])))
            d[1] += 1
        elif d[3]:
            rows.append((d[0], "Lost"))
            d[3] = False
        else:
            active[k] = active[-1]
            active.pop()
    return rows[:n + 1]


def dated_stage_log(n):
    r = _rng("dated", n)
    rows = [("Deal", "Stage", "Date entered")]
    clock = 45000.0
    for deal, stage in stage_log(n)[1:]:
        clock += r.random() * 0.2
        rows.append((deal, stage, clock))
    return rows


PRODUCTS = ["Starter", "Team", "Business", "Enterprise", "Analytics", "Connect", "Mobile",
            "Secure", "Cloud", "On-premise", "Support", "Training"]


def purchases(n):
    r = _rng("purchases", n)
    rows = []
    for _ in range(n):
        src, ind, size = _lead(r)
        p = (ind * 5 + (size > 200) * 3 + r.randrange(4)) % len(PRODUCTS)
        rows.append((SOURCES[src], INDUSTRIES[ind], size, PRODUCTS[p]))
    return rows


def velocity_deals(n):
    r = _rng("velocity", n)
    rows = [("Amount", "Status", "Created", "Closed")]
    for _ in range(n):
        amount = float(r.randrange(1000, 200000, 500))
        created = 45000 + r.randrange(700) + r.randrange(24) / 24
        u = r.random()
        if u < 0.4:
            rows.append((amount, "Open", created, ""))
        else:
            closed = created + r.randrange(5, 180) + r.randrange(24) / 24
            rows.append((amount, "Won" if u < 0.65 else "Lost", created, closed))
    return rows


def write_tsv(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write("\t".join(("%.17g" % v) if isinstance(v, float) else v for v in row) + "\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    for n in (1000, 10000):
        write_tsv(os.path.join(out, "leads-%d.tsv" % n), leads(n))
    for n in (10000, 100000):
        write_tsv(os.path.join(out, "history-%d.tsv" % n), history(n))
    for n in (10000, 100000, 1000000):
        write_tsv(os.path.join(out, "deals-%d.tsv" % n), deals(n))
    write_tsv(os.path.join(out, "stages.tsv"), stage_table())
    write_tsv(os.path.join(out, "log-1000000.tsv"), stage_log(1000000))
    write_tsv(os.path.join(out, "dated-log-1000000.tsv"), dated_stage_log(1000000))
    write_tsv(os.path.join(out, "velocity-1000000.tsv"), velocity_deals(1000000))


if __name__ == "__main__":
    main()
