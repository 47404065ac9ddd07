#!/usr/bin/env bash
# dev.sh: the README's two commands. On a fresh Debian 12 machine it installs
# the Debian packages that are missing (only those), bootstraps, configures and
# builds, then either runs the mail system on loopback (run) or the test suite (test).
#   scripts/dev.sh run     build, then run the demo under ./run/demo (Ctrl-C stops it)
#   scripts/dev.sh test    build, then run the whole test suite; last line "N passed, N failed"
#   scripts/dev.sh deps    only install the missing Debian packages
# Whatever goes wrong in `test` (a missing package, a build error, a crashed
# test), the last line is still the totals line and the exit status is non-zero.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1

# Build and runtime dependencies, then what the tests drive the programs with.
BUILD_PKGS="build-essential autoconf automake pkg-config m4 libssl-dev libdb5.3-dev libdb-dev
  libpcre2-dev libsasl2-dev libcppunit-dev libc-ares-dev libasio-dev libcrypt-dev python3"
TEST_PKGS="util-linux coreutils openssl curl swaks sasl2-bin libsasl2-modules dnsmasq-base db5.3-util procps"
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

say() { echo "dev.sh: $*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        say "need root to install packages and sudo is not installed; run as root: $*"
        return 1
    fi
}

install_missing() {
    command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian system (no dpkg-query): install the packages by hand: $BUILD_PKGS $TEST_PKGS"; return 1; }
    local missing=() p
    for p in $BUILD_PKGS $TEST_PKGS; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing missing Debian packages: ${missing[*]}"
    # A fresh VM's unattended-upgrades may hold the dpkg lock for a while: wait for it.
    local wait_lock=(-o DPkg::Lock::Timeout=600)
    as_root apt-get "${wait_lock[@]}" update -qq || { say "apt-get update failed"; return 1; }
    as_root env DEBIAN_FRONTEND=noninteractive apt-get "${wait_lock[@]}" install -y -qq --no-install-recommends "${missing[@]}" \
        || { say "apt-get install failed for: ${missing[*]}"; return 1; }
}

# Bootstraps only when needed; make's own rules regenerate after a Makefile.am change.
build() {
    if [ ! -x configure ] || [ configure.ac -nt configure ]; then
        autoreconf -fi || { say "autoreconf failed"; return 1; }
    fi
    if [ ! -f Makefile ] || [ ! -f config.status ] || [ configure -nt config.status ]; then
        ./configure -q || { say "configure failed (see config.log)"; return 1; }
    fi
    make -j"$JOBS" >/dev/null || { say "the build failed (errors above)"; return 1; }
}

# Totals of the TAP test cases, from the summary automake writes. A harness
# problem counted as a failure: ERROR (a crashed test program, a missing plan),
# XPASS and SKIP (our tests never skip silently).
summarize() {
    local log=test-suite.log pass=0 fail=0 n
    if [ -f "$log" ]; then
        pass=$(awk '/^# PASS:/ {print $3}' "$log")
        for n in $(awk '/^# (FAIL|ERROR|XPASS|SKIP):/ {print $3}' "$log"); do fail=$((fail + n)); done
    fi
    echo "${pass:-0} ${fail}"
}

run_tests() {
    local rc=0 pass fail
    rm -f test-suite.log
    if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then
        # The oracle checks run sendmail under unshare, which needs root. The
        # test programs are built as the user first, so no root-owned object
        # is left for the next build to trip on.
        say "the oracle checks need root: building the tests as $(id -un), running them through sudo"
        make -j2 check TESTS= >/dev/null || rc=$?
        [ "$rc" -eq 0 ] && { sudo env "PATH=$PATH" make -j2 check || rc=$?; }
    else
        make -j2 check || rc=$?
    fi
    if [ -f test-suite.log ]; then
        grep -E '^(FAIL|ERROR|SKIP|XPASS):' test-suite.log | head -50 >&2 || true
    fi
    read -r pass fail < <(summarize)
    if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
        say "make check failed before the test summary (a test program did not build?); counted as one failure"
        fail=1
    fi
    echo "$pass passed, $fail failed"
    [ "$rc" -eq 0 ] && [ "$fail" -eq 0 ]
}

# Set-up failed in test mode: say so, and still end with the totals line.
setup_failed() {
    say "set-up failed before any test ran; counted as one failure"
    echo "0 passed, 1 failed"
    exit 1
}

case "${1:-}" in
    run)
        install_missing || exit 1
        build || exit 1
        exec "$top/scripts/demo.sh"
        ;;
    test)
        install_missing || setup_failed
        build || setup_failed
        run_tests
        ;;
    deps)
        install_missing
        ;;
    *)
        echo "usage: $0 run|test|deps" >&2
        exit 2
        ;;
esac
