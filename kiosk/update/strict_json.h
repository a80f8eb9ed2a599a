#pragma once
// The strict reading shared by the updater's signed documents (manifest, assignment, install
// journal): an object, only the keys named, each value of its type and range. Internal to
// lobby_update.

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/error.h"

namespace lobby::update {

// 64 lowercase hex digits.
bool isSha256Hex(std::string_view text);

Result<nlohmann::json> parseObject(std::string_view bytes, const std::string& code,
                                   const std::string& what);
Status onlyKeys(const nlohmann::json& object, std::initializer_list<std::string_view> keys,
                const std::string& where);
Result<std::string> requiredString(const nlohmann::json& object, const char* key,
                                   const std::string& where, std::size_t maxBytes = 256);
Result<std::int64_t> requiredInteger(const nlohmann::json& object, const char* key,
                                     std::int64_t low, std::int64_t high, const std::string& where);

}  // namespace lobby::update
