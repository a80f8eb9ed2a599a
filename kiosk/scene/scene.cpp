#include "scene/scene.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>

namespace lobby::scene {
namespace {

using json = nlohmann::json;

Error invalid(const std::string& message) {
    return makeError(ErrorKind::InvalidConfig, "scene.invalid", message);
}

template <std::size_t N>
bool isOneOf(const std::string& value, const std::string_view (&allowed)[N]) {
    return std::find(std::begin(allowed), std::end(allowed), value) != std::end(allowed);
}

// Refuses keys the schema does not know: a misspelt key would otherwise be silently ignored.
Status onlyKnownKeys(const json& object, std::initializer_list<std::string_view> known,
                     const std::string& where) {
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end())
            return invalid(where + ": unknown key \"" + key + "\"");
    }
    return {};
}

Result<std::string> text(const json& object, const char* key, const std::string& where,
                         std::size_t maxLength, bool required = true) {
    if (!object.contains(key)) {
        if (required) return invalid(where + "." + key + " is missing");
        return std::string();
    }
    if (!object[key].is_string()) return invalid(where + "." + key + " must be a string");
    auto value = object[key].get<std::string>();
    if (required && value.empty()) return invalid(where + "." + key + " is empty");
    if (value.size() > maxLength)
        return invalid(where + "." + key + " is longer than " + std::to_string(maxLength) +
                       " bytes");
    return value;
}

Result<int> integer(const json& object, const char* key, const std::string& where, int minimum,
                    int maximum, int fallback) {
    if (!object.contains(key)) return fallback;
    if (!object[key].is_number_integer()) return invalid(where + "." + key + " must be an integer");
    const auto value = object[key].get<long long>();
    if (value < minimum || value > maximum) {
        return invalid(where + "." + key + " must be between " + std::to_string(minimum) + " and " +
                       std::to_string(maximum));
    }
    return static_cast<int>(value);
}

template <std::size_t N>
Result<std::vector<std::string>> idList(const json& object, const char* key,
                                        const std::string_view (&allowed)[N]) {
    if (!object.contains(key) || !object[key].is_array() || object[key].empty())
        return invalid(std::string(key) + " must be a non-empty array");
    std::vector<std::string> ids;
    for (const auto& item : object[key]) {
        if (!item.is_string() || !isOneOf(item.get<std::string>(), allowed))
            return invalid(std::string(key) + ": unknown entry " + item.dump());
        if (std::find(ids.begin(), ids.end(), item.get<std::string>()) != ids.end())
            return invalid(std::string(key) + ": " + item.dump() + " is listed twice");
        ids.push_back(item.get<std::string>());
    }
    return ids;
}

// "HH:MM" → minutes after midnight; -1 when malformed.
int minuteOfDay(const std::string& hhmm) {
    if (hhmm.size() != 5 || hhmm[2] != ':') return -1;
    for (std::size_t i : {0U, 1U, 3U, 4U}) {
        if (hhmm[i] < '0' || hhmm[i] > '9') return -1;
    }
    const int hours = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
    const int minutes = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
    if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) return -1;
    return hours * 60 + minutes;
}

double channel(int value) {
    const double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

Status readHospital(const json& root, Scene& scene) {
    if (!root.contains("hospital") || !root["hospital"].is_object())
        return invalid("hospital must be an object");
    const json& hospital = root["hospital"];
    if (auto keys = onlyKnownKeys(hospital, {"name", "name_en", "primary_color", "logo_png_base64"},
                                  "hospital");
        !keys)
        return keys;
    auto name = text(hospital, "name", "hospital", 120);
    if (!name) return name.error();
    auto nameEn = text(hospital, "name_en", "hospital", 200, false);
    if (!nameEn) return nameEn.error();
    auto color = text(hospital, "primary_color", "hospital", 7);
    if (!color) return color.error();
    const double contrast = contrastAgainstWhite(color.value());
    if (contrast == 0) return invalid("hospital.primary_color must be \"#RRGGBB\"");
    if (contrast < 4.5) {
        return invalid("hospital.primary_color " + color.value() +
                       " is too light for white text (WCAG AA needs 4.5:1)");
    }
    auto logo = text(hospital, "logo_png_base64", "hospital", 96 * 1024, false);
    if (!logo) return logo.error();
    // "iVBORw0KGgo" is the base64 of the PNG signature.
    if (!logo->empty() &&
        (logo->rfind("iVBORw0KGgo", 0) != 0 ||
         logo->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                 "0123456789+/=") != std::string::npos))
        return invalid("hospital.logo_png_base64 is not a base64 PNG");
    scene.hospitalName = name.value();
    scene.hospitalNameEn = nameEn.value();
    scene.primaryColor = color.value();
    scene.logoPngBase64 = logo.value();
    return {};
}

Status readTimeouts(const json& root, Scene& scene) {
    if (!root.contains("timeouts")) return {};
    const json& timeouts = root["timeouts"];
    if (!timeouts.is_object()) return invalid("timeouts must be an object");
    if (auto keys = onlyKnownKeys(timeouts, {"idle_s", "countdown_s", "farewell_s"}, "timeouts");
        !keys)
        return keys;
    // The same ranges as the kiosk's own settings (session.*).
    auto idle = integer(timeouts, "idle_s", "timeouts", 30, 600, 60);
    auto countdown = integer(timeouts, "countdown_s", "timeouts", 20, 120, 20);
    auto farewell = integer(timeouts, "farewell_s", "timeouts", 1, 30, 4);
    for (const auto* value : {&idle, &countdown, &farewell}) {
        if (!*value) return value->error();
    }
    if (countdown.value() >= idle.value())
        return invalid("timeouts.countdown_s must be shorter than timeouts.idle_s");
    scene.timeouts = {idle.value(), countdown.value(), farewell.value()};
    return {};
}

// What the kiosk tells a patient it cannot serve, and when it offers large text by itself.
Status readGuidance(const json& root, Scene& scene) {
    if (!root.contains("guidance")) return {};
    const json& guidance = root["guidance"];
    if (!guidance.is_object()) return invalid("guidance must be an object");
    if (auto keys = onlyKnownKeys(guidance, {"where_else", "where_else_en", "elder_mode_from_age"},
                                  "guidance");
        !keys)
        return keys;
    auto whereElse = text(guidance, "where_else", "guidance", 120, false);
    if (!whereElse) return whereElse.error();
    auto whereElseEn = text(guidance, "where_else_en", "guidance", 200, false);
    if (!whereElseEn) return whereElseEn.error();
    // 0: never by itself; otherwise an age a patient at a lobby kiosk can have.
    auto fromAge = integer(guidance, "elder_mode_from_age", "guidance", 0, 120, 0);
    if (!fromAge) return fromAge.error();
    scene.whereElse = whereElse.value();
    scene.whereElseEn = whereElseEn.value();
    scene.elderModeFromAge = fromAge.value();
    return {};
}

Status readOpeningHours(const json& root, Scene& scene) {
    if (!root.contains("opening_hours")) return {};
    const json& hours = root["opening_hours"];
    if (!hours.is_object()) return invalid("opening_hours must be an object");
    if (auto keys = onlyKnownKeys(hours, {"open", "close"}, "opening_hours"); !keys) return keys;
    auto open = text(hours, "open", "opening_hours", 5);
    auto close = text(hours, "close", "opening_hours", 5);
    if (!open) return open.error();
    if (!close) return close.error();
    const int opens = minuteOfDay(open.value()), closes = minuteOfDay(close.value());
    if (opens < 0 || closes < 0) return invalid("opening_hours must be \"HH:MM\"");
    if (opens >= closes) return invalid("opening_hours.open must be before opening_hours.close");
    scene.opensAt_min = opens;
    scene.closesAt_min = closes;
    return {};
}

}  // namespace

std::optional<std::int64_t> parseUtcTime(std::string_view text) {
    // Exactly "YYYY-MM-DDTHH:MM:SSZ": a signed time is never left to a parser's leniency.
    static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
    if (text.size() != kShape.size()) return std::nullopt;
    for (std::size_t i = 0; i < kShape.size(); ++i) {
        const bool digit = text[i] >= '0' && text[i] <= '9';
        if (kShape[i] == 'd' ? !digit : text[i] != kShape[i]) return std::nullopt;
    }
    const auto number = [&](std::size_t at, std::size_t length) {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i)
            value = value * 10 + (text[i] - '0');
        return value;
    };
    std::tm time{};
    time.tm_year = number(0, 4) - 1900;
    time.tm_mon = number(5, 2) - 1;
    time.tm_mday = number(8, 2);
    time.tm_hour = number(11, 2);
    time.tm_min = number(14, 2);
    time.tm_sec = number(17, 2);
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (year < 2000 || month < 1 || month > 12 || day < 1 || time.tm_hour > 23 ||
        time.tm_min > 59 || time.tm_sec > 59)
        return std::nullopt;
    const std::tm asGiven = time;
    const std::time_t seconds = timegm(&time);
    // timegm normalises 02-30 to 03-02: a date that moved did not exist.
    if (time.tm_mday != asGiven.tm_mday || time.tm_mon != asGiven.tm_mon) return std::nullopt;
    return static_cast<std::int64_t>(seconds);
}

bool Scene::offers(std::string_view function) const {
    return std::find(functions.begin(), functions.end(), function) != functions.end();
}

bool Scene::isOpenAt(int minute) const {
    return minute >= opensAt_min && minute < closesAt_min;
}

double contrastAgainstWhite(std::string_view hex) {
    if (hex.size() != 7 || hex[0] != '#') return 0;
    int rgb[3];
    for (int i = 0; i < 3; ++i) {
        int value = 0;
        for (char c : hex.substr(1 + 2 * i, 2)) {
            value *= 16;
            if (c >= '0' && c <= '9')
                value += c - '0';
            else if (c >= 'a' && c <= 'f')
                value += c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                value += c - 'A' + 10;
            else
                return 0;
        }
        rgb[i] = value;
    }
    const double luminance =
        0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
    return 1.05 / (luminance + 0.05);
}

Result<Scene> parseScene(std::string_view bytes) {
    if (bytes.size() > kMaxSceneBytes) {
        return makeError(ErrorKind::InvalidConfig, "scene.too_large",
                         "the scene is larger than " + std::to_string(kMaxSceneBytes) + " bytes");
    }
    const json root = json::parse(bytes, nullptr, false);
    if (root.is_discarded() || !root.is_object())
        return makeError(ErrorKind::InvalidConfig, "scene.not_json",
                         "the scene is not a JSON object");
    if (auto keys = onlyKnownKeys(root,
                                  {"schema_version", "version", "group", "not_after", "scene_type",
                                   "hospital", "functions", "timeouts", "voice_guidance", "slip",
                                   "payment_methods", "opening_hours", "guidance"},
                                  "scene");
        !keys)
        return keys.error();
    if (!root.contains("schema_version") || root["schema_version"] != kSceneSchemaVersion)
        return invalid("schema_version must be " + std::to_string(kSceneSchemaVersion));
    // The parser reads every non-negative integer as unsigned: a negative one is refused here too.
    const bool versionInRange = root.contains("version") && root["version"].is_number_unsigned() &&
                                root["version"].get<unsigned long long>() >= 1 &&
                                root["version"].get<unsigned long long>() <=
                                    static_cast<unsigned long long>(kMaxSceneVersion);
    if (!versionInRange)
        return invalid("version must be an integer from 1 to " + std::to_string(kMaxSceneVersion));

    Scene scene;
    scene.version = root["version"].get<long long>();
    auto group = text(root, "group", "scene", 64);
    if (!group) return group.error();
    if (group.value().find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                        "0123456789_-") != std::string::npos)
        return invalid("group must be letters, digits, '_' and '-'");
    scene.group = group.value();
    auto notAfter = text(root, "not_after", "scene", 20);
    if (!notAfter) return notAfter.error();
    const auto expiry = parseUtcTime(notAfter.value());
    if (!expiry) return invalid("not_after must be a UTC time, \"YYYY-MM-DDTHH:MM:SSZ\"");
    scene.notAfter_s = *expiry;
    auto type = text(root, "scene_type", "scene", 40);
    if (!type) return type.error();
    if (!isOneOf(type.value(), kKnownSceneTypes))
        return invalid("scene_type \"" + type.value() + "\" is not a known scene type");
    scene.type = type.value();
    if (auto hospital = readHospital(root, scene); !hospital) return hospital.error();
    auto functions = idList(root, "functions", kKnownFunctions);
    if (!functions) return functions.error();
    scene.functions = functions.value();
    auto methods = idList(root, "payment_methods", kKnownPaymentMethods);
    if (!methods) return methods.error();
    scene.paymentMethods = methods.value();
    if (auto timeouts = readTimeouts(root, scene); !timeouts) return timeouts.error();
    if (auto hours = readOpeningHours(root, scene); !hours) return hours.error();
    if (auto guidance = readGuidance(root, scene); !guidance) return guidance.error();
    if (root.contains("voice_guidance")) {
        if (!root["voice_guidance"].is_boolean())
            return invalid("voice_guidance must be true or false");
        scene.voiceGuidance = root["voice_guidance"].get<bool>();
    }
    if (root.contains("slip")) {
        if (!root["slip"].is_object()) return invalid("slip must be an object");
        if (auto keys = onlyKnownKeys(root["slip"], {"footer"}, "slip"); !keys) return keys.error();
        auto footer = text(root["slip"], "footer", "slip", 120, false);
        if (!footer) return footer.error();
        scene.slipFooter = footer.value();
    }
    return scene;
}

}  // namespace lobby::scene
