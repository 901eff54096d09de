# SPDX-License-Identifier: MIT
# One place for how modules, tests and benchmarks are declared.

# Compiler flags every target of the project gets.
function(sixbtc_apply_flags target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -ffp-contract=off)
    if(SIXBTC_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    # GCC 12 at -O3 reports -Wrestrict on std::string concatenation inlined from libstdc++ (GCC bug 105329,
    # fixed in GCC 13): a false positive that would fail every Release build under -Werror.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
        target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_USE_QSTRINGBUILDER QT_NO_FOREACH)
    if(SIXBTC_SANITIZE)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
endfunction()

# sixbtc_add_module(<name> SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
# Creates the static library core_<name> with the alias core::<name>; its headers are included as
# "<name>/header.h" relative to core/.
function(sixbtc_add_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    set(target core_${name})
    add_library(${target} STATIC ${ARG_SOURCES})
    add_library(core::${name} ALIAS ${target})
    target_include_directories(${target} PUBLIC "${PROJECT_SOURCE_DIR}/core")
    target_link_libraries(${target} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    sixbtc_apply_flags(${target})
    set_property(GLOBAL APPEND PROPERTY SIXBTC_CORE_MODULES ${target})
endfunction()

# sixbtc_add_test(<name> SOURCES ... LIBS ... [LABELS ...] [GUI] [CLI])
# One executable per test class, registered with CTest and run offscreen. CLI: the test runs the sixbtc
# executable (SIXBTC_CLI_PATH), which is then built first.
function(sixbtc_add_test name)
    cmake_parse_arguments(ARG "GUI;CLI" "" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/tests")
    target_compile_definitions(${name} PRIVATE
        SIXBTC_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        SIXBTC_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        SIXBTC_BUNDLED_DATA_DIR="${SIXBTC_BUNDLED_DATA_BUILD_DIR}"
        SIXBTC_CLI_PATH="$<TARGET_FILE:sixbtc>")
    sixbtc_apply_flags(${name})
    add_test(NAME ${name} COMMAND ${name})
    set(labels ${ARG_LABELS})
    if(ARG_GUI)
        list(APPEND labels gui)
    endif()
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8"
        LABELS "${labels}"
        TIMEOUT 600)
    if(ARG_CLI)
        add_dependencies(${name} sixbtc)
    endif()
endfunction()

# sixbtc_add_bench(<name> SOURCES ... LIBS ... [ARGS ...])
# A benchmark executable; the 'bench' target builds and runs every one of them in turn.
function(sixbtc_add_bench name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;ARGS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS})
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/tests" "${PROJECT_SOURCE_DIR}/tests/bench")
    target_compile_definitions(${name} PRIVATE SIXBTC_BUNDLED_DATA_DIR="${SIXBTC_BUNDLED_DATA_BUILD_DIR}"
        SIXBTC_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    sixbtc_apply_flags(${name})
    add_custom_target(run_${name} COMMAND ${name} ${ARG_ARGS} DEPENDS ${name} USES_TERMINAL
        COMMENT "bench: ${name}")
    # Benchmarks run one after another so that they never compete for the cores they measure.
    get_property(previous GLOBAL PROPERTY SIXBTC_LAST_BENCH)
    if(previous)
        add_dependencies(run_${name} ${previous})
    endif()
    set_property(GLOBAL PROPERTY SIXBTC_LAST_BENCH run_${name})
    if(NOT TARGET bench)
        add_custom_target(bench)
    endif()
    add_dependencies(bench run_${name})
endfunction()
