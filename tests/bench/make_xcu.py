"""make_xcu.py OUT SERVICE METHOD=NAME... - a minimal CalcAddIns.xcu for a benchmark add-in:
each METHOD of SERVICE is shown in Calc as NAME (category Add-In)."""
import sys
from xml.sax.saxutils import escape

out, service, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
funcs = "".join(
    '   <node oor:name="%s" oor:op="replace">\n'
    '    <prop oor:name="DisplayName"><value xml:lang="en-US">%s</value></prop>\n'
    '    <prop oor:name="Description"><value xml:lang="en-US">Benchmark only.</value></prop>\n'
    '    <prop oor:name="Category"><value>Add-In</value></prop>\n'
    '   </node>\n' % (escape(m), escape(n)) for m, n in (p.split("=", 1) for p in pairs))
with open(out, "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:component-data xmlns:oor="http://openoffice.org/2001/registry" '
            'oor:name="CalcAddIns" oor:package="org.openoffice.Office">\n'
            ' <node oor:name="AddInInfo">\n'
            '  <node oor:name="%s" oor:op="replace">\n'
            '  <node oor:name="AddInFunctions">\n%s  </node>\n  </node>\n </node>\n'
            '</oor:component-data>\n' % (escape(service), funcs))
