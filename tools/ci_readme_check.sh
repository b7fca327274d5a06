#!/usr/bin/env bash
# CI hook: the README's set-up, as a new user does it on a fresh machine.
#
#   bash tools/ci_readme_check.sh            # from anywhere inside the repository
#
# Clones the repository into a temporary folder with nothing beside it (no ../shared), installs
# Qt's system libraries from the README's own `sudo apt-get install ...` line (apt-get only when
# running as root and a package is missing), runs the README's start command with
# --check-startup (offscreen) and checks that Qt's X11 platform plugin finds every library it
# loads. GV_CI_README_TESTS=1 also runs the README's test command in that clone (the full suite
# already runs once in .ci/run). Exit code 0 = OK.
set -euo pipefail
root=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
readme="$root/README.md"

# The README's lines, read from the README so the check and the text cannot drift apart.
libs_line=$(grep -m1 -E '^sudo apt-get install lib' "$readme" || true)
start_cmd=$(grep -m1 -E '^python3 -m venv .* && glasvermittler$' "$readme" || true)
test_cmd=$(grep -m1 -E '^python3 -m venv .* && pytest$' "$readme" || true)
for what in libs_line start_cmd test_cmd; do
    if [ -z "${!what}" ]; then
        echo "readme check: README.md has no $what line" >&2
        exit 1
    fi
done
read -r -a libs <<<"${libs_line#sudo apt-get install }"

if command -v dpkg >/dev/null 2>&1; then
    need=()
    for pkg in "${libs[@]}"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
    done
    if [ "${#need[@]}" -gt 0 ]; then
        if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
        else
            echo "readme check: missing system libraries (not root): ${need[*]}" >&2
            exit 1
        fi
    fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
clone="$tmp/glasvermittler"
git clone --quiet "$root" "$clone"
if [ -e "$clone/../shared" ]; then
    echo "readme check: $clone/../shared exists; the clone must stand alone" >&2
    exit 1
fi
cd "$clone"
export QT_QPA_PLATFORM=offscreen GLASVERMITTLER_DATA_DIR="$tmp/data" GLASVERMITTLER_CONFIG_DIR="$tmp/config"
# Leave any active virtualenv so the clone's own .venv is the one used.
unset VIRTUAL_ENV PYTHONHOME
echo "readme check: $start_cmd --check-startup"
timeout 900 bash -c "$start_cmd --check-startup"

# The X11 platform plugin (what a real desktop session loads) and the Qt libraries it pulls in
# must find every system library: this is what the README's list is for.
if command -v ldd >/dev/null 2>&1; then
    qt=$(.venv/bin/python -c 'import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent / "Qt")')
    missing=$(ldd "$qt/plugins/platforms/libqxcb.so" "$qt"/lib/libQt6XcbQpa.so.* "$qt"/lib/libQt6Gui.so.* \
        | grep 'not found' | sort -u || true)
    if [ -n "$missing" ]; then
        echo "readme check: Qt's xcb platform needs libraries the README does not list:" >&2
        echo "$missing" >&2
        exit 1
    fi
fi
echo "readme check: start command OK in a fresh clone"

if [ "${GV_CI_README_TESTS:-0}" = "1" ]; then
    echo "readme check: $test_cmd"
    timeout 3600 bash -c "$test_cmd"
    echo "readme check: test command OK in a fresh clone"
fi
