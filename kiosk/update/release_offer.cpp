#include "update/release_offer.h"

#include <algorithm>

#include "update/debian_version.h"
#include "update/strict_json.h"

namespace lobby::update {
namespace {

Error refused(ErrorKind kind, const std::string& code, const std::string& why) {
    return makeError(kind, "update." + code, why);
}

bool isIdentifier(std::string_view text) {
    return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.';
    });
}

}  // namespace

int minuteOfDay(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return -1;
    for (std::size_t i : {0u, 1u, 3u, 4u}) {
        if (text[i] < '0' || text[i] > '9') return -1;
    }
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (hours > 23 || minutes > 59) return -1;
    return hours * 60 + minutes;
}

bool InstallWindow::contains(int minute) const {
    if (from_min == to_min) return true;
    if (from_min < to_min) return minute >= from_min && minute < to_min;
    return minute >= from_min || minute < to_min;
}

Result<Assignment> parseAssignment(std::string_view bytes) {
    const std::string where = "the assignment";
    if (bytes.size() > kMaxAssignmentBytes)
        return refused(ErrorKind::InvalidConfig, "assignment_invalid", where + " is too large");
    auto document = parseObject(bytes, "update.assignment_invalid", where);
    if (!document) return document.error();
    const auto& root = *document;
    if (auto keys = onlyKeys(root,
                             {"format", "terminal_id", "rollout_id", "manifest_sha256", "window",
                              "issued_at", "expires_at"},
                             where);
        !keys)
        return keys.error();
    if (auto format = requiredInteger(root, "format", 1, 1, where); !format) return format.error();
    Assignment assignment;
    auto terminal = requiredString(root, "terminal_id", where, 64);
    auto rollout = requiredString(root, "rollout_id", where, 64);
    auto sha = requiredString(root, "manifest_sha256", where, 64);
    for (const auto* field : {&terminal, &rollout, &sha}) {
        if (!*field) return field->error();
    }
    if (!isIdentifier(*terminal) || !isIdentifier(*rollout))
        return refused(ErrorKind::InvalidConfig, "assignment_invalid",
                       "terminal_id and rollout_id must be plain identifiers");
    if (!isSha256Hex(*sha))
        return refused(ErrorKind::InvalidConfig, "assignment_invalid",
                       "manifest_sha256 is not 64 lowercase hex digits");
    assignment.terminalId = *terminal;
    assignment.rolloutId = *rollout;
    assignment.manifestSha256 = *sha;
    const auto window = root.find("window");
    if (window == root.end() || !window->is_object())
        return refused(ErrorKind::InvalidConfig, "assignment_invalid", "window is missing");
    if (auto keys = onlyKeys(*window, {"from", "to"}, "window"); !keys) return keys.error();
    auto from = requiredString(*window, "from", "window", 5);
    auto to = requiredString(*window, "to", "window", 5);
    if (!from || !to || minuteOfDay(*from) < 0 || minuteOfDay(*to) < 0)
        return refused(ErrorKind::InvalidConfig, "assignment_invalid",
                       "window.from and window.to must be HH:MM");
    assignment.window = {minuteOfDay(*from), minuteOfDay(*to)};
    auto issued = requiredInteger(root, "issued_at", 1, kMaxCounter, where);
    auto expires = requiredInteger(root, "expires_at", 1, kMaxCounter, where);
    if (!issued) return issued.error();
    if (!expires) return expires.error();
    if (*expires <= *issued || *expires - *issued > kMaxAssignmentLifetime_s)
        return refused(ErrorKind::InvalidConfig, "assignment_invalid",
                       "expires_at must be after issued_at, by at most 30 days");
    assignment.issuedAt_s = *issued;
    assignment.expiresAt_s = *expires;
    return assignment;
}

Result<VerifiedRelease> checkOffer(const Offer& offer, const KioskFacts& kiosk,
                                   const std::string& trustDirectory) {
    if (auto key = verifySignatureByRole(offer.assignmentBytes, offer.assignmentSignature,
                                         trustDirectory, kPlatformKeyRole, "assignment");
        !key)
        return key.error();
    auto assignment = parseAssignment(offer.assignmentBytes);
    if (!assignment) return assignment.error();
    if (assignment->terminalId != kiosk.terminalId)
        return refused(ErrorKind::InvalidArgument, "wrong_terminal",
                       "the assignment is for terminal " + assignment->terminalId);
    if (kiosk.now_s >= assignment->expiresAt_s)
        return refused(ErrorKind::InvalidArgument, "assignment_expired",
                       "the assignment expired at " + std::to_string(assignment->expiresAt_s));
    if (kiosk.now_s + kClockSkew_s < assignment->issuedAt_s)
        return refused(ErrorKind::InvalidArgument, "assignment_from_future",
                       "the assignment was issued after this kiosk's clock");

    const std::string manifestSha = sha256Hex(offer.manifestBytes);
    if (manifestSha != assignment->manifestSha256)
        return refused(ErrorKind::InvalidArgument, "hash_mismatch",
                       "the manifest is not the one the assignment names");
    if (auto key =
            verifyManifestSignature(offer.manifestBytes, offer.manifestSignature, trustDirectory);
        !key)
        return key.error();
    auto manifest = parseReleaseManifest(offer.manifestBytes);
    if (!manifest) return manifest.error();
    if (manifest->counter <= kiosk.counterFloor)
        return refused(ErrorKind::InvalidArgument, "counter_back",
                       "release counter " + std::to_string(manifest->counter) + " is not above " +
                           std::to_string(kiosk.counterFloor) + ", installed here before");
    const auto& types = manifest->sceneTypes;
    if (std::find(types.begin(), types.end(), kiosk.sceneType) == types.end())
        return refused(
            ErrorKind::InvalidArgument, "wrong_scene_type",
            "release " + manifest->release + " is not for scene type \"" + kiosk.sceneType + "\"");
    const auto& main = manifest->mainPackage();
    if (kiosk.installedVersion.empty() ||
        compareDebianVersions(kiosk.installedVersion, manifest->minVersion) < 0)
        return refused(ErrorKind::InvalidArgument, "below_min_version",
                       main.name + " " +
                           (kiosk.installedVersion.empty()
                                ? "is not installed"
                                : kiosk.installedVersion + " is below the release's minimum " +
                                      manifest->minVersion));
    if (compareDebianVersions(kiosk.installedVersion, main.version) >= 0)
        return refused(
            ErrorKind::InvalidArgument, "not_newer",
            main.name + " " + kiosk.installedVersion + " is not older than " + main.version);
    if (kiosk.failedManifests.count(manifestSha))
        return refused(ErrorKind::InvalidArgument, "failed_here_before",
                       "release " + manifest->release + " was rolled back on this kiosk");
    return VerifiedRelease{std::move(manifest.value()), std::move(assignment.value()), manifestSha};
}

}  // namespace lobby::update
