#!/bin/bash
# contenders/ours.sh -- this project's sendmail as a contender of the shared
# benchmark harness (../shared/bench). Link it into the harness's contenders/
# (see bench/README.md); it finds the harness through that link and the
# build through its own real path.
#
#   start accept|relay   accept: -O DeliveryMode=queue, no queue runner (mail stays in the queue)
#                        relay:  -O DeliveryMode=background + -q1m safety-net queue runner
#   stop | clear | queued | port | sinkport | version
#
# Config: ref/ours/bench.mc (the same choices as the harness's sendmail bench.mc)
# compiled with our cf/ package, or with Debian's sendmail-cf until ours exists.
# It refuses to start, saying why, while our `sendmail -bd` is not built.
self=$(readlink -f "$0")
TOP=$(cd "$(dirname "$self")/../.." && pwd)          # our checkout (build tree)
BENCH=${BENCH:-$(cd "$(dirname "$0")/.." && pwd)}    # the harness this was linked into
for b in "$TOP/../shared/bench" "$TOP/../../shared/bench"; do   # main checkout, or a worktree
  [ -f "$BENCH/lib.sh" ] || BENCH=$(cd "$b" 2>/dev/null && pwd)
done
[ -f "$BENCH/lib.sh" ] || { echo "ours.sh: the benchmark harness (lib.sh) not found; set BENCH=/path/to/shared/bench" >&2; exit 1; }
. "$BENCH/lib.sh"
NAME=ours
PORT=${OURS_PORT:-2527}
SINKPORT=${OURS_SINKPORT:-2603}
D=$RUN/ours
CF=$D/bench.cf
SENDMAIL=${OURS_SENDMAIL:-$TOP/sendmail/sendmail}
pidf=$PIDDIR/ours.pid

# The macro package: ours when the tree has it, else the distribution's.
cf_dir() {
  if [ -f "$TOP/cf/m4/cf.m4" ]; then echo "$TOP/cf"
  elif [ -f /usr/share/sendmail/cf/m4/cf.m4 ]; then echo /usr/share/sendmail/cf
  else die "no m4 macro package: build cf/ or apt-get install sendmail-cf"; fi
}

gen_cf() {
  mkdir -p "$D/mqueue"; chmod 700 "$D/mqueue"
  printf 'hosts\tfiles\naliases\tfiles\n' >"$D/service.switch"
  printf 'postmaster: root\nMAILER-DAEMON: postmaster\n' >"$D/aliases"
  : >"$D/local-host-names"
  m4 -DCFDIR="$(cf_dir)" -DBENCH_RUN="$D" -DSM_PORT="$PORT" -DSINK_PORT="$SINKPORT" \
    "$TOP/bench/ref/ours/bench.mc" >"$CF.tmp" && mv "$CF.tmp" "$CF" || die "m4 failed"
  "$BENCH/netiso.sh" "$SENDMAIL" -C "$CF" -bi </dev/null >/dev/null 2>&1 || die "newaliases (sendmail -bi) failed"
}

# Our daemon answers "not built yet" with EX_UNAVAILABLE (69) until it exists.
# The probe runs it in the foreground (-bD) on a missing config: it can only
# say that, or fail on the config; timeout stops it whatever happens.
require_daemon() {
  [ -x "$SENDMAIL" ] || die "$SENDMAIL is not built: run scripts/dev.sh test (or make) in $TOP"
  local out
  out=$(timeout -k 2 5 "$SENDMAIL" -bD -C "$D/no-such-config.cf" </dev/null 2>&1)
  case $out in
    *"not built yet"*) die "our SMTP daemon is not built yet (sendmail -bD says: $(echo "$out" | head -n1)); nothing to measure" ;;
  esac
}

case ${1:-} in
start)
  mode=${2:?accept|relay}
  require_daemon
  "$0" stop
  port_free "$PORT" || die "port $PORT busy"
  gen_cf
  case $mode in
    accept) opts=(-O DeliveryMode=queue) ;;
    relay)  opts=(-O DeliveryMode=background -q1m) ;;
    *) die "mode accept|relay" ;;
  esac
  # -bD: the daemon in the foreground, so the pid we record is the daemon's.
  setsid env -i PATH=/usr/sbin:/usr/bin:/bin "$BENCH/netiso.sh" "$SENDMAIL" -C "$CF" -bD "${opts[@]}" \
    </dev/null >"$D/daemon.out" 2>&1 &
  echo $! >"$pidf"
  wait_port "$PORT" 20 || { "$0" stop; die "our sendmail is not listening on $PORT (see $D/daemon.out)"; }
  ;;
stop)
  # setsid made the daemon a process-group leader: its children share the group.
  if [ -f "$pidf" ]; then
    pid=$(head -n1 "$pidf" | tr -dc 0-9)
    if [ -n "$pid" ] && [ -d /proc/$pid ]; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
      for ((i = 0; i < 100; i++)); do [ -d /proc/$pid ] || break; sleep 0.1; done
      [ -d /proc/$pid ] && kill -KILL -- "-$pid" 2>/dev/null
    fi
    rm -f "$pidf"
  fi
  ;;
clear) find "$D/mqueue" -maxdepth 1 -type f -delete 2>/dev/null; true ;;
queued) find "$D/mqueue" -maxdepth 1 -name 'qf*' 2>/dev/null | wc -l ;;
port) echo "$PORT" ;;
sinkport) echo "$SINKPORT" ;;
version)
  v=$("$SENDMAIL" -d0.1 -bt </dev/null 2>/dev/null | awk '/^Version/{print $2; exit}')
  echo "sendmail-compat ${v:-$(git -C "$TOP" describe --always --dirty 2>/dev/null || echo unknown)}"
  ;;
*) die "usage: $0 start accept|relay | stop | clear | queued | port | sinkport | version" ;;
esac
