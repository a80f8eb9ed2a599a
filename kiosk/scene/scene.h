#pragma once
// A scene config: what central admins decide about a group of kiosks (which functions they
// offer, the hospital's name and colour, timeouts, voice guidance, payment methods, opening
// hours). The format is config/schema/scene.schema.json; parseScene() is its one reader, strict
// (an unknown key is refused, so a typo never silently does nothing). Qt-free.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace lobby::scene {

inline constexpr int kSceneSchemaVersion = 1;
inline constexpr std::size_t kMaxSceneBytes = 256 * 1024;

struct SceneTimeouts {
    int idle_s = 60;
    int countdown_s = 20;
    int farewell_s = 4;
};

// The largest version a scene may carry (JSON's safe integers), and how far one scene may jump
// past the last applied: a typo of 9223372036854775807 would otherwise block every later scene.
inline constexpr long long kMaxSceneVersion = 9'007'199'254'740'991;
inline constexpr long long kMaxVersionJump = 1'000'000;

struct Scene {
    long long version = 0;        // only ever moves up; a kiosk refuses an older or equal one
    std::string group;            // the group of kiosks it was signed for; others refuse it
    std::int64_t notAfter_s = 0;  // seconds since the epoch (UTC) after which it is refused
    std::string type;             // "outpatient_lobby", "inpatient", "report_printing"
    std::string hospitalName, hospitalNameEn;
    std::string primaryColor;            // "#RRGGBB", at least 4.5:1 against white text
    std::string logoPngBase64;           // may be empty
    std::vector<std::string> functions;  // ids from kKnownFunctions, in menu order
    SceneTimeouts timeouts;
    bool voiceGuidance = false;
    std::string slipFooter;
    std::vector<std::string> paymentMethods;
    int opensAt_min = 0, closesAt_min = 24 * 60;  // minutes after local midnight
    // Where a patient goes when this kiosk cannot serve them ("请到人工窗口或 3 号机"); empty: the
    // service desk. Shown as plain text.
    std::string whereElse, whereElseEn;
    int elderModeFromAge = 0;  // large text (and voice) for a patient this old; 0: never

    bool offers(std::string_view function) const;
    bool isOpenAt(int minuteOfDay) const;
};

inline constexpr std::string_view kKnownFunctions[] = {"pickup", "register",    "book",
                                                       "cancel", "my_bookings", "bills"};
inline constexpr std::string_view kKnownPaymentMethods[] = {"wechat", "alipay", "unionpay",
                                                            "insurance"};
inline constexpr std::string_view kKnownSceneTypes[] = {"outpatient_lobby", "inpatient",
                                                        "report_printing"};

// Parses and validates a scene's bytes. Errors are InvalidConfig with code "scene.invalid" (or
// "scene.not_json", "scene.too_large") and a message naming the offending key.
Result<Scene> parseScene(std::string_view bytes);

// "2027-06-30T23:59:59Z" as seconds since the epoch; nothing when malformed or impossible.
std::optional<std::int64_t> parseUtcTime(std::string_view text);

// WCAG contrast ratio of "#RRGGBB" against white; 0 when the colour is malformed.
double contrastAgainstWhite(std::string_view hexColor);

}  // namespace lobby::scene
