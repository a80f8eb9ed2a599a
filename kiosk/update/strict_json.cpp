#include "update/strict_json.h"

#include <algorithm>

namespace lobby::update {
namespace {

Error invalid(const std::string& where, const std::string& why) {
    return makeError(ErrorKind::InvalidConfig, "update.document_invalid", where + ": " + why);
}

bool hasControlBytes(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

}  // namespace

bool isSha256Hex(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

Result<nlohmann::json> parseObject(std::string_view bytes, const std::string& code,
                                   const std::string& what) {
    auto document = nlohmann::json::parse(bytes, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return makeError(ErrorKind::InvalidConfig, code, what + " is not a JSON object");
    return document;
}

Status onlyKeys(const nlohmann::json& object, std::initializer_list<std::string_view> keys,
                const std::string& where) {
    if (!object.is_object()) return invalid(where, "not an object");
    for (const auto& [key, value] : object.items()) {
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
            return invalid(where, "unknown key \"" + key.substr(0, 40) + "\"");
    }
    return {};
}

Result<std::string> requiredString(const nlohmann::json& object, const char* key,
                                   const std::string& where, std::size_t maxBytes) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string())
        return invalid(where, std::string(key) + " must be a string");
    auto text = found->get<std::string>();
    if (text.empty() || text.size() > maxBytes || hasControlBytes(text))
        return invalid(where, std::string(key) + " must be 1 to " + std::to_string(maxBytes) +
                                  " bytes of text");
    return text;
}

Result<std::int64_t> requiredInteger(const nlohmann::json& object, const char* key,
                                     std::int64_t low, std::int64_t high,
                                     const std::string& where) {
    const auto found = object.find(key);
    const std::string range = std::to_string(low) + ".." + std::to_string(high);
    if (found == object.end() || !found->is_number_integer())
        return invalid(where, std::string(key) + " must be an integer in " + range);
    const auto value = found->is_number_unsigned()
                           ? (found->get<std::uint64_t>() > static_cast<std::uint64_t>(high)
                                  ? high + 1
                                  : static_cast<std::int64_t>(found->get<std::uint64_t>()))
                           : found->get<std::int64_t>();
    if (value < low || value > high)
        return invalid(where, std::string(key) + " must be an integer in " + range);
    return value;
}

}  // namespace lobby::update
