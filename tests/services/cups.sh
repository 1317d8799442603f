# Sourced by tests/run-tests.sh: starts a private CUPS scheduler (Debian's
# cupsd in the foreground, in the background of this script) with its own
# ServerRoot, spool, cache, state and logs under a temporary folder, listening
# only on a unix socket there, with FileDevice enabled. Two queues capture
# what a printer would receive into files (tests/services/dpp-capture.ppd
# passes jobs through unchanged; plain "-m raw" queues write nothing to a
# file: device in CUPS 2.4):
#   dpp_zpl  raw ZPL jobs (dppctl print --zpl-queue)   -> $DPP_TEST_CUPS_OUT/dpp_zpl.out
#   dpp_pdf  QPrinter jobs (dppctl print --printer)     -> $DPP_TEST_CUPS_OUT/dpp_pdf.out
# Exports CUPS_SERVER (lp and Qt's CUPS plugin use it) and DPP_TEST_CUPS_OUT.
# Without cupsd the CUPS tests skip with a reason. Stopped by the cleanup.
dpp_cups_start() {
  if [ ! -x /usr/sbin/cupsd ] || ! command -v lpadmin >/dev/null; then
    echo "cups.sh: no cupsd/lpadmin; CUPS print tests will skip" >&2
    return 0
  fi
  local here
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  DPP_CUPS_DIR="$(mktemp -d /tmp/dpp-cups.XXXXXX)"
  chmod 755 "$DPP_CUPS_DIR"
  mkdir -p "$DPP_CUPS_DIR"/{spool,tmp,cache,state,log,out}
  # Filters run as "lp": they need the temp folder; the file: device output
  # is written by the scheduler into out/.
  chmod 1777 "$DPP_CUPS_DIR/tmp" "$DPP_CUPS_DIR/out"
  cat >"$DPP_CUPS_DIR/cupsd.conf" <<CONF
Listen $DPP_CUPS_DIR/cups.sock
LogLevel info
MaxLogSize 0
DefaultAuthType None
Browsing No
WebInterface No
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  JobPrivateAccess all
  JobPrivateValues none
  SubscriptionPrivateAccess all
  SubscriptionPrivateValues none
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
  local user=lp group=lp
  # As root, filters run as "lp" (cupsd refuses root for them); otherwise as us.
  if [ "$(id -u)" -ne 0 ] || ! id lp >/dev/null 2>&1; then user="$(id -un)"; group="$(id -gn)"; fi
  cat >"$DPP_CUPS_DIR/cups-files.conf" <<CONF
ServerRoot $DPP_CUPS_DIR
RequestRoot $DPP_CUPS_DIR/spool
TempDir $DPP_CUPS_DIR/tmp
CacheDir $DPP_CUPS_DIR/cache
StateDir $DPP_CUPS_DIR/state
ErrorLog $DPP_CUPS_DIR/log/error_log
AccessLog $DPP_CUPS_DIR/log/access_log
PageLog $DPP_CUPS_DIR/log/page_log
FileDevice Yes
User $user
Group $group
Sandboxing Relaxed
CONF
  /usr/sbin/cupsd -f -c "$DPP_CUPS_DIR/cupsd.conf" -s "$DPP_CUPS_DIR/cups-files.conf" \
    >"$DPP_CUPS_DIR/log/stdout" 2>&1 &
  DPP_CUPS_PID=$!
  export CUPS_SERVER="$DPP_CUPS_DIR/cups.sock"
  local i
  for i in $(seq 1 100); do
    [ -S "$CUPS_SERVER" ] && lpstat -r >/dev/null 2>&1 && break
    sleep 0.1
  done
  if ! lpstat -r >/dev/null 2>&1; then
    echo "cups.sh: cupsd did not start (see $DPP_CUPS_DIR/log); CUPS print tests will skip" >&2
    dpp_cups_stop
    unset CUPS_SERVER
    return 0
  fi
  local q
  for q in dpp_zpl dpp_pdf; do
    if ! lpadmin -p "$q" -E -v "file://$DPP_CUPS_DIR/out/$q.out" -P "$here/dpp-capture.ppd" \
         >>"$DPP_CUPS_DIR/log/lpadmin" 2>&1; then
      echo "cups.sh: lpadmin $q failed (see $DPP_CUPS_DIR/log/lpadmin); CUPS print tests will skip" >&2
      dpp_cups_stop
      unset CUPS_SERVER
      return 0
    fi
  done
  export DPP_TEST_CUPS_OUT="$DPP_CUPS_DIR/out"
  echo "cups.sh: private cupsd on $CUPS_SERVER; queues dpp_zpl, dpp_pdf -> $DPP_TEST_CUPS_OUT" >&2
}

dpp_cups_stop() {
  [ -n "${DPP_CUPS_DIR:-}" ] || return 0
  if [ -n "${DPP_CUPS_PID:-}" ]; then
    kill "$DPP_CUPS_PID" 2>/dev/null
    wait "$DPP_CUPS_PID" 2>/dev/null
  fi
  rm -rf "$DPP_CUPS_DIR"
  DPP_CUPS_DIR=""
}

dpp_cups_start
# Chain onto whatever cleanup earlier services installed.
eval "dpp_cups_prev_$(declare -f cleanup)"
cleanup() { dpp_cups_prev_cleanup; dpp_cups_stop; }
