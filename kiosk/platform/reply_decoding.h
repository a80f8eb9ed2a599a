#pragma once
// The strict JSON reading every reply decoder shares (replies.cpp, bill_replies.cpp): a field
// missing, ill-typed, overlong or out of range is the platform's mistake and an Error, never a
// crash or a guess. Internal to kiosk/platform.

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "common/error.h"
#include "platform/release_replies.h"
#include "platform/replies.h"

namespace lobby::platform::replies::decoding {

using nlohmann::json;

// A status word as its enum; an unknown word is the platform's mistake, never guessed at.
template <typename Status, std::size_t N>
std::optional<Status> statusNamed(const std::pair<Status, std::string_view> (&table)[N],
                                  const std::string& word) {
    for (const auto& [status, name] : table)
        if (name == word) return status;
    return std::nullopt;
}

// No text the kiosk shows or prints is longer; a longer one is not a reply of the platform's.
constexpr std::size_t kMaxText_bytes = 4096;

// Strict field access: a missing or ill-typed required field is an error, never a crash.
template <typename T>
Result<T> field(const json& object, const char* name) {
    if (!object.is_object() || !object.contains(name))
        return badReply(std::string("lacks ") + name);
    const json& value = object.at(name);
    if constexpr (std::is_same_v<T, std::string>) {
        if (!value.is_string()) return badReply(std::string("has a non-string ") + name);
        if (value.get_ref<const std::string&>().size() > kMaxText_bytes)
            return badReply(std::string("has an overlong ") + name);
        return value.get<std::string>();
    } else {
        if (!value.is_number_integer()) return badReply(std::string("has a non-integer ") + name);
        // Read at full width, then range-checked: get<int>() would wrap 4294967396 to 100.
        if (value.is_number_unsigned() &&
            value.get<std::uint64_t>() >
                static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return badReply(std::string("has an out-of-range ") + name);
        return static_cast<T>(value.get<std::int64_t>());
    }
}

// An optional boolean: false when absent or not a boolean (json::value() would throw).
inline bool flag(const json& object, const char* name) {
    return object.is_object() && object.contains(name) && object[name].is_boolean() &&
           object[name].get<bool>();
}

// Text for a technician's terminal (kioskctl fleet): no control characters (an escape sequence
// could rewrite the screen), at most `limit` bytes.
inline std::string plainText(std::string text, std::size_t limit) {
    text.erase(
        std::remove_if(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }),
        text.end());
    if (text.size() > limit) text.resize(limit);
    return text;
}

inline Result<json> parse(const std::string& body) {
    json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded()) return badReply("is not JSON");
    return parsed;
}

// Decodes with field(): the first missing field aborts with its error.
struct Decoder {
    const json& object;
    std::optional<Error> error;
    std::string text(const char* name) {
        if (error) return {};
        auto value = field<std::string>(object, name);
        if (!value) {
            error = value.error();
            return {};
        }
        return value.value();
    }
    // Every number the platform sends has a range the kiosk checks: a fee is never negative
    // nor more than a hospital charges, a count never below zero.
    int integer(const char* name, std::int64_t minimum, std::int64_t maximum) {
        if (error) return 0;
        auto value = field<std::int64_t>(object, name);
        if (!value) {
            error = value.error();
            return 0;
        }
        if (value.value() < minimum || value.value() > maximum) {
            error =
                badReply(std::string("has ") + name + " " + std::to_string(value.value()) +
                         " outside " + std::to_string(minimum) + ".." + std::to_string(maximum));
            return 0;
        }
        return static_cast<int>(value.value());
    }
    // An optional boolean: `absent` when missing; present, it must be true or false.
    bool boolean(const char* name, bool absent) {
        if (error || !object.is_object() || !object.contains(name)) return absent;
        if (!object[name].is_boolean()) {
            error = badReply(std::string("has a non-boolean ") + name);
            return absent;
        }
        return object[name].get<bool>();
    }
    // A local time of day "HH:MM" as minutes after midnight.
    int timeOfDay(const char* name) {
        const std::string clock = text(name);
        if (error) return 0;
        const auto digit = [&](std::size_t i) { return clock[i] >= '0' && clock[i] <= '9'; };
        const bool shaped =
            clock.size() == 5 && clock[2] == ':' && digit(0) && digit(1) && digit(3) && digit(4);
        const int hour = shaped ? (clock[0] - '0') * 10 + (clock[1] - '0') : -1;
        const int minute = shaped ? (clock[3] - '0') * 10 + (clock[4] - '0') : -1;
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            error = badReply(std::string("has ") + name + " that is not a time of day");
            return 0;
        }
        return hour * 60 + minute;
    }
    // A status word as its enum: one of `table`'s, else a malformed reply.
    template <typename Status, std::size_t N>
    Status status(const char* name, const std::pair<Status, std::string_view> (&table)[N]) {
        const std::string word = text(name);
        if (error) return table[0].first;
        if (const auto known = statusNamed(table, word)) return *known;
        error = badReply(std::string("has an unknown ") + name + " \"" + word + "\"");
        return table[0].first;
    }
};

template <typename T, typename Build>
Result<T> decode(const json& object, Build build) {
    Decoder decoder{object, std::nullopt};
    T value = build(decoder);
    if (decoder.error) return *decoder.error;
    return value;
}

// Decodes a nested object with its own Decoder; its first error becomes the outer one's.
template <typename Fill>
void nested(Decoder& outer, const char* name, Fill fill) {
    if (outer.error) return;
    if (!outer.object.contains(name) || !outer.object[name].is_object()) {
        outer.error = badReply(std::string("lacks ") + name);
        return;
    }
    Decoder inner{outer.object[name], std::nullopt};
    fill(inner);
    if (inner.error) outer.error = inner.error;
}

// A JSON array whose every element decodes, or the first element's error.
template <typename T, typename DecodeOne>
Result<std::vector<T>> decodeList(const json& array, const char* what, DecodeOne decodeOne) {
    if (!array.is_array()) return badReply(std::string("is not a list of ") + what);
    std::vector<T> items;
    for (const auto& element : array) {
        auto item = decodeOne(element);
        if (!item) return item.error();
        items.push_back(std::move(item.value()));
    }
    return items;
}

// A terminal's last update step (release_replies.cpp): in a rollout (`named`: with its
// terminal_id) or in the fleet view.
Result<TerminalUpdateStep> updateStep(const json& object, bool named);

}  // namespace lobby::platform::replies::decoding
