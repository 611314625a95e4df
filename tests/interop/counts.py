"""Counts the elements and relationships of an exchange file by type, as a reader others
wrote sees them: pyArchimate (PyPI, GPL-3.0, run as a separate process, not linked), and
the file's own XML read with the standard library. Prints one JSON object."""
import collections
import json
import sys
import xml.etree.ElementTree as ET

from pyArchimate import Model

NS = "{http://www.opengroup.org/xsd/archimate/3.0/}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}type"

path = sys.argv[1]
model = Model("check")
model.read(path)
root = ET.parse(path).getroot()
print(json.dumps({
    "pyarchimate": {
        "elements": dict(sorted(collections.Counter(e.type for e in model.elems_dict.values()).items())),
        "relationships": dict(sorted(collections.Counter(r.type for r in model.rels_dict.values()).items())),
    },
    "xml": {
        "elements": dict(sorted(collections.Counter(e.get(XSI) for e in root.iter(NS + "element")).items())),
        "relationships": dict(sorted(collections.Counter(r.get(XSI) for r in root.iter(NS + "relationship")).items())),
    },
}, sort_keys=True))
