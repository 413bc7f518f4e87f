"""calc.py - small helpers for tests that type formulas into real Calc cells."""
import math

ERRORS = {"Err:502": 502, "Err:504": 504, "#NUM!": 503, "#VALUE!": 519, "#DIV/0!": 532,
          "#N/A": 32767, "#NAME?": 525}


class Sheet:
    """A new Calc document whose first sheet holds ROWS (lists; None = empty cell) from A1."""

    def __init__(self, office, rows=(), hidden=True):
        self.office = office
        self.doc = office.new_calc(hidden)
        self.sheet = self.doc.Sheets.getByIndex(0)
        self.fill(rows)

    def fill(self, rows, col=0, row=0):
        for r, values in enumerate(rows):
            for c, v in enumerate(values):
                self.set(col + c, row + r, v)

    def set(self, col, row, v):
        cell = self.sheet.getCellByPosition(col, row)
        if v is None:
            cell.setString("")
        elif isinstance(v, str):
            if v.startswith("="):
                cell.setFormula(v)
            else:
                cell.setString(v)
        else:
            cell.setValue(float(v))

    def cell(self, name):
        return self.sheet.getCellRangeByName(name)

    def formula(self, f, at="Z1"):
        """Enter formula F at AT and return (value, shown text, error code)."""
        c = self.cell(at)
        c.setFormula(f)
        self.doc.calculateAll()
        return c.getValue(), c.getString(), c.getError()

    def array(self, f, rng):
        """Enter F as an array formula over RNG; return the shown texts, row by row."""
        r = self.cell(rng)
        r.setArrayFormula(f)
        self.doc.calculateAll()
        return [[r.getCellByPosition(c, i).getString() for c in range(r.Columns.Count)]
                for i in range(r.Rows.Count)]

    def expect(self, f, want, tol=1e-9):
        v, s, e = self.formula(f)
        assert e == 0, "%s: expected %r, got error %s (%s)" % (f, want, s, e)
        assert math.isclose(v, want, rel_tol=tol, abs_tol=tol), "%s: expected %r, got %r" % (f, want, v)

    def expect_error(self, f, name):
        v, s, e = self.formula(f)
        assert e == ERRORS[name] and s == name, "%s: expected %s, got %r (error %s)" % (f, name, s, e)

    def close(self):
        self.doc.setModified(False)
        self.doc.close(True)
