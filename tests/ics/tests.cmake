# The iCalendar exporter and its proof by parsers nobody here wrote.
# Included by tests/CMakeLists.txt (after the tools are found); every test
# here is labelled external, ics.memcheck also slow.
#
#   unit.export_ics     cmocka: the exporter read back with libical
#   ics.export          (fixture) export the examples and tests/ics/fixtures
#                       with the CLI: full, personal, group, invitation, no
#                       transfers; SOURCE_DATE_EPOCH reproducibility; expect.py
#                       derives what each calendar must hold from the
#                       scheduler's JSON
#   npm.icaljs.install  (fixture) ical.js and icalendar, pinned in
#                       package-lock.json
#   ics.python          python3-icalendar (Debian) reads every calendar
#   ics.icaljs          Mozilla's ical.js reads every calendar (its times
#                       through the file's own VTIMEZONEs)
#   ics.khal, ics.calcurse   real clients import them and list the events
#                       at the right local times in three zones
#   ics.corpus          (label external) plans around clock changes in 25
#                       zones: python3-icalendar and ical.js read each
#                       calendar, through its VTIMEZONEs, as the JSON says
#   ics.strict.ruby, ics.strict.npm   (label external) ruby-icalendar 2.8
#                       and npm icalendar 0.7.1, strict readers, read every
#                       event of the calendars of ics.export and ics.corpus
#   ics.memcheck        valgrind over the exporter (not under sanitizers)
#
# Debian packages: python3 python3-icalendar python3-yaml khal calcurse
# valgrind nodejs npm ruby ruby-icalendar (and libical-dev libcmocka-dev for the build).

# unit.export_ics is registered with the other unit tests (tests/CMakeLists.txt),
# which also finds the tools below and says which tests it leaves out.
set(ITIN_ICS_DIR ${CMAKE_BINARY_DIR}/ics-out)
set(ITIN_ICS_SRC ${CMAKE_CURRENT_SOURCE_DIR}/ics)

# export.sh runs expect.py, which reads the examples with python3-yaml.
itin_needs(ics_ok ics.export PY_YAML)
if(ics_ok)
  add_test(NAME ics.export
    COMMAND bash ${ITIN_ICS_SRC}/export.sh $<TARGET_FILE:itinerary-cli> ${CMAKE_SOURCE_DIR} ${ITIN_ICS_DIR})
  set_tests_properties(ics.export PROPERTIES FIXTURES_SETUP ics_files LABELS external)
endif()

itin_needs(ok "npm.icaljs.install, ics.icaljs" PY_YAML NODE NPM)
if(ok)
  set(ITIN_NPM_ICS_DIR ${CMAKE_BINARY_DIR}/npm-icaljs)
  add_test(NAME npm.icaljs.install
    COMMAND bash -c "if mkdir -p '${ITIN_NPM_ICS_DIR}' && cp '${ITIN_ICS_SRC}/package.json' '${ITIN_ICS_SRC}/package-lock.json' '${ITIN_ICS_SRC}/check_icaljs.mjs' '${ITIN_ICS_SRC}/check_strict_npm.cjs' '${ITIN_NPM_ICS_DIR}/' && cd '${ITIN_NPM_ICS_DIR}' && npm ci --no-audit --no-fund --loglevel=error; then echo '1 passed, 0 failed'; else echo '0 passed, 1 failed'; exit 1; fi")
  set_tests_properties(npm.icaljs.install PROPERTIES FIXTURES_SETUP npm_icaljs LABELS external)

  add_test(NAME ics.icaljs
    COMMAND ${NODE} ${ITIN_NPM_ICS_DIR}/check_icaljs.mjs ${ITIN_ICS_DIR})
  set_tests_properties(ics.icaljs PROPERTIES FIXTURES_REQUIRED "ics_files;npm_icaljs" LABELS external)
endif()

itin_needs(ok ics.python PY_YAML PY_ICALENDAR)
if(ok)
  add_test(NAME ics.python
    COMMAND ${ITIN_ICS_PYTHON} ${ITIN_ICS_SRC}/check_icalendar.py ${ITIN_ICS_DIR})
  set_tests_properties(ics.python PROPERTIES FIXTURES_REQUIRED ics_files LABELS external)
endif()

foreach(client khal calcurse)
  string(TOUPPER ${client} tool)
  itin_needs(ok ics.${client} PY_YAML ${tool})
  if(ok)
    add_test(NAME ics.${client}
      COMMAND ${ITIN_ICS_PYTHON} ${ITIN_ICS_SRC}/check_clients.py ${client} ${ITIN_ICS_DIR})
    set_tests_properties(ics.${client} PROPERTIES FIXTURES_REQUIRED ics_files LABELS external)
  endif()
endforeach()

# Calendars around clock changes in 25 zones (gen_corpus.py), read by
# python3-icalendar and ical.js instant for instant against the JSON.
itin_needs(corpus_ok ics.corpus PY_ICALENDAR NODE NPM)
if(corpus_ok)
  add_test(NAME ics.corpus
    COMMAND bash ${ITIN_ICS_SRC}/corpus.sh $<TARGET_FILE:itinerary-cli> ${CMAKE_SOURCE_DIR}
            ${CMAKE_BINARY_DIR}/ics-corpus ${NODE} ${ITIN_NPM_ICS_DIR})
  set_tests_properties(ics.corpus PROPERTIES FIXTURES_REQUIRED npm_icaljs FIXTURES_SETUP ics_corpus
                       LABELS external)
endif()

# Strict readers, which threw on libical's VTIMEZONEs: every event of the
# examples' calendars and of the corpus is read.
itin_needs(ok ics.strict.ruby RUBY RUBY_ICALENDAR)
if(ok AND ics_ok AND corpus_ok)
  add_test(NAME ics.strict.ruby
    COMMAND ${RUBY} ${ITIN_ICS_SRC}/check_strict.rb --known asia-kathmandu-19860101
            ${ITIN_ICS_DIR} ${CMAKE_BINARY_DIR}/ics-corpus)
  set_tests_properties(ics.strict.ruby PROPERTIES FIXTURES_REQUIRED "ics_files;ics_corpus" LABELS external)
endif()
if(ics_ok AND corpus_ok)
  add_test(NAME ics.strict.npm
    COMMAND ${NODE} ${ITIN_NPM_ICS_DIR}/check_strict_npm.cjs ${ITIN_ICS_DIR} ${CMAKE_BINARY_DIR}/ics-corpus)
  set_tests_properties(ics.strict.npm PROPERTIES FIXTURES_REQUIRED "ics_files;ics_corpus;npm_icaljs"
                       LABELS external)
endif()

if(NOT ITIN_SANITIZE)
  itin_needs(ok ics.memcheck VALGRIND)
  if(ok)
    add_test(NAME ics.memcheck
      COMMAND bash ${ITIN_ICS_SRC}/memcheck.sh $<TARGET_FILE:itinerary-cli> $<TARGET_FILE:test_export_ics>
              ${CMAKE_SOURCE_DIR})
    set_tests_properties(ics.memcheck PROPERTIES LABELS "external;slow")
  endif()
endif()
