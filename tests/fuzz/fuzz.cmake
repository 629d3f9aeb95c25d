# The libFuzzer harness and its bounded run (docs/robustness.md).
# Included by tests/CMakeLists.txt; everything here needs -DITIN_FUZZ=ON
# (clang), which builds every object with -fsanitize=fuzzer-no-link,address,undefined.
if(ITIN_FUZZ)
  set(ITIN_FUZZ_SECONDS 60 CACHE STRING "How long the fuzz.pipeline test fuzzes, in seconds")

  add_executable(fuzz_pipeline fuzz/fuzz_pipeline.c)
  target_link_libraries(fuzz_pipeline PRIVATE itinerary)
  target_link_options(fuzz_pipeline PRIVATE -fsanitize=fuzzer)
  target_compile_options(fuzz_pipeline PRIVATE ${ITIN_WARNINGS})

  # The seed corpus, laid out afresh in the build tree on every run: the
  # bundled examples (also made self-contained, below) and catalogs, every
  # invalid file of the CLI tests, the agenda's hostile file and every input
  # the fuzzer or a worst case once failed on (fuzz/regressions). New inputs
  # that libFuzzer finds are added to the same directory (it is kept between
  # runs of the test, so coverage accumulates; delete it to start over).
  set(ITIN_FUZZ_CORPUS ${CMAKE_CURRENT_BINARY_DIR}/fuzz-corpus)
  set(ITIN_FUZZ_ARTIFACTS ${CMAKE_CURRENT_BINARY_DIR}/fuzz-artifacts)
  set(ITIN_FUZZ_SEEDS
      "${CMAKE_SOURCE_DIR}/data/examples/*.yaml"
      "${CMAKE_SOURCE_DIR}/data/institutions/*.yaml"
      "${CMAKE_CURRENT_SOURCE_DIR}/cli/invalid/*.yaml"
      "${CMAKE_CURRENT_SOURCE_DIR}/agenda/evil.yaml"
      "${CMAKE_CURRENT_SOURCE_DIR}/fuzz/regressions/*.yaml"
      "${CMAKE_CURRENT_SOURCE_DIR}/fuzz/seeds/*.yaml")
  string(REPLACE ";" " " ITIN_FUZZ_SEEDS_SH "${ITIN_FUZZ_SEEDS}")

  # The bundled examples include the catalogs, and the harness's includes
  # cannot be read (they resolve in an empty directory), so as they are they
  # never reach the scheduler or the exporters. Self-contained copies, with
  # each include replaced by the lists of the files it names, do; they are
  # made when the test runs.
  find_program(ITIN_FUZZ_PYTHON3 python3 REQUIRED)
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/fuzz_flatten.py [=[
"""Self-contained copies of delegation files: each top-level `include` is
replaced by the lists of the files it names, merged into the file's own lists
(text-level, for the simple layout of the bundled examples and catalogs).
usage: flatten.py OUT-DIR FILE..."""
import os
import re
import sys

TOP = re.compile(r'^([A-Za-z_]+):(.*)$')


def sections(lines):
    """[(key or None, [lines])] in order: the text before the first key, then
    each top-level key with its lines (the key's own line first)."""
    out = [(None, [])]
    for line in lines:
        m = TOP.match(line)
        if m:
            out.append((m.group(1), [line]))
        else:
            out[-1][1].append(line)
    return out


def include_paths(sec):
    first = TOP.match(sec[0]).group(2).split('#')[0].strip()
    if first.startswith('['):
        return [p.strip() for p in first.strip('[]').split(',') if p.strip()]
    if first:
        return [first]
    return [l.split('#')[0].strip()[1:].strip() for l in sec[1:] if l.strip().startswith('-')]


def flatten(path):
    with open(path, encoding='utf-8') as f:
        secs = sections(f.read().splitlines())
    extra = {}  # key -> body lines from the included files
    order = []
    for key, sec in secs:
        if key != 'include':
            continue
        for inc in include_paths(sec):
            with open(os.path.join(os.path.dirname(path), inc), encoding='utf-8') as f:
                for k, s in sections(f.read().splitlines()):
                    if k in (None, 'itinerary', 'include'):
                        continue
                    if k not in extra:
                        extra[k] = []
                        order.append(k)
                    extra[k] += s[1:]
    out = []
    for key, sec in secs:
        if key == 'include':
            continue
        out += sec[:1]
        if key in extra:
            out += extra.pop(key)
        out += sec[1:]
    for k in order:
        if k in extra:
            out += [k + ':'] + extra[k]
    return '\n'.join(out) + '\n'


for p in sys.argv[2:]:
    name = os.path.basename(p)
    with open(os.path.join(sys.argv[1], 'flat-' + name), 'w', encoding='utf-8') as f:
        f.write(flatten(p))
]=])

  # Two more seeds that reach what the examples do not: the spring clock
  # change (a start time that does not exist: errors from the scheduler) and
  # the autumn one (a time that exists twice: it schedules), places without
  # geo and travel_times for them, every mode, statuses and block scalars.
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/fuzz-seed-dst-spring.yaml [=[
# Generated seed: clock changes, places without geo, every mode, statuses.
itinerary: 1
delegation:
  id: dst-seed
  title: Über die Zeitumstellung (서머타임)
  lead: Fuzz
  organizer: {name: Org, email: org@example.org, phone: "+49 1"}
  start: 2023-03-25
  end: 2023-03-27
  timezone: Europe/Berlin
  language: de
  revision: 3
  day: {start: "00:00", end: "24:00"}
  buffer: 5m
  travel: {mode: taxi}
  reminder: 10m
  participants:
    - {id: a, name: Anna, role: Lead, org: O, email: a@example.org, phone: "+1"}
    - {id: b, name: 박서연, role: Director}
    - {id: c, name: "C \"quoted\" <x>"}
  groups:
    - {id: ab, name: A und B, members: [a, b]}
institutions:
  - id: office
    name: Office
    short: Off
    kind: agency
    address: "Straße 1, 01067 Dresden"
    city: Dresden
    region: DE-SN
    geo: [51.05, 13.74]
    hours: {mon-fri: ["00:00-03:00", "08:00-24:00"], "sat,sun": "01:00-04:00"}
    open_on_holidays: true
    closed: [2023-03-24]
    contact: {name: Desk, email: desk@example.org}
    url: https://example.org
  - {id: nogeo, name: No Geo, timezone: Europe/Berlin}
  - {id: far, name: Far, geo: [48.14, 11.58], country: DE}
  - {id: seoul, name: Seoul, timezone: Asia/Seoul, geo: [37.57, 126.98], region: KR-11}
  - {id: hotel, name: Hotel, geo: [51.052, 13.7425]}
visits:
  - {id: gap, title: In the gap, at: office, date: 2023-03-26, start: "02:30", duration: 1h}
  - {id: flex, title: Flexible, at: office, date: 2023-03-26, duration: 45min, with: ab, travel: walk}
  - {id: nog, title: No geo, at: nogeo, date: 2023-03-26, duration: 30m, with: c, travel: bike}
  - {id: farv, title: Far away, at: far, day: 3, start: "10:00", end: "11:00", travel: train, status: tentative}
  - id: cx
    title: Cancelled
    at: office
    day: 3
    duration: PT1H
    status: cancelled
    topics: [x, y]
    host: H
    description: |
      Zwei Zeilen
      und mehr
  - {id: sv, title: Seoul, at: seoul, date: 2023-03-27, duration: 1h 30m, with: [a]}
travel:
  - {id: fl, mode: flight, from: office, to: seoul, depart: 2023-03-26T23:30, arrive: 2023-03-27 18:05, ref: LH 712, with: a}
  - {id: bus, mode: bus, from: far, to: hotel, depart: 2023-03-27 12:00, duration: 5h, title: Back, description: d}
  - {id: ship, mode: ship, from: hotel, to: office, depart: 2023-03-25 02:15, duration: 20m}
lodging:
  - {id: h1, at: hotel, from: 2023-03-24, to: 2023-03-27, with: [b, c]}
  - {at: hotel, from: 2023-03-24, to: 2023-03-26, with: a}
travel_times:
  - {from: office, to: nogeo, time: 25m}
  - {from: nogeo, to: hotel, mode: bike, time: 1h}
  - {from: hotel, to: nogeo, time: 15m}
holidays:
  - {date: 2023-03-27, name: Extra, region: DE-BY}
  - {date: 2023-03-25, name: Everywhere}
]=])
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/fuzz-seed-dst-autumn.yaml [=[
# Generated seed (schedules): the autumn clock change, places without geo, every mode, statuses.
itinerary: 1
delegation:
  id: dst-seed-ok
  title: Über die Zeitumstellung (서머타임)
  lead: Fuzz
  organizer: {name: Org, email: org@example.org, phone: "+49 1"}
  start: 2023-10-28
  end: 2023-10-30
  timezone: Europe/Berlin
  language: de
  revision: 3
  day: {start: "00:00", end: "24:00", hotel_break: 90m}
  buffer: 5m
  travel: {mode: taxi, walk_below: 800m, vehicles: 3, checkin: {flight: 90m, train: 5m}, exit: {domestic_flight: 20m}}
  accept: [weekend]
  reminder: 10m
  participants:
    - {id: a, name: Anna, role: Lead, org: O, email: a@example.org, phone: "+1"}
    - {id: b, name: 박서연, role: Director}
    - {id: c, name: "C \"quoted\" <x>"}
  groups:
    - {id: ab, name: A und B, members: [a, b]}
institutions:
  - id: office
    name: Office
    short: Off
    kind: agency
    address: "Straße 1, 01067 Dresden"
    city: Dresden
    region: DE-SN
    geo: [51.05, 13.74]
    hours: {mon-fri: ["00:00-03:00", "08:00-24:00"], "sat,sun": "01:00-24:00"}
    open_on_holidays: true
    closed: [2023-10-27]
    contact: {name: Desk, email: desk@example.org}
    url: https://example.org
  - {id: nogeo, name: No Geo, timezone: Europe/Berlin}
  - {id: far, name: Far, geo: [48.14, 11.58], country: DE}
  - {id: seoul, name: Seoul, timezone: Asia/Seoul, geo: [37.57, 126.98], region: KR-11}
  - {id: hotel, name: Hotel, geo: [51.052, 13.7425]}
visits:
  - {id: gap, title: In the gap, at: office, date: 2023-10-29, start: "02:30", duration: 1h}
  - {id: flex, title: Flexible, at: office, date: 2023-10-29, duration: 45min, with: ab, travel: walk}
  - {id: nog, title: No geo, at: nogeo, date: 2023-10-29, duration: 30m, with: c, travel: bike, by_arrangement: true, accept: [tight-transfer]}
  - {id: farv, title: Far away, at: far, day: 1, start: "10:00", end: "11:00", travel: train, status: tentative, with: c}
  - id: cx
    title: Cancelled
    at: office
    day: 3
    duration: PT1H
    status: cancelled
    topics: [x, y]
    host: H
    description: |
      Zwei Zeilen
      und mehr
  - {id: sv, title: Seoul, at: seoul, date: 2023-10-30, start: "19:30", duration: 1h 30m, with: [a]}
travel:
  - {id: fl, mode: flight, from: office, to: seoul, depart: 2023-10-29T23:30, arrive: 2023-10-30 18:05, ref: LH 712, with: a, checkin: 30m, exit: 20m, accept: [outside-window]}
  - {id: bus, mode: bus, from: far, to: hotel, depart: 2023-10-28 12:00, duration: 5h, title: Back, description: d, with: c}
  - {id: car, mode: car, from: hotel, to: far, depart: 2023-10-28 03:00, duration: 5h, with: c}
  - {id: ship, mode: ship, from: hotel, to: office, depart: 2023-10-28 02:15, duration: 20m}
lodging:
  - {id: h1, at: hotel, from: 2023-10-27, to: 2023-10-30, with: [b, c]}
  - {at: hotel, from: 2023-10-27, to: 2023-10-29, with: a}
travel_times:
  - {from: office, to: nogeo, time: 25m}
  - {from: nogeo, to: hotel, mode: bike, time: 1h}
  - {from: hotel, to: nogeo, time: 15m}
holidays:
  - {date: 2023-10-30, name: Extra, region: DE-BY}
  - {date: 2023-10-28, name: Everywhere}
]=])

  # libFuzzer exits non-zero on a crash, a sanitizer report, a leak, a
  # timeout of one input (-timeout) or running out of memory (-rss_limit_mb),
  # and leaves the input in fuzz-artifacts/.
  add_test(NAME fuzz.pipeline
    COMMAND bash -c "set -e
      mkdir -p '${ITIN_FUZZ_CORPUS}' '${ITIN_FUZZ_ARTIFACTS}'
      shopt -s nullglob
      for f in ${ITIN_FUZZ_SEEDS_SH}; do cp -f \"$f\" '${ITIN_FUZZ_CORPUS}/'; done
      cp -f '${CMAKE_CURRENT_BINARY_DIR}'/fuzz-seed-*.yaml '${ITIN_FUZZ_CORPUS}/'
      '${ITIN_FUZZ_PYTHON3}' '${CMAKE_CURRENT_BINARY_DIR}/fuzz_flatten.py' '${ITIN_FUZZ_CORPUS}' '${CMAKE_SOURCE_DIR}'/data/examples/*.yaml \\
        '${CMAKE_CURRENT_SOURCE_DIR}'/diff/revisions/*.yaml \\
        || echo 'warning: the self-contained examples could not be made; fuzzing without them'
      # The revision pairs of tests/diff/pairs as two plans in one input (OLD, ---, NEW).
      grep -v '^#' '${CMAKE_CURRENT_SOURCE_DIR}/diff/pairs' | while read -r name old new rest; do
        [ -n \"$name\" ] || continue
        a='${ITIN_FUZZ_CORPUS}'/flat-$(basename \"$old\") b='${ITIN_FUZZ_CORPUS}'/flat-$(basename \"$new\")
        [ -f \"$a\" ] && [ -f \"$b\" ] && { cat \"$a\"; printf -- '---\\n'; cat \"$b\"; } > '${ITIN_FUZZ_CORPUS}'/pair-$name.yaml || true
      done
      echo \"seed corpus: $(ls '${ITIN_FUZZ_CORPUS}' | wc -l) files in ${ITIN_FUZZ_CORPUS}\"
      exec '$<TARGET_FILE:fuzz_pipeline>' '${ITIN_FUZZ_CORPUS}' \\
        -max_total_time=${ITIN_FUZZ_SECONDS} -rss_limit_mb=2048 -timeout=10 -max_len=65536 \\
        -dict='${CMAKE_CURRENT_SOURCE_DIR}/fuzz/yaml.dict' \\
        -artifact_prefix='${ITIN_FUZZ_ARTIFACTS}/' -print_final_stats=1"
    WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  # Time to run the seeds on top of the fuzzing itself.
  math(EXPR ITIN_FUZZ_TEST_TIMEOUT "${ITIN_FUZZ_SECONDS} + 600")
  set_tests_properties(fuzz.pipeline PROPERTIES TIMEOUT ${ITIN_FUZZ_TEST_TIMEOUT} LABELS "slow;fuzz")
endif()
