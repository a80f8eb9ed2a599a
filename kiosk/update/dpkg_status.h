#pragma once
// The installed versions of this product's packages, read from dpkg's status database
// (/var/lib/dpkg/status, world-readable) without running dpkg: the kiosk reads it once at start
// for its heartbeats (an upgrade restarts it). Only paragraphs dpkg marks "install ok installed"
// count; a malformed paragraph is skipped, never guessed at. Qt-free.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lobby::update {

inline constexpr std::size_t kMaxReportedPackages = 16;

// Installed packages whose name starts with `prefix` ("lobby-kiosk"), by name, with their
// versions; at most kMaxReportedPackages.
std::vector<std::pair<std::string, std::string>> installedPackages(std::string_view status,
                                                                   std::string_view prefix);

}  // namespace lobby::update
