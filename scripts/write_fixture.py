"""Writes a test fixture: test/unit/data/fixtures/NAME as compact JSON (the fixture scripts' common step)."""
import json
import os


def write_fixture(name, data):
    """Writes data to test/unit/data/fixtures/name and returns the path written."""
    path = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "test", "unit", "data", "fixtures", name))
    with open(path, "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")
    return path
