"""pipecalc_py.py - PY_PIPELINE_FORECAST, PY_STAGE_CONVERSION, PY_LEAD_SCORE, PY_SALES_VELOCITY
and PY_STAGE_DURATION: the Python
(pyuno) add-in a Calc user's developer would write instead of Pipecalc. Benchmark only.

A faithful peer, not a straw man: dicts for every lookup, each distinct text keyed once
(memoised), one pass over the rows, and the same rules as Pipecalc as far as is reasonable
(header rows, blank rows, names matched ignoring case, surrounding white space and Unicode
composition, the same errors). Left out: PIPELINE_FORECAST's Percentile (a P10/P50/P90
needs a Poisson-binomial quantile, far beyond what is compared here) gives Err:502.
"""
import bisect
import math
import struct
import unicodedata

import unohelper
from com.sun.star.lang import IllegalArgumentException, XServiceInfo
try:
    from org.pipecalc.bench import XPyPipelineFunctions
except ImportError:  # unopkg registers the component before it knows the extension's types
    class XPyPipelineFunctions:
        pass

IMPLEMENTATION = "org.pipecalc.bench.PyPipelineFunctions"
SERVICES = ("com.sun.star.sheet.AddIn", IMPLEMENTATION)

WON = {"won", "gewonnen", "yes", "ja", "closed won", "closedwon", "true", "wahr"}
LOST = {"lost", "verloren", "no", "nein", "closed lost", "closedlost", "false", "falsch"}


def calc_error(code):
    """A double Calc shows as error CODE (#N/A 32767, #VALUE! 519, #NUM! 503, #DIV/0! 532)."""
    return struct.unpack("<d", struct.pack("<Q", 0x7FF8000000000000 | code))[0]


NA, VALUE, NUM, DIV0 = calc_error(32767), calc_error(519), calc_error(503), calc_error(532)


class CalcError(Exception):
    def __init__(self, value):
        Exception.__init__(self)
        self.value = value


def refuse(message):
    """Err:502 in the cell."""
    raise IllegalArgumentException(message, None, 0)


class Keys:
    """Comparison keys of names (NFC, trimmed, case-folded), each distinct text once."""

    def __init__(self):
        self.cache = {}

    def __call__(self, s):
        k = self.cache.get(s)
        if k is None:
            k = unicodedata.normalize("NFC", unicodedata.normalize("NFC", s.strip()).casefold())
            self.cache[s] = k
        return k


def blank(v):
    return v == "" or (isinstance(v, str) and not v.strip())


def column(rows, name):
    """A range argument that must be one column or one row, as a list."""
    if not rows:
        return []
    if len(rows) == 1:
        return list(rows[0])
    if all(len(r) == 1 for r in rows):
        return [r[0] for r in rows]
    refuse("%s must be one column or one row" % name)


def optional_number(v, name):
    """None when omitted (void, empty, 0), else the number; text is #VALUE!."""
    if isinstance(v, tuple):
        cells = [c for r in v for c in r]
        if len(cells) != 1:
            refuse("%s must be one value" % name)
        v = cells[0]
    if v is None or blank(v) or v == 0:
        return None
    if isinstance(v, str):
        raise CalcError(VALUE)
    if not math.isfinite(v):
        raise CalcError(NUM)
    return float(v)


def number_key(v):
    return "%.15g" % v


# ---- PIPELINE_FORECAST -------------------------------------------------------------------

def stage_probabilities(table, key):
    """The stage table as a dict: stage key -> probability (None: left blank)."""
    probs = {}
    first = 1 if table and isinstance(table[0][0], str) and not blank(table[0][0]) \
        and isinstance(table[0][1], str) and not blank(table[0][1]) else 0
    for name, p in table[first:]:
        if isinstance(p, str) and not blank(p):
            raise CalcError(VALUE)
        if blank(p):
            p = None
        elif not 0.0 <= p <= 1.0:
            raise CalcError(NUM)
        if blank(name):
            continue
        k = key(name) if isinstance(name, str) else number_key(name)
        if k in probs and probs[k] != p:
            refuse("stage %s twice with different probabilities" % name)
        probs[k] = p
    return probs


def forecast(amounts, stages, probabilities, close_dates, start, end, percentile):
    key = Keys()
    a = column(amounts, "Amounts")
    s = column(stages, "Stages")
    if len(s) != len(a):
        refuse("Stages must be as long as Amounts")
    pair_row = len(amounts) == 1 and len(amounts[0]) == 2
    by_stage = bool(probabilities) and len(probabilities[0]) == 2 and \
        (len(probabilities) > 1 or not pair_row)
    if by_stage:
        table = stage_probabilities(probabilities, key)
        p = None
    else:
        p = column(probabilities, "Probabilities")
        if len(p) != len(a):
            refuse("Probabilities must be a stage table or one per deal")
    d = None
    if isinstance(close_dates, tuple):
        d = column(close_dates, "CloseDates")
        if len(d) == 1 and len(a) != 1 and (blank(d[0]) or d[0] == 0):
            d = None
        elif len(d) != len(a):
            refuse("CloseDates must be as long as Amounts")
    start = optional_number(start, "PeriodStart")
    end = optional_number(end, "PeriodEnd")
    if optional_number(percentile, "Percentile") is not None:
        refuse("Percentile is not implemented in the benchmark's Python peer")
    if (start is not None or end is not None) and d is None:
        refuse("a period needs CloseDates")
    start = math.floor(start) if start is not None else None
    end = math.floor(end) if end is not None else None

    def stage_key(v):
        return key(v) if isinstance(v, str) else number_key(v)

    first = 0
    if a and isinstance(a[0], str) and not blank(a[0]) and isinstance(s[0], str) \
            and not blank(s[0]) and (not by_stage or key(s[0]) not in table) \
            and (by_stage or (isinstance(p[0], str) and not blank(p[0]))) \
            and (d is None or (isinstance(d[0], str) and not blank(d[0]))):
        first = 1
    total = 0.0
    for i in range(first, len(a)):
        amount, stage = a[i], s[i]
        prob = None if by_stage else p[i]
        date = None if d is None else d[i]
        no_amount = blank(amount)
        if no_amount and blank(stage) and (by_stage or blank(prob)) and (date is None or blank(date)):
            continue
        if no_amount:
            amount = 0.0
        elif isinstance(amount, str):
            raise CalcError(VALUE)
        if by_stage:
            if blank(stage):
                if not no_amount:
                    raise CalcError(NA)
                prob = 0.0
            else:
                k = stage_key(stage)
                if k not in table or table[k] is None:
                    raise CalcError(NA)
                prob = table[k]
        elif blank(prob):
            if not no_amount:
                raise CalcError(NA)
            prob = 0.0
        elif isinstance(prob, str):
            raise CalcError(VALUE)
        elif not 0.0 <= prob <= 1.0:
            raise CalcError(NUM)
        if date is not None and not blank(date):
            if isinstance(date, str):
                raise CalcError(VALUE)
            day = math.floor(date)
            if (start is not None and day < start) or (end is not None and day > end):
                continue
        elif start is not None or end is not None:
            continue
        total += amount * prob
    return total


# ---- STAGE_CONVERSION ----------------------------------------------------------------------

def funnel(order, ignore, key):
    names = column(order, "StageOrder")
    position = {}
    n = 0
    last = None
    for v in names:
        if blank(v):
            continue
        if not isinstance(v, str):
            raise CalcError(VALUE)
        k = key(v)
        if k in LOST:
            refuse("%s is a lost outcome, not a stage" % v)
        if k in position:
            if k == last:
                continue
            refuse("%s appears twice in StageOrder" % v)
        position[k] = n
        n += 1
        last = k
    if n < 2:
        refuse("StageOrder needs two stages")
    ignored = set()
    if isinstance(ignore, tuple):
        cells = [c for r in ignore for c in r]
    elif ignore is None:
        cells = []
    else:
        cells = [ignore]
    if not (len(cells) == 1 and cells[0] == 0):
        for v in cells:
            if blank(v):
                continue
            if not isinstance(v, str):
                raise CalcError(VALUE)
            if key(v) in position:
                refuse("%s is both in StageOrder and in IgnoreStages" % v)
            ignored.add(key(v))
    return position, ignored, n


def stage_conversion(data, from_stage, to_stage, order, ignore):
    key = Keys()
    position, ignored, n = funnel(order, ignore, key)
    i_from = position.get(key(from_stage))
    i_to = position.get(key(to_stage))
    if i_from is None or i_to is None:
        raise CalcError(NA)
    if i_to < i_from:
        refuse("ToStage comes before FromStage")

    def stage_of(v):
        """A position, "blank", "ignored" or "unknown"."""
        if blank(v):
            return "blank"
        if not isinstance(v, str):
            raise CalcError(VALUE)
        k = key(v)
        if k in position:
            return position[k]
        return "ignored" if k in ignored else "unknown"

    furthest = []
    if data and len(data[0]) == 2 and len(data) >= 2:
        by_deal = {}
        for i, (deal, stage) in enumerate(data):
            if blank(deal) and blank(stage):
                continue
            pos = stage_of(stage)
            if pos == "unknown" and i == 0 and isinstance(deal, str) and not blank(deal):
                continue
            if pos == "unknown" or pos == "blank" or (pos != "ignored" and blank(deal)):
                raise CalcError(NA)
            if pos == "ignored":
                continue
            d = key(deal) if isinstance(deal, str) else deal
            if by_deal.get(d, -1) < pos:
                by_deal[d] = pos
        furthest = by_deal.values()
    else:
        for i, v in enumerate(column(data, "StageData")):
            pos = stage_of(v)
            if pos == "unknown" and i == 0:
                continue
            if pos == "unknown":
                raise CalcError(NA)
            if pos in ("blank", "ignored"):
                continue
            furthest.append(pos)
    reached = [0] * n
    for pos in furthest:
        reached[pos] += 1
    for s in range(n - 1, 0, -1):
        reached[s - 1] += reached[s]
    if reached[i_from] == 0:
        raise CalcError(DIV0)
    return reached[i_to] / reached[i_from]


# ---- LEAD_SCORE ----------------------------------------------------------------------------

def outcome_of(v, key):
    if isinstance(v, str):
        k = key(v)
        return "won" if k in WON else "lost" if k in LOST else None
    return "won" if v == 1 else "lost" if v == 0 else None


def percentile_inc(values, q):
    h = q * (len(values) - 1)
    i = math.floor(h)
    if h == i:
        return values[i]
    return values[i] + (h - i) * (values[i + 1] - values[i])


def quintile_cuts(values):
    """The distinct cuts at the 20/40/60/80 % percentiles of a numeric column's VALUES: its
    five bins (LEAD_SCORE's and PRODUCT_FIT's rule)."""
    xs = sorted(values)
    cuts = []
    for q in (0.2, 0.4, 0.6, 0.8):
        c = percentile_inc(xs, q)
        if not cuts or c > cuts[-1]:
            cuts.append(c)
    return cuts


def lead_score(leads, history, outcomes, smoothing):
    key = Keys()
    alpha = optional_number(smoothing, "Smoothing")
    if alpha is None:
        alpha = 1.0
    elif alpha < 0:
        raise CalcError(NUM)
    n_cols = len(history[0]) if history else 0
    if leads and len(leads[0]) == n_cols:
        rows = leads
    elif n_cols == 1 and len(leads) == 1:
        rows = [(v,) for v in leads[0]]
    else:
        refuse("Leads and History have different columns")
    out = column(outcomes, "Outcomes")
    if len(out) != len(history):
        refuse("Outcomes must be as long as History")
    labels = [outcome_of(v, key) for v in out]
    n_won = labels.count("won")
    n_lost = labels.count("lost")
    if n_won == 0 or n_lost == 0:
        raise CalcError(NA)
    training = [(r, w == "won") for r, w in zip(history, labels) if w is not None]

    deltas = []  # per column: (cuts, [delta per bin]) or (None, {value: delta})
    for j in range(n_cols):
        values = [(r[j], won) for r, won in training if not blank(r[j])]
        numeric = bool(values) and all(not isinstance(v, str) for v, _ in values)
        counts = {}
        if numeric:
            cuts = quintile_cuts(v for v, _ in values)
            for v, won in values:
                b = bisect.bisect_left(cuts, v)
                counts.setdefault(b, [0, 0])[0 if won else 1] += 1
        else:
            cuts = None
            for v, won in values:
                k = key(v) if isinstance(v, str) else float(v)
                counts.setdefault(k, [0, 0])[0 if won else 1] += 1
        col_won = sum(c[0] for c in counts.values())
        col_lost = sum(c[1] for c in counts.values())
        k = len(counts)
        den_won = math.log(col_won + alpha * k)
        den_lost = math.log(col_lost + alpha * k)
        d = {v: (math.log(c[1] + alpha) - den_lost) - (math.log(c[0] + alpha) - den_won)
             for v, c in counts.items()}
        deltas.append((cuts, d))

    prior = math.log(n_lost) - math.log(n_won)
    scores = []
    for r in rows:
        x = prior
        for j, (cuts, d) in enumerate(deltas):
            v = r[j]
            if blank(v):
                continue
            if cuts is not None:
                if not isinstance(v, str):
                    x += d.get(bisect.bisect_left(cuts, v), 0.0)
            else:
                x += d.get(key(v) if isinstance(v, str) else float(v), 0.0)
        scores.append((math.exp(-x) / (1.0 + math.exp(-x)) if x > 0 else 1.0 / (1.0 + math.exp(x)),))
    return tuple(scores)


# ---- PRODUCT_FIT ---------------------------------------------------------------------------

def product_fit(leads, history, products, product_list, smoothing):
    """LEAD_SCORE's model with one class per product (no header rule: pass the data rows)."""
    key = Keys()
    alpha = optional_number(smoothing, "Smoothing")
    if alpha is None:
        alpha = 1.0
    elif alpha < 0:
        raise CalcError(NUM)
    n_cols = len(history[0]) if history else 0
    if leads and len(leads[0]) == n_cols:
        rows = leads
    elif n_cols == 1 and len(leads) == 1:
        rows = [(v,) for v in leads[0]]
    else:
        refuse("Leads and History have different columns")
    bought = column(products, "Products")
    if len(bought) != len(history):
        refuse("Products must have one cell per row of History")
    names, index = [], {}
    listed = [] if product_list is None or not isinstance(product_list, tuple) else \
        [c for r in product_list for c in r if not blank(c)]
    for v in listed:
        if key(v) not in index:
            index[key(v)] = len(names)
            names.append(v)
    training = []
    for r, p in zip(history, bought):
        if blank(p):
            continue
        if not isinstance(p, str):
            raise CalcError(VALUE)
        k = key(p)
        if k not in index:
            if listed:
                raise CalcError(NA)
            index[k] = len(names)
            names.append(p)
        training.append((r, index[k]))
    if not training:
        raise CalcError(NA)
    n_classes = len(names)
    per_class = [0] * n_classes
    for _, c in training:
        per_class[c] += 1
    columns = []  # per column: (cuts, {value: [count per class]}, [rows per class], k)
    for j in range(n_cols):
        values = [(r[j], c) for r, c in training if not blank(r[j])]
        numeric = bool(values) and all(not isinstance(v, str) for v, _ in values)
        counts, cuts = {}, None
        if numeric:
            cuts = quintile_cuts(v for v, _ in values)
        for v, c in values:
            b = bisect.bisect_left(cuts, v) if numeric else (key(v) if isinstance(v, str) else float(v))
            counts.setdefault(b, [0] * n_classes)[c] += 1
        totals = [sum(cs[c] for cs in counts.values()) for c in range(n_classes)]
        columns.append((cuts, counts, totals, len(counts)))
    out = []
    for r in rows:
        logs = [math.log(per_class[c]) if per_class[c] else -math.inf for c in range(n_classes)]
        for j, (cuts, counts, totals, k) in enumerate(columns):
            v = r[j]
            if blank(v):
                continue
            if cuts is not None:
                if isinstance(v, str):
                    continue
                cs = counts.get(bisect.bisect_left(cuts, v))
            else:
                cs = counts.get(key(v) if isinstance(v, str) else float(v))
            if cs is None:
                continue
            for c in range(n_classes):
                if per_class[c]:
                    logs[c] += math.log(cs[c] + alpha) - math.log(totals[c] + alpha * k)
        top = max(logs)
        e = [math.exp(x - top) if x > -math.inf else 0.0 for x in logs]
        s = sum(e)
        out.append(tuple(x / s for x in e))
    return tuple(out)


# ---- SALES_VELOCITY ------------------------------------------------------------------------

def sales_velocity(amounts, outcomes, created, closed):
    key = Keys()
    cols = [column(a, n) for a, n in ((amounts, "Amounts"), (outcomes, "Outcomes"),
                                      (created, "Created"), (closed, "Closed"))]
    if len({len(c) for c in cols}) != 1:
        refuse("the ranges differ in length")
    first = 1 if cols[0] and all(isinstance(c[0], str) and not blank(c[0])
                                 for c in (cols[0], cols[2], cols[3])) else 0
    n_open = n_won = n_lost = 0
    won_amount = cycle = 0.0
    for amount, outcome, start, end in zip(*(c[first:] for c in cols)):
        if blank(amount) and blank(outcome) and blank(start) and blank(end):
            continue
        if isinstance(amount, str) and not blank(amount):
            raise CalcError(VALUE)
        if (isinstance(start, str) and not blank(start)) or (isinstance(end, str) and not blank(end)):
            raise CalcError(VALUE)
        k = key(outcome) if isinstance(outcome, str) else outcome
        if k in WON or k == 1:
            if blank(start) or blank(end):
                raise CalcError(VALUE)
            if end < start:
                raise CalcError(NUM)
            n_won += 1
            won_amount += 0.0 if blank(amount) else amount
            cycle += end - start
        elif k in LOST or (k == 0 and not isinstance(k, str)):
            n_lost += 1
        else:
            n_open += 1
    if not n_won or cycle == 0:
        raise CalcError(DIV0)
    return n_open * (n_won / (n_won + n_lost)) * (won_amount / n_won) / (cycle / n_won)


# ---- STAGE_DURATION ------------------------------------------------------------------------

def stage_duration(log, stage, percentile):
    key = Keys()
    if not stage.strip():
        raise CalcError(VALUE)
    p = optional_number(percentile, "Percentile")
    if p is not None and not 0 <= p <= 1:
        raise CalcError(NUM)
    if log and len(log[0]) != 3:
        refuse("StageLog must have three columns")
    first = 1 if log and all(isinstance(c, str) and not blank(c) for c in log[0]) else 0
    by_deal = {}
    for i in range(first, len(log)):
        deal, name, date = log[i]
        if blank(deal) and blank(name) and blank(date):
            continue
        if blank(deal) or blank(name) or blank(date):
            raise CalcError(NA)
        if not isinstance(name, str) or isinstance(date, str):
            raise CalcError(VALUE)
        d = key(deal) if isinstance(deal, str) else deal
        by_deal.setdefault(d, []).append((date, i, key(name)))
    want = key(stage)
    stays = []
    for entries in by_deal.values():
        entries.sort()
        begun, at = None, None
        for date, _, name in entries:
            if name != begun:
                if begun == want:
                    stays.append(date - at)
                begun, at = name, date
    if not stays:
        raise CalcError(DIV0)
    if p is None:
        return math.fsum(stays) / len(stays)
    stays.sort()
    rank = (len(stays) - 1) * p
    low = int(rank)
    high = min(low + 1, len(stays) - 1)
    return stays[low] + (rank - low) * (stays[high] - stays[low])


class PyPipelineFunctions(unohelper.Base, XPyPipelineFunctions, XServiceInfo):
    def __init__(self, ctx):
        self.ctx = ctx

    def pyPipelineForecast(self, amounts, stages, probabilities, closeDates, periodStart,
                           periodEnd, percentile):
        try:
            return forecast(amounts, stages, probabilities, closeDates, periodStart, periodEnd,
                            percentile)
        except CalcError as e:
            return e.value

    def pyStageConversion(self, stageData, fromStage, toStage, stageOrder, ignoreStages):
        try:
            return stage_conversion(stageData, fromStage, toStage, stageOrder, ignoreStages)
        except CalcError as e:
            return e.value

    def pyLeadScore(self, leads, history, outcomes, smoothing):
        try:
            return lead_score(leads, history, outcomes, smoothing)
        except CalcError as e:
            return ((e.value,),)

    def pyProductFit(self, leads, history, products, productList, smoothing):
        try:
            return product_fit(leads, history, products, productList, smoothing)
        except CalcError as e:
            return ((e.value,),)

    def pySalesVelocity(self, amounts, outcomes, created, closed):
        try:
            return sales_velocity(amounts, outcomes, created, closed)
        except CalcError as e:
            return e.value

    def pyStageDuration(self, stageLog, stage, percentile):
        try:
            return stage_duration(stageLog, stage, percentile)
        except CalcError as e:
            return e.value

    def getImplementationName(self):
        return IMPLEMENTATION

    def supportsService(self, name):
        return name in SERVICES

    def getSupportedServiceNames(self):
        return SERVICES


g_ImplementationHelper = unohelper.ImplementationHelper()
g_ImplementationHelper.addImplementation(PyPipelineFunctions, IMPLEMENTATION, SERVICES)
