#!/usr/bin/env bash
# dev.sh: the README's two commands. On a fresh Debian 12 machine it installs
# the Debian packages that are missing (only those), bootstraps, configures and
# builds, then either runs the mail system on loopback (run) or the test suite (test).
#   scripts/dev.sh run     build, then run the demo under ./run/demo (Ctrl-C stops it)
#   scripts/dev.sh test    build, then run the whole test suite; last line "N passed, N failed"
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

# Build and runtime dependencies, then what the tests drive the programs with.
BUILD_PKGS="build-essential autoconf automake pkg-config m4 libssl-dev libdb5.3-dev libdb-dev
  libpcre2-dev libsasl2-dev libcppunit-dev libc-ares-dev libasio-dev libcrypt-dev python3"
TEST_PKGS="util-linux openssl curl swaks sasl2-bin libsasl2-modules dnsmasq-base db5.3-util procps"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_missing() {
    local missing=()
    for p in $BUILD_PKGS $TEST_PKGS; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "dev.sh: installing missing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    [ -x configure ] && [ configure -nt configure.ac ] || autoreconf -fi
    [ -f Makefile ] && [ config.status -nt configure ] || ./configure -q
    make -j"$(nproc)" >/dev/null
}

# Totals of the TAP test cases, from the summary automake writes.
summarize() {
    local log=test-suite.log
    local pass=0 fail=0 skip=0
    if [ -f "$log" ]; then
        pass=$(awk '/^# PASS:/ {print $3}' "$log"); fail=$(awk '/^# FAIL:/ {print $3}' "$log")
        local err xpass; err=$(awk '/^# ERROR:/ {print $3}' "$log"); xpass=$(awk '/^# XPASS:/ {print $3}' "$log")
        skip=$(awk '/^# SKIP:/ {print $3}' "$log")
        fail=$(( ${fail:-0} + ${err:-0} + ${xpass:-0} + ${skip:-0} ))
    fi
    echo "${pass:-0} passed, ${fail} failed"
}

run_tests() {
    local rc=0
    make -j2 check || rc=$?
    [ -f test-suite.log ] && grep -E '^(FAIL|ERROR|SKIP|XPASS):' test-suite.log | head -50 || true
    summarize
    return $rc
}

case "${1:-}" in
    run) install_missing; build; exec "$top/scripts/demo.sh" ;;
    test) install_missing; build; run_tests ;;
    *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac
