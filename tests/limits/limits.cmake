# Generated worst cases (docs/robustness.md): deep nesting, alias bombs,
# duplicate and unknown keys by the hundred thousand, 10 MB values, include
# cycles, oversized files, the error cap, and files whose cost could grow
# faster than their size. Each runs through `itinerary check` under
# `ulimit -t` (a safety net, never a timing assertion). Included by
# tests/CMakeLists.txt (after the tools are found); labelled slow.
itin_needs(ok limits.worst_cases PYTHON3)
if(ok)
  # The sanitizers make every run several times slower: the safety net's CPU
  # limit grows with them (a plain build stays at 5 s a case).
  set(ITIN_LIMITS_CPU 5)
  if(ITIN_SANITIZE OR ITIN_FUZZ)
    set(ITIN_LIMITS_CPU 15)
  endif()
  add_test(NAME limits.worst_cases
    COMMAND ${CMAKE_COMMAND} -E env ITIN_LIMITS_CPU=${ITIN_LIMITS_CPU}
            bash ${CMAKE_CURRENT_SOURCE_DIR}/limits/run_limits.sh $<TARGET_FILE:itinerary-cli>)
  # The files are generated (up to 17 MiB each, one at a time) and removed.
  set_tests_properties(limits.worst_cases PROPERTIES TIMEOUT 900 LABELS "slow;limits")
endif()
