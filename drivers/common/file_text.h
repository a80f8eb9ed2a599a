#pragma once
// A whole file's bytes, for the small files the kiosk and its tools read and write at once
// (scenes, their signatures, the scene version floor, hospital rules, the health report).

#include <cstddef>
#include <optional>
#include <string>

#include "common/error.h"

namespace lobby {

// The file's content; nothing when it cannot be opened (missing, unreadable).
std::optional<std::string> readFile(const std::string& path);

// The content of a regular file no larger than `limit`, opened without following a link: a
// symlink, a directory, a device or an oversized file is a typed error, never read.
Result<std::string> readSmallFile(const std::string& path, std::size_t limit);

// Writes `bytes` to `path` durably: a fresh temporary beside it (created, never followed),
// fsync, rename over `path`, fsync of `directory`. A reader sees the old file or the new one.
Status writeFileAtomically(const std::string& directory, const std::string& path,
                           const std::string& bytes, unsigned mode = 0640);

}  // namespace lobby
