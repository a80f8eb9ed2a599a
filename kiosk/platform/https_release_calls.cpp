// The platform client's release calls (docs/platform-api.yaml, tag releases): the admins'
// packages and rollouts, and the offer a terminal's updater polls for.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "platform/call_helpers.h"
#include "platform/https_platform_client.h"

namespace lobby::platform {
namespace {

// A .deb's file name as it may go into a path: the rule of update::isDebFileName (the manifest's),
// which this layer may not include: at most 128 bytes, no "..", no leading dot.
bool isPackageFileName(const std::string& file) {
    return file.size() > 4 && file.size() <= 128 && file.compare(file.size() - 4, 4, ".deb") == 0 &&
           file.front() != '.' && file.find("..") == std::string::npos &&
           std::all_of(file.begin(), file.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '+' ||
                      c == '~' || c == '_' || c == '-';
           });
}

}  // namespace

Status HttpsPlatformClient::putPackage(const std::string& file, const std::string& bytes) {
    if (!isPackageFileName(file)) return badId("package file");
    // The same bytes again change nothing on the platform, so a retry is safe.
    auto reply = call("PUT", "/v1/packages/" + file, bytes, "", true, {},
                      {"application/vnd.debian.binary-package", nullptr, 0});
    if (!reply) return reply.error();
    return {};
}

Result<RolloutStatus> HttpsPlatformClient::publishRollout(const std::string& requestJson) {
    // Not retried: a publish repeated after a lost reply would start a second rollout.
    return decoded(call("POST", "/v1/rollouts", requestJson, "", false), replies::rollout);
}

Result<std::vector<RolloutStatus>> HttpsPlatformClient::rollouts() {
    return decoded(call("GET", "/v1/rollouts", "", "", true), replies::rollouts);
}

Result<RolloutStatus> HttpsPlatformClient::rollout(const std::string& rolloutId) {
    if (!isPathSafe(rolloutId)) return badId("rollout");
    return decoded(call("GET", "/v1/rollouts/" + rolloutId, "", "", true), replies::rollout);
}

Result<RolloutStatus> HttpsPlatformClient::changeRollout(const std::string& rolloutId,
                                                         const std::string& action,
                                                         const std::string& reason) {
    if (!isPathSafe(rolloutId)) return badId("rollout");
    if (action != "pause" && action != "resume" && action != "advance")
        return makeError(ErrorKind::InvalidArgument, "platform.bad_action",
                         "a rollout is paused, resumed or advanced");
    nlohmann::json body = nlohmann::json::object();
    if (!reason.empty()) body["reason"] = reason;
    // Pausing or resuming twice is the same; advancing is not, so it is not retried.
    return decoded(call("POST", "/v1/rollouts/" + rolloutId + "/" + action, body.dump(), "",
                        action != "advance"),
                   replies::rollout);
}

Result<std::optional<ReleaseOfferReply>> HttpsPlatformClient::releaseOffer() {
    auto reply = call("GET", "/v1/terminals/self/release", "", "", true);
    if (!reply) return reply.error();
    if (reply->status == 204) return std::optional<ReleaseOfferReply>();
    auto offer = replies::releaseOffer(reply->body);
    if (!offer) return offer.error();
    return std::optional<ReleaseOfferReply>(std::move(offer.value()));
}

Status HttpsPlatformClient::downloadPackage(const std::string& file, const std::string& destination,
                                            std::int64_t maxBytes) {
    if (!isPackageFileName(file)) return badId("package file");
    // A new file of our own: never one planted in its place (O_EXCL, no link followed).
    const int fd =
        ::open(destination.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        return makeError(ErrorKind::Io, "platform.download",
                         "cannot create " + destination + ": " + std::strerror(errno));
    }
    std::FILE* sink = ::fdopen(fd, "w+b");
    if (!sink) {
        ::close(fd);
        return makeError(ErrorKind::Io, "platform.download", "cannot open " + destination);
    }
    auto reply = call("GET", "/v1/terminals/self/packages/" + file, "", "", true, {},
                      {"application/json", sink, maxBytes});
    const bool written = std::fflush(sink) == 0 && ::fsync(::fileno(sink)) == 0;
    std::fclose(sink);
    if (reply && written) return {};
    ::unlink(destination.c_str());  // ours, made above: nothing half downloaded is left
    if (!reply) return reply.error();
    return makeError(ErrorKind::Io, "platform.download", "cannot write " + destination);
}

Status HttpsPlatformClient::postUpdateEvent(const std::string& eventJson) {
    // Recording the same event twice only repeats the terminal's last step: safe to retry.
    auto reply = call("POST", "/v1/terminals/self/update-events", eventJson, "", true);
    if (!reply) return reply.error();
    return {};
}

}  // namespace lobby::platform
