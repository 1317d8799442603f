# Sourced by tests/run-tests.sh: writes the small GeoIP2-City test database
# (tests/services/geoip-testdb.pl, Debian's libmaxmind-db-writer-perl) and exports
# DPP_TEST_GEOIP with its path for the scan analytics suites. Suites run alone
# (ctest -R) build it themselves the same way when the variable is unset.
dpp_geoip_start() {
  DPP_GEOIP_DIR="$(mktemp -d /tmp/dpp-geoip.XXXXXX)"
  if perl "$ROOT/tests/services/geoip-testdb.pl" "$DPP_GEOIP_DIR/test-city.mmdb" 2>"$DPP_GEOIP_DIR/error.log"; then
    export DPP_TEST_GEOIP="$DPP_GEOIP_DIR/test-city.mmdb"
    echo "geoip.sh: test GeoIP database at $DPP_TEST_GEOIP" >&2
  else
    echo "geoip.sh: cannot write the test GeoIP database: $(cat "$DPP_GEOIP_DIR/error.log")" >&2
  fi
}

dpp_geoip_stop() {
  [ -n "${DPP_GEOIP_DIR:-}" ] && rm -rf "$DPP_GEOIP_DIR"
  return 0
}

dpp_geoip_start
eval "dpp_geoip_prev_$(declare -f cleanup)"
cleanup() { dpp_geoip_prev_cleanup; dpp_geoip_stop; }
