#!/usr/bin/env bash
# demo.sh: runs the mail system from the build tree in the foreground with a
# self-contained configuration under run/demo (config, spool, mailboxes, maps),
# loopback only, high ports; Ctrl-C stops everything it started. Each part
# that is not built yet is named as such; nothing is faked.
#   SMTP_PORT POP3_PORT IMAP_PORT   ports (2525, 2110, 2143)
#   DEMO_DIR                        where it keeps its files (run/demo in the build tree)
#   top_builddir                    the build tree when it is not the checkout (VPATH)
#   DEMO_ONCE=1                     start what exists, report, stop at once (tests)
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${top_builddir:-$top}" && pwd)
demo=${DEMO_DIR:-$build/run/demo}
SMTP_PORT=${SMTP_PORT:-2525}; POP3_PORT=${POP3_PORT:-2110}; IMAP_PORT=${IMAP_PORT:-2143}
sendmail=$build/sendmail/sendmail
user=${SUDO_USER:-${USER:-$(id -un)}}
# Who owns the mailboxes: the invoking user; as plain root, the system's
# "mail" user, since a mailer will not write files as root for an alias.
if [ "$(id -u)" = 0 ] && [ "$user" = root ]; then
    mail_user=$(id -un mail 2>/dev/null || echo nobody)
else
    mail_user=$user
fi
missing=()       # the parts that are not built yet, said again at the end
pids=()          # what we started, stopped by PID

say() { echo "demo: $*"; }
not_built() { missing+=("$1"); say "not built yet: $1"; }

# Waits until something accepts on 127.0.0.1:$1, or the process $2 exits.
wait_listening() {
    local port=$1 pid=$2 i
    for ((i = 0; i < 100; i++)); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

stop_all() {
    trap - INT TERM EXIT
    local p
    # Each server leads a process group of its own (setsid): its children go too.
    for p in "${pids[@]}"; do kill -TERM -- "-$p" 2>/dev/null || kill -TERM "$p" 2>/dev/null; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
    [ ${#pids[@]} -gt 0 ] && say "stopped everything it started (${pids[*]})"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

# --- the files: config, spool, mailboxes, maps ------------------------------
make_files() {
    mkdir -p "$demo"/{etc,mqueue,clientmqueue,mail,log} || exit 1
    chmod 700 "$demo/mqueue"
    printf 'localhost\nlocalhost.localdomain\n' >"$demo/etc/local-host-names"
    printf 'root\n%s\n' "$user" >"$demo/etc/trusted-users"
    printf 'hosts\tfiles\naliases\tfiles\n' >"$demo/etc/service.switch"
    printf 'Connect:127.0.0.1\tRELAY\nConnect:localhost\tRELAY\n' >"$demo/etc/access"
    # Local users' mail goes to files under mail/, never to /var/mail.
    {
        echo "# the demo's aliases: local names deliver into $demo/mail"
        echo "postmaster: demo"
        echo "MAILER-DAEMON: postmaster"
        echo "root: demo"
        [ "$user" != root ] && [ "$user" != demo ] && echo "$user: demo"
        echo "demo: $demo/mail/demo"
    } >"$demo/etc/aliases"
    touch "$demo/mail/demo"
    [ "$(id -u)" = 0 ] && chown -R "$mail_user:" "$demo/mail"
    say "files under $demo (etc/ config and maps, mqueue/ spool, mail/ mailboxes, log/)"
}

compile_cf() {
    if [ ! -f "$top/cf/m4/cf.m4" ]; then
        not_built "the cf/ macro package (no sendmail.cf can be made from $top/scripts/demo.mc.in)"
        return 1
    fi
    sed -e "s|@DEMO@|$demo|g" -e "s|@SMTP_PORT@|$SMTP_PORT|g" -e "s|@MAIL_USER@|$mail_user|g" "$top/scripts/demo.mc.in" >"$demo/etc/sendmail.mc"
    if ! m4 -DCFDIR="$top/cf" "$demo/etc/sendmail.mc" >"$demo/etc/sendmail.cf" 2>"$demo/log/m4.err"; then
        say "our cf/ package failed on the demo's sendmail.mc: $(head -n3 "$demo/log/m4.err")"
        return 1
    fi
    say "sendmail.cf compiled with our cf/ package: $demo/etc/sendmail.cf"
}

# A mode of our sendmail that answers "not built yet" is reported as missing.
probe() {
    local what=$1 out
    shift
    out=$(timeout 10 "$@" 2>&1 </dev/null)
    case $out in *"not built yet"*) not_built "$what"; return 1 ;; esac
    return 0
}

make_maps() {
    if [ -x "$build/makemap/makemap" ]; then
        if "$build/makemap/makemap" hash "$demo/etc/access" <"$demo/etc/access"; then
            say "access.db built with our makemap"
        else
            say "our makemap failed on $demo/etc/access"
        fi
    else
        not_built "makemap (no access.db)"
    fi
    [ -f "$demo/etc/sendmail.cf" ] || return 0
    local out
    out=$(timeout 30 "$sendmail" -C "$demo/etc/sendmail.cf" -bi </dev/null 2>&1)
    case $? in
        0) say "aliases.db built with our newaliases" ;;
        *) case $out in
               *"not built yet"*) not_built "newaliases (sendmail -bi)" ;;
               *) say "our newaliases failed: $(echo "$out" | head -n3)" ;;
           esac ;;
    esac
}

start_smtp() {
    # On a config that does not exist a built daemon can only fail; the stub says "not built yet".
    probe "the SMTP daemon (sendmail -bd)" "$sendmail" -C "$demo/etc/no-such.cf" -bD || return 0
    if [ ! -f "$demo/etc/sendmail.cf" ]; then
        say "the SMTP daemon is built but has no sendmail.cf to run with (see cf/ above)"
        return 0
    fi
    setsid "$sendmail" -C "$demo/etc/sendmail.cf" -bD </dev/null >>"$demo/log/sendmail.log" 2>&1 &
    local pid=$!
    if wait_listening "$SMTP_PORT" "$pid"; then
        pids+=("$pid")
        say "SMTP  listening on 127.0.0.1:$SMTP_PORT (sendmail -bD, pid $pid)"
        say "try:  swaks --server 127.0.0.1:$SMTP_PORT --from you@example.com --to demo@localhost"
        say "      (mail for demo@localhost lands in $demo/mail/demo)"
    else
        kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
        say "the SMTP daemon did not listen on 127.0.0.1:$SMTP_PORT; its output: $(tail -n3 "$demo/log/sendmail.log")"
    fi
}

# pop3d and imapd: their command line is theirs to define; this is the
# demo's expectation (port, mail directory), checked by a real connection.
start_store() {
    local name=$1 port=$2 proto=$3 pid
    if [ ! -x "$build/$name/$name" ]; then
        not_built "$name ($proto)"
        return 0
    fi
    setsid "$build/$name/$name" -p "$port" -d "$demo/mail" </dev/null >>"$demo/log/$name.log" 2>&1 &
    pid=$!
    if wait_listening "$port" "$pid"; then
        pids+=("$pid")
        say "$proto listening on 127.0.0.1:$port ($name, pid $pid)"
    else
        kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
        say "$name did not listen on 127.0.0.1:$port; its output: $(tail -n3 "$demo/log/$name.log")"
    fi
}

say "loopback only: SMTP 127.0.0.1:$SMTP_PORT, POP3 127.0.0.1:$POP3_PORT, IMAP 127.0.0.1:$IMAP_PORT (each where built)"
make_files
compile_cf
make_maps
start_smtp
start_store pop3d "$POP3_PORT" POP3
start_store imapd "$IMAP_PORT" IMAP
[ ${#pids[@]} -gt 0 ] && say "try:  curl -s imap://127.0.0.1:$IMAP_PORT/INBOX -u demo:demo  (once imapd is up)"
if [ -f "$demo/etc/sendmail.cf" ] && probe "address test mode (sendmail -bt)" "$sendmail" -C "$demo/etc/sendmail.cf" -bt; then
    say "address test: $sendmail -C $demo/etc/sendmail.cf -bt"
fi
if [[ " ${missing[*]} " == *"SMTP daemon"* ]]; then
    say "once the SMTP daemon is built, try: swaks --server 127.0.0.1:$SMTP_PORT --from you@example.com --to demo@localhost"
fi
[ ${#missing[@]} -gt 0 ] && say "${#missing[@]} part(s) not built yet; see the lines above"
if [ ${#pids[@]} -eq 0 ]; then
    say "no server part is built yet: nothing to keep running"
    exit 0
fi
if [ "${DEMO_ONCE:-0}" = 1 ]; then
    say "DEMO_ONCE: stopping now"
    exit 0
fi
say "running in the foreground; Ctrl-C stops everything"
# A server that stops on its own takes the demo down with it, loudly.
wait -n "${pids[@]}"
rc=$?
for p in "${pids[@]}"; do
    kill -0 "$p" 2>/dev/null || say "pid $p exited (status $rc); its log is in $demo/log"
done
say "a server stopped on its own; stopping the rest"
exit 1
