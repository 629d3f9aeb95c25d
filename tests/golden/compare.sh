# compare.sh: sourced by the golden-file runners. compare_golden OUT GOLDEN
# counts a pass when OUT equals GOLDEN byte for byte, else a failure with the
# first lines of the diff; with UPDATE=1 GOLDEN is rewritten first (then read
# the diff!). The caller sets pass=0 fail=0.
compare_golden() {
  if [ "${UPDATE:-}" = 1 ]; then
    cp "$1" "$2"; echo "updated $2"
  fi
  if cmp -s "$1" "$2"; then
    pass=$((pass + 1))
  else
    echo "FAIL $2 differs:"; diff -u "$2" "$1" | head -40; fail=$((fail + 1))
  fi
}
