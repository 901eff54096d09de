#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs every Debian package that the build, the tests, the benchmarks and the GUI need.
# Idempotent and non-interactive; run as root (or through sudo).
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config git
    # Qt 6: widgets, charts, network, websockets, translations tools, offscreen/xcb platform plugins
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-websockets-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins libqt6opengl6-dev libgl-dev
    # core libraries
    libyaml-cpp-dev libspdlog-dev libfmt-dev libexpected-dev zlib1g-dev
    libsqlite3-dev libpqxx-dev libpq-dev
    libssl-dev libsecp256k1-dev libmsgpack-cxx-dev libcrypto++-dev qtkeychain-qt6-dev
    # tests: a private PostgreSQL server, fonts for offscreen rendering
    postgresql fonts-dejavu-core
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "install-deps: ${#packages[@]} packages present"
