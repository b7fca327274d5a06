#!/usr/bin/env bash
# CI hook: build the PyInstaller bundle and start it once with --check-startup.
#
#   bash tools/ci_bundle_check.sh            # from the repository root, venv active
#
# Installs the `bundle` extra (PyInstaller) if missing, builds into build/ci-dist (about
# 1.5-2.5 minutes on 2 cores), checks that no library the spec drops is needed by what remains,
# and runs the bundle offscreen with temporary data/config directories: --check-bundle (data
# files present and working) and --check-startup. Exit code 0 = OK.
set -euo pipefail
cd "$(dirname "$0")/.."

python -c "import PyInstaller" 2>/dev/null || pip install -q -e ".[bundle]"

dist=build/ci-dist
python -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath build/ci-work build.spec

bundle="$dist/glasvermittler"
exe="$bundle/glasvermittler"
[ -x "$exe" ] || exe="$bundle/glasvermittler.exe"

# Libraries build.spec leaves out must not be needed (DT_NEEDED) by anything left in the bundle.
if command -v readelf >/dev/null 2>&1; then
    needed=$(find "$bundle" -name '*.so*' -type f -exec readelf -d {} + 2>/dev/null \
        | grep -o 'Shared library: \[[^]]*\]' | sort -u \
        | grep -E 'libonnxruntime\.so|libQt6Network|libQt6EglFS|libgtk-3|libgdk-3|libatk|libcairo|libgdk_pixbuf|libpango|libfribidi|libthai|libpixman|libgraphite2|libharfbuzz\.so' \
        || true)
    if [ -n "$needed" ]; then
        echo "bundle: a library dropped by build.spec is still needed:" >&2
        echo "$needed" >&2
        exit 1
    fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export QT_QPA_PLATFORM=offscreen GLASVERMITTLER_DATA_DIR="$tmp/data" GLASVERMITTLER_CONFIG_DIR="$tmp/config"
# data files inside the bundle: translation, lexicons, face detector, photo cleaning
timeout 120 "$exe" --check-bundle
timeout 120 "$exe" --check-startup
echo "bundle: --check-startup OK ($(du -sh "$bundle" | cut -f1) unpacked)"
