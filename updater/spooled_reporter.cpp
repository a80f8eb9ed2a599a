#include "updater/spooled_reporter.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "common/file_text.h"

namespace lobby::updater {
namespace {

constexpr std::size_t kMaxSpool_bytes = 1024 * 1024;

std::vector<std::string> spooled(const std::string& path) {
    std::vector<std::string> lines;
    // Not a link, not a device: root reads only its own regular file.
    auto bytes = readSmallFile(path, kMaxSpool_bytes);
    std::istringstream text(bytes ? bytes.value() : std::string());
    for (std::string line; std::getline(text, line);) {
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

void keep(const std::string& path, const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines)
        text += line + "\n";
    (void)writeFileAtomically(std::filesystem::path(path).parent_path().string(), path, text, 0600);
}

bool unreachable(const Error& error) {
    return error.kind == ErrorKind::Timeout || error.kind == ErrorKind::Unavailable ||
           error.code.rfind("platform.", 0) == 0 || error.code == "unavailable";
}

}  // namespace

std::string eventJson(const update::UpdateEvent& event) {
    nlohmann::json body = {{"rollout_id", event.rolloutId},
                           {"phase", std::string(update::toString(event.phase))},
                           {"ok", event.ok},
                           {"error_code", event.errorCode},
                           {"from_version", event.fromVersion},
                           {"to_version", event.toVersion},
                           {"phase_ms", std::max<std::int64_t>(0, event.phase_ms)},
                           {"out_of_service_ms", std::max<std::int64_t>(0, event.outOfService_ms)},
                           {"log_tail", event.logTail.substr(0, 400)}};
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void SpooledReporter::report(const update::UpdateEvent& event) {
    auto lines = spooled(spool_);
    lines.push_back(eventJson(event));
    if (lines.size() > kMaxSpooled)
        lines.erase(lines.begin(), lines.end() - static_cast<std::ptrdiff_t>(kMaxSpooled));
    keep(spool_, lines);
    flush();
}

std::size_t SpooledReporter::flush() {
    auto lines = spooled(spool_);
    std::size_t sent = 0;
    for (; sent < lines.size(); ++sent) {
        auto delivered = send_(lines[sent]);
        if (!delivered && unreachable(delivered.error())) break;
        // Delivered, or refused for good (the platform will never take it): not sent again.
    }
    if (sent > 0) keep(spool_, {lines.begin() + static_cast<std::ptrdiff_t>(sent), lines.end()});
    return lines.size() - sent;
}

}  // namespace lobby::updater
