# Revisions: `itinerary diff` and `export --since`. Included by
# tests/CMakeLists.txt (after the tools are found).
#
#   diff.golden         (golden) change notices of the revision pairs in
#                       tests/diff/pairs, in every format and language
#   diff.commands       (cli) the command's options, its errors and exit codes,
#                       diff(A, A), OLD in another directory, export --since
#   diff.property       (cli) random edits of plans: every change reported is
#                       real and every real change is reported, judged by a
#                       comparison of the two JSON itineraries of its own
#   diff.replay.export  (fixture) OLD's, NEW's and the update calendars of
#                       every pair, for everyone, each participant, each group
#   diff.replay.python, diff.replay.ruby   (external) python3-icalendar and
#                       ruby-icalendar replay each update over OLD's calendar
#                       and find NEW's, event for event
#   diff.itip           (external) the single-event REQUEST and CANCEL
#                       messages of --invite, processed over each
#                       participant's old invitation, give the new one
set(ITIN_DIFF_SRC ${CMAKE_CURRENT_SOURCE_DIR}/diff)
set(ITIN_DIFF_DIR ${CMAKE_BINARY_DIR}/diff-replay)

add_test(NAME diff.golden
  COMMAND bash ${ITIN_DIFF_SRC}/run_golden.sh $<TARGET_FILE:itinerary-cli> ${CMAKE_SOURCE_DIR})
set_tests_properties(diff.golden PROPERTIES LABELS golden)

add_test(NAME diff.replay.export
  COMMAND bash ${ITIN_DIFF_SRC}/replay.sh $<TARGET_FILE:itinerary-cli> ${CMAKE_SOURCE_DIR} ${ITIN_DIFF_DIR})
set_tests_properties(diff.replay.export PROPERTIES FIXTURES_SETUP diff_replay LABELS external)

itin_needs(ok diff.replay.python PY_ICALENDAR)
if(ok)
  add_test(NAME diff.replay.python COMMAND ${ITIN_ICS_PYTHON} ${ITIN_DIFF_SRC}/check_replay.py ${ITIN_DIFF_DIR})
  set_tests_properties(diff.replay.python PROPERTIES FIXTURES_REQUIRED diff_replay LABELS external)
endif()
itin_needs(ok diff.replay.ruby RUBY RUBY_ICALENDAR)
if(ok)
  add_test(NAME diff.replay.ruby COMMAND ${RUBY} ${ITIN_DIFF_SRC}/check_replay.rb ${ITIN_DIFF_DIR})
  set_tests_properties(diff.replay.ruby PROPERTIES FIXTURES_REQUIRED diff_replay LABELS external)
endif()

add_test(NAME diff.commands
  COMMAND bash ${ITIN_DIFF_SRC}/run_commands.sh $<TARGET_FILE:itinerary-cli> ${CMAKE_SOURCE_DIR})
set_tests_properties(diff.commands PROPERTIES LABELS cli)

itin_needs(ok diff.property PYTHON3)
if(ok)
  add_test(NAME diff.property COMMAND ${PYTHON3} ${ITIN_DIFF_SRC}/check_property.py $<TARGET_FILE:itinerary-cli>)
  set_tests_properties(diff.property PROPERTIES LABELS cli)
endif()

# Invitations to be mailed, one event a message (plan/diff --invite -o DIR/).
itin_needs(ok diff.itip PY_ICALENDAR)
if(ok)
  add_test(NAME diff.itip
    COMMAND ${ITIN_ICS_PYTHON} ${ITIN_DIFF_SRC}/check_itip.py $<TARGET_FILE:itinerary-cli> ${CMAKE_SOURCE_DIR}
            ${CMAKE_BINARY_DIR}/diff-itip)
  set_tests_properties(diff.itip PROPERTIES LABELS external)
endif()
