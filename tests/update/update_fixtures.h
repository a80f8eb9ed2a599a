#pragma once
// Keys, manifests and assignments for the updater's unit tests: a scratch trust directory with a
// release key and a platform key, and documents signed by them. Each test builds what it needs.

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "scene/scene_signature.h"
#include "update/release_offer.h"

namespace lobby::update::testing {

inline std::string scratchDirectory(const std::string& name) {
    auto path = std::filesystem::temp_directory_path() /
                ("lobby-update-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
    return path.string();
}

// A trust directory with release/ and platform/ keys, and the private keys to sign with.
struct Signers {
    std::string trust, releaseKey, platformKey, otherKey;

    explicit Signers(const std::string& root) : trust(root + "/trust") {
        std::filesystem::create_directories(trust + "/release");
        std::filesystem::create_directories(trust + "/platform");
        releaseKey = root + "/release.key";
        platformKey = root + "/platform.key";
        otherKey = root + "/other.key";
        (void)scene::generateAdminKey(releaseKey, trust + "/release/release.pem");
        (void)scene::generateAdminKey(platformKey, trust + "/platform/platform.pem");
        (void)scene::generateAdminKey(otherKey, root + "/other.pem");
    }

    static std::string sign(const std::string& bytes, const std::string& key) {
        auto signature = scene::signScene(bytes, key);
        return signature ? signature.value() : std::string();
    }
};

inline nlohmann::json manifestJson(const std::string& version = "1.1.0", std::int64_t counter = 2) {
    return {{"format", 1},
            {"release", version},
            {"counter", counter},
            {"scene_types", {"outpatient_lobby", "inpatient"}},
            {"min_version", "1.0.0"},
            {"packages",
             {{{"name", "lobby-kiosk"},
               {"version", version},
               {"file", "lobby-kiosk_" + version + "_amd64.deb"},
               {"sha256", std::string(64, 'a')},
               {"size", 1000}}}}};
}

inline nlohmann::json assignmentJson(const std::string& manifestBytes, std::int64_t now_s,
                                     const std::string& terminal = "T-0001") {
    return {{"format", 1},
            {"terminal_id", terminal},
            {"rollout_id", "r-1"},
            {"manifest_sha256", sha256Hex(manifestBytes)},
            {"window", {{"from", "00:00"}, {"to", "00:00"}}},
            {"issued_at", now_s - 60},
            {"expires_at", now_s + 86400}};
}

// A release as checkOffer hands it to the install machine: the manifest as given, rollout
// "r-VERSION", an assignment expiring at `expiresAt_s`, installable at any time of day.
inline VerifiedRelease verifiedRelease(const nlohmann::json& manifestJson,
                                       std::int64_t expiresAt_s) {
    auto manifest = parseReleaseManifest(manifestJson.dump());
    if (!manifest)
        throw std::runtime_error("a test manifest is invalid: " + manifest.error().message);
    VerifiedRelease verified{manifest.value(), {}, sha256Hex(manifestJson.dump())};
    verified.assignment.rolloutId = "r-" + verified.manifest.release;
    verified.assignment.expiresAt_s = expiresAt_s;
    return verified;
}

inline Offer signedOffer(const Signers& signers, const std::string& manifest,
                         const std::string& assignment) {
    return {manifest, Signers::sign(manifest, signers.releaseKey), assignment,
            Signers::sign(assignment, signers.platformKey)};
}

}  // namespace lobby::update::testing
