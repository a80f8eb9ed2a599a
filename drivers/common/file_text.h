#pragma once
// A whole file's bytes, for the small files the kiosk and its tools read at once (scenes, their
// signatures, the scene version floor, hospital rules).

#include <optional>
#include <string>

namespace lobby {

// The file's content; nothing when it cannot be opened (missing, unreadable).
std::optional<std::string> readFile(const std::string& path);

}  // namespace lobby
