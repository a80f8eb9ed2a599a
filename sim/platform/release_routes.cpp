// The sandbox's release routes (docs/platform-api.yaml, tag releases): admins upload packages,
// publish rollouts and pause, resume or advance them; terminals poll for their assignment,
// download the packages of a release assigned to them, and report each update step. The board
// behind them is release_board.*.
#include <httplib.h>

#include <fstream>
#include <sstream>

#include "sim/platform/http_replies.h"
#include "sim/platform/platform_server.h"
#include "sim/platform/release_board.h"

namespace lobby::sim {
namespace {

using namespace http;

constexpr const char* kRolloutId = R"((R-[0-9a-f]{12}))";

json rolloutJson(const RolloutView& view) {
    json terminals = json::array();
    for (const auto& [terminal, event] : view.terminals) {
        terminals.push_back(updateStepJson(event, "terminal_id", terminal));
    }
    return {{"rollout_id", view.id},
            {"scene_type", view.sceneType},
            {"release", view.release},
            {"counter", view.counter},
            {"published_at", view.publishedAt},
            {"window", {{"from", view.windowFrom}, {"to", view.windowTo}}},
            {"stage", view.stage},
            {"stage_count", view.stageCount},
            {"paused", view.paused},
            {"pause_reason", view.pauseReason},
            {"installing", view.installing},
            {"committed", view.committed},
            {"rolled_back", view.rolledBack},
            {"abandoned", view.abandoned},
            {"terminals", terminals}};
}

bool refuseUnlessAdmin(const httplib::Request& request, httplib::Response& response) {
    if (peerIsAdmin(request)) return false;
    sendError(response, 403, "not_admin", "无权操作", "Only an administrator may manage releases");
    return true;
}

void sendBoardRefusal(httplib::Response& response, const Error& error) {
    if (error.code == "invalid_request")
        return sendError(response, 400, "invalid_request", "请求无效", error.message);
    if (error.code == "package_exists" || error.code == "package_missing" ||
        error.code == "last_stage")
        return sendError(response, 409, error.code, "与现有发布冲突", error.message);
    sendRefusal(response, error);
}

// Stages as the contract has them: {"canaries": [...]} or {"percent": N}.
std::optional<std::vector<RolloutStage>> stagesFrom(const json& list) {
    if (!list.is_array()) return std::nullopt;
    std::vector<RolloutStage> stages;
    for (const auto& item : list) {
        if (!item.is_object() || item.size() != 1) return std::nullopt;
        RolloutStage stage;
        if (item.contains("percent") && item["percent"].is_number_integer()) {
            const auto percent = item["percent"].get<long long>();
            if (percent < 1 || percent > 100) return std::nullopt;
            stage.percent = static_cast<int>(percent);
        } else if (item.contains("canaries") && item["canaries"].is_array()) {
            for (const auto& name : item["canaries"]) {
                if (!name.is_string() || name.get<std::string>().empty() ||
                    name.get<std::string>().size() > 64)
                    return std::nullopt;
                stage.canaries.push_back(name.get<std::string>());
            }
        } else {
            return std::nullopt;
        }
        stages.push_back(std::move(stage));
    }
    return stages;
}

std::optional<UpdateEventRow> eventFrom(const json& body) {
    static const std::vector<std::string> kPhases = {
        "accepted", "downloaded", "leased", "installed", "committed", "rolled_back", "abandoned"};
    UpdateEventRow event;
    const auto text = [&](const char* key, std::string& into, std::size_t most) {
        if (!body.contains(key)) return true;
        if (!body[key].is_string() || body[key].get<std::string>().size() > most) return false;
        into = body[key].get<std::string>();
        return true;
    };
    const auto number = [&](const char* key, std::int64_t& into) {
        if (!body.contains(key)) return true;
        if (!body[key].is_number_integer()) return false;
        into = body[key].get<std::int64_t>();
        return into >= 0 && into <= 30LL * 24 * 3600 * 1000;
    };
    if (!body.contains("ok") || !body["ok"].is_boolean()) return std::nullopt;
    event.ok = body["ok"].get<bool>();
    if (!text("rollout_id", event.rolloutId, 64) || !text("phase", event.phase, 16) ||
        !text("error_code", event.errorCode, 64) || !text("from_version", event.fromVersion, 64) ||
        !text("to_version", event.toVersion, 64) || !text("log_tail", event.logTail, 400) ||
        !number("phase_ms", event.phase_ms) || !number("out_of_service_ms", event.outOfService_ms))
        return std::nullopt;
    if (std::find(kPhases.begin(), kPhases.end(), event.phase) == kPhases.end())
        return std::nullopt;
    return event;
}

}  // namespace

FleetTerminal PlatformServer::fleetTerminal(const std::string& terminalId) {
    FleetTerminal terminal{terminalId, "", ""};
    auto scene = store_.sceneFor(terminalId);
    if (!scene) return terminal;
    // The group stands for the hospital: at most N of its kiosks install at once.
    terminal.hospitalId = scene->group;
    const json stored = json::parse(scene->body, nullptr, false);
    if (!stored.is_object() || !stored.contains("scene_json") || !stored["scene_json"].is_string())
        return terminal;
    const json parsed = json::parse(stored["scene_json"].get<std::string>(), nullptr, false);
    if (parsed.is_object() && parsed.contains("scene_type") && parsed["scene_type"].is_string())
        terminal.sceneType = parsed["scene_type"].get<std::string>();
    return terminal;
}

void PlatformServer::releaseRoutes() {
    // A package comes chunked (no body of the contract but this passes httplib's 64 KiB limit)
    // and is taken in whole before anything is answered, so the connection stays in step.
    server_->Put(
        R"(/v1/packages/([A-Za-z0-9][A-Za-z0-9.+~_-]{0,159}))",
        [this](const httplib::Request& request, httplib::Response& response,
               const httplib::ContentReader& content) {
            std::string bytes;
            bool tooLarge = false;
            const bool admin = peerIsAdmin(request);
            content([&](const char* data, std::size_t size) {
                if (bytes.size() + size > static_cast<std::size_t>(kMaxUploadedPackageBytes)) {
                    tooLarge = true;
                    return false;
                }
                if (admin) bytes.append(data, size);
                return true;
            });
            if (peerCommonName(request).empty()) {
                return sendError(response, 401, "certificate_required", "终端未认证",
                                 "This call needs the terminal's client certificate");
            }
            if (refuseUnlessAdmin(request, response)) return;
            if (tooLarge) {
                response.set_header("Connection", "close");
                return sendError(response, 413, "too_large", "请求过大",
                                 "A package is at most 512 MiB");
            }
            if (auto stored = releases_->storePackage(request.matches[1], bytes); !stored)
                return sendBoardRefusal(response, stored.error());
            response.status = 204;
        });
    post("/v1/rollouts", [this](const httplib::Request& request, httplib::Response& response) {
        if (refuseUnlessAdmin(request, response)) return;
        auto body =
            parseBody(request, response, {"scene_type", "manifest_json", "signature_base64"});
        if (!body) return;
        RolloutRequest rollout;
        rollout.sceneType = (*body)["scene_type"];
        rollout.manifestJson = (*body)["manifest_json"];
        rollout.manifestSignature = (*body)["signature_base64"];
        auto stages = stagesFrom(body->value("stages", json()));
        bool valid = stages.has_value();
        if (stages) rollout.stages = *stages;
        const auto integer = [&](const char* key, int& into) {
            if (!body->contains(key)) return;
            const auto& value = (*body)[key];
            if (!value.is_number_integer() || value.get<long long>() < 1 ||
                value.get<long long>() > 10'000)
                valid = false;
            else
                into = value.get<int>();
        };
        integer("max_concurrent_per_hospital", rollout.policy.maxConcurrentPerHospital);
        integer("min_outcomes_before_pause", rollout.policy.minOutcomesBeforePause);
        if (body->contains("pause_at_failure_share")) {
            const auto& share = (*body)["pause_at_failure_share"];
            if (!share.is_number())
                valid = false;
            else
                rollout.policy.pauseAtFailureShare = share.get<double>();
        }
        if (body->contains("window")) {
            const auto& window = (*body)["window"];
            if (!window.is_object() || !window.value("from", json()).is_string() ||
                !window.value("to", json()).is_string())
                valid = false;
            else {
                rollout.windowFrom = window["from"];
                rollout.windowTo = window["to"];
            }
        }
        if (!valid) {
            return sendError(response, 400, "invalid_request", "请求无效",
                             "stages, window or a rollout limit is not as the contract says");
        }
        auto published = releases_->publish(rollout, Clock::to_time_t(now()));
        if (!published) return sendBoardRefusal(response, published.error());
        sendJson(response, rolloutJson(published.value()), 201);
    });
    server_->Get("/v1/rollouts",
                 [this](const httplib::Request& request, httplib::Response& response) {
                     if (refuseUnlessAdmin(request, response)) return;
                     json list = json::array();
                     for (const auto& view : releases_->rollouts())
                         list.push_back(rolloutJson(view));
                     sendJson(response, {{"rollouts", list}});
                 });
    server_->Get(std::string("/v1/rollouts/") + kRolloutId,
                 [this](const httplib::Request& request, httplib::Response& response) {
                     if (refuseUnlessAdmin(request, response)) return;
                     auto view = releases_->rollout(request.matches[1]);
                     if (!view) return sendBoardRefusal(response, view.error());
                     sendJson(response, rolloutJson(view.value()));
                 });
    post((std::string("/v1/rollouts/") + kRolloutId + "/(pause|resume|advance)").c_str(),
         [this](const httplib::Request& request, httplib::Response& response) {
             if (refuseUnlessAdmin(request, response)) return;
             const json body = json::parse(request.body, nullptr, false);
             if (!body.is_object() ||
                 (body.contains("reason") && (!body["reason"].is_string() ||
                                              body["reason"].get<std::string>().size() > 200))) {
                 return sendError(response, 400, "invalid_request", "请求无效",
                                  "The body is a JSON object, with at most a reason");
             }
             const std::string id = request.matches[1], action = request.matches[2];
             auto view = action == "pause"    ? releases_->pause(id, body.value("reason", ""))
                         : action == "resume" ? releases_->resume(id)
                                              : releases_->advance(id);
             if (!view) return sendBoardRefusal(response, view.error());
             sendJson(response, rolloutJson(view.value()));
         });

    server_->Get("/v1/terminals/self/release", [this](const httplib::Request& request,
                                                      httplib::Response& response) {
        auto offer =
            releases_->offerFor(fleetTerminal(peerCommonName(request)), Clock::to_time_t(now()));
        if (!offer) return sendRefusal(response, offer.error());
        if (!offer.value()) {
            response.status = 204;
            return;
        }
        const auto& given = *offer.value();
        sendJson(response, {{"manifest_json", given.manifestJson},
                            {"manifest_signature_base64", given.manifestSignature},
                            {"assignment_json", given.assignmentJson},
                            {"assignment_signature_base64", given.assignmentSignature}});
    });
    server_->Get(R"(/v1/terminals/self/packages/([A-Za-z0-9][A-Za-z0-9.+~_-]{0,159}))",
                 [this](const httplib::Request& request, httplib::Response& response) {
                     auto path = releases_->packageFor(peerCommonName(request), request.matches[1]);
                     if (!path) return sendRefusal(response, path.error());
                     std::ifstream in(path.value(), std::ios::binary);
                     std::ostringstream bytes;
                     bytes << in.rdbuf();
                     if (!in) {
                         return sendError(response, 503, "unavailable", "服务暂不可用",
                                          "The package cannot be read", true);
                     }
                     response.status = 200;
                     response.set_content(bytes.str(), "application/vnd.debian.binary-package");
                 });
    post("/v1/terminals/self/update-events",
         [this](const httplib::Request& request, httplib::Response& response) {
             auto body = parseBody(request, response, {"rollout_id", "phase"});
             if (!body) return;
             auto event = eventFrom(*body);
             if (!event) {
                 return sendError(response, 400, "invalid_request", "请求无效",
                                  "The update event has a field out of range or of the wrong type");
             }
             event->at = Clock::to_time_t(now());
             if (auto recorded = releases_->recordEvent(fleetTerminal(peerCommonName(request)),
                                                        std::move(*event));
                 !recorded)
                 return sendRefusal(response, recorded.error());
             response.status = 204;
         });
}

}  // namespace lobby::sim
