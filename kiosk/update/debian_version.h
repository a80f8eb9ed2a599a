#pragma once
// Debian package versions ([epoch:]upstream[-revision]) as dpkg orders them, for the updater's
// checks (a manifest's minimum version, the versions a kiosk has installed). The comparison is
// dpkg's own algorithm (lib/dpkg/version.c): digits compare as numbers, '~' sorts before
// everything, even the end. Qt-free.

#include <string_view>

namespace lobby::update {

// A version dpkg would accept: an optional numeric epoch, an upstream part that starts with a
// digit, an optional revision; only [A-Za-z0-9.+~-] (and ':' after the epoch); at most 128 bytes.
bool isDebianVersion(std::string_view version);

// <0, 0 or >0 as `a` sorts before, with or after `b`. Both must pass isDebianVersion.
int compareDebianVersions(std::string_view a, std::string_view b);

}  // namespace lobby::update
