# The tree-sitter-python grammar, pinned to 0.23.6 (parser ABI 14, the newest ABI that Debian
# bookworm's libtree-sitter 0.20.7 loads). Its generated parser.c and hand-written scanner.c come
# from the npm registry package, fetched once at configure time into a cache directory outside the
# source tree, checked against the registry's SHA-512, and compiled into the build. Nothing of the
# grammar is committed.
#
# Defines the static library `opscope_tree_sitter_python`, which exports tree_sitter_python().
# Needs `npm` the first time (.ci/install-deps installs it); later configures reuse the cache.
set(OPSCOPE_TS_PYTHON_VERSION 0.23.6)
set(OPSCOPE_TS_PYTHON_SHA512
  c8833dcf4a31288c53edb02d3ce860a1597a8135e59a5221b9eee58854f8a013c5fe585aec76b8750052f3602fea130c459a159c5248f0cea62fe4b05a82c3dc)
# The same cache as .ci/install-deps: $OPSCOPE_CACHE, else ~/.cache/opscope.
if(DEFINED ENV{OPSCOPE_CACHE})
  set(_opscope_cache_default "$ENV{OPSCOPE_CACHE}")
else()
  set(_opscope_cache_default "$ENV{HOME}/.cache/opscope")
endif()
set(OPSCOPE_CACHE_DIR "${_opscope_cache_default}" CACHE PATH
  "Where third-party parser sources fetched at configure time are kept (outside the source tree)")

set(_ts_dir "${OPSCOPE_CACHE_DIR}/tree-sitter-python-${OPSCOPE_TS_PYTHON_VERSION}")
set(_ts_src "${_ts_dir}/package/src")
set(_ts_tgz "${_ts_dir}/tree-sitter-python-${OPSCOPE_TS_PYTHON_VERSION}.tgz")

if(NOT EXISTS "${_ts_src}/parser.c" OR NOT EXISTS "${_ts_src}/scanner.c")
  find_program(OPSCOPE_NPM npm)
  if(NOT OPSCOPE_NPM)
    message(FATAL_ERROR "tree-sitter-python ${OPSCOPE_TS_PYTHON_VERSION} is not in ${_ts_dir} and npm is "
                        "not installed to fetch it: run .ci/install-deps (it installs npm), then configure again")
  endif()
  file(MAKE_DIRECTORY "${_ts_dir}")
  if(NOT EXISTS "${_ts_tgz}")
    message(STATUS "Fetching tree-sitter-python@${OPSCOPE_TS_PYTHON_VERSION} from the npm registry into ${_ts_dir}")
    execute_process(
      COMMAND "${OPSCOPE_NPM}" pack "tree-sitter-python@${OPSCOPE_TS_PYTHON_VERSION}" --silent
              --pack-destination "${_ts_dir}"
      WORKING_DIRECTORY "${_ts_dir}"
      RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
    if(NOT _rc EQUAL 0 OR NOT EXISTS "${_ts_tgz}")
      message(FATAL_ERROR "npm pack tree-sitter-python@${OPSCOPE_TS_PYTHON_VERSION} failed (${_rc}): ${_err}")
    endif()
  endif()
  file(SHA512 "${_ts_tgz}" _sum)
  if(NOT _sum STREQUAL OPSCOPE_TS_PYTHON_SHA512)
    file(REMOVE "${_ts_tgz}")
    message(FATAL_ERROR "tree-sitter-python-${OPSCOPE_TS_PYTHON_VERSION}.tgz has SHA-512 ${_sum}, "
                        "expected ${OPSCOPE_TS_PYTHON_SHA512}; the download was removed, configure again")
  endif()
  file(ARCHIVE_EXTRACT INPUT "${_ts_tgz}" DESTINATION "${_ts_dir}" PATTERNS package/src package/LICENSE)
  if(NOT EXISTS "${_ts_src}/parser.c")
    message(FATAL_ERROR "${_ts_tgz} holds no package/src/parser.c")
  endif()
endif()
message(STATUS "tree-sitter-python ${OPSCOPE_TS_PYTHON_VERSION} from ${_ts_dir}")

add_library(opscope_tree_sitter_python STATIC "${_ts_src}/parser.c" "${_ts_src}/scanner.c")
# The grammar's own tree_sitter/parser.h (ABI 14) must win over the system's copy.
target_include_directories(opscope_tree_sitter_python BEFORE PRIVATE "${_ts_src}")
set_target_properties(opscope_tree_sitter_python PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
# Generated third-party code: its warnings are not ours, and parse tables compile far faster at -O1.
target_compile_options(opscope_tree_sitter_python PRIVATE -w -O1)
