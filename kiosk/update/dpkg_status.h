#pragma once
// The installed versions of this product's packages, from paragraphs in dpkg's status form
// ("Package:", "Status:", "Version:"), as `dpkg-query --show` prints them for the kiosk once at
// start (an upgrade restarts it): only what dpkg marks "install ok installed" counts; a malformed
// paragraph is skipped, never guessed at. Qt-free.

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
