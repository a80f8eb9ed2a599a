#pragma once
// What the platform offers one kiosk: a release manifest (signed offline by a release key) and an
// assignment of it to this terminal (signed online by the platform's key: the manifest's hash, the
// rollout, when to install, until when). checkOffer() is the one gate before anything is
// downloaded: both signatures verify, the assignment is this terminal's and current, it names
// this manifest, the release is for this kiosk's scene type, the installed version is at least
// its minimum and below its own, its counter is above every release installed here, and it is not
// one that failed here before. Qt-free.

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "common/error.h"
#include "update/release_manifest.h"

namespace lobby::update {

inline constexpr std::size_t kMaxAssignmentBytes = 4 * 1024;
inline constexpr std::int64_t kMaxAssignmentLifetime_s = 30LL * 24 * 3600;
inline constexpr std::int64_t kClockSkew_s = 300;

// Local minutes after midnight in which installing may start; from == to: at any time. A window
// whose end is before its start runs over midnight (23:00-05:00).
struct InstallWindow {
    int from_min = 0, to_min = 0;
    bool contains(int minuteOfDay) const;
};

// "HH:MM" into minutes after midnight; -1 when it is not a time of day.
int minuteOfDay(std::string_view text);

struct Assignment {
    std::string terminalId;
    std::string rolloutId;
    std::string manifestSha256;
    InstallWindow window;
    std::int64_t issuedAt_s = 0, expiresAt_s = 0;
};

Result<Assignment> parseAssignment(std::string_view bytes);

struct Offer {
    std::string manifestBytes, manifestSignature;
    std::string assignmentBytes, assignmentSignature;
};

// What the kiosk knows of itself when it judges an offer.
struct KioskFacts {
    std::string terminalId;
    std::string sceneType;                  // the applied scene's type
    std::string installedVersion;           // of the manifest's main package; empty: not installed
    std::int64_t counterFloor = 0;          // the highest release counter installed here
    std::set<std::string> failedManifests;  // sha256 of releases rolled back here
    std::int64_t now_s = 0;
};

struct VerifiedRelease {
    ReleaseManifest manifest;
    Assignment assignment;
    std::string manifestSha256;
};

Result<VerifiedRelease> checkOffer(const Offer& offer, const KioskFacts& kiosk,
                                   const std::string& trustDirectory);

}  // namespace lobby::update
