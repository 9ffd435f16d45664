#!/usr/bin/env bash
# Install everything the tests need, then run them.
#   Debian: chromium (the HTML map is tested in a real browser) and python3-qgis (the
#   GeoJSON/GeoPackage files are opened by QGIS itself); PyPI: claimmap with its dev extra.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
/usr/bin/python3 -c "import qgis.core" 2>/dev/null || need+=(python3-qgis)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${need[@]}" fonts-dejavu-core >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
