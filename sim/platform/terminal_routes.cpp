// The sandbox's terminal routes: enrollment (a one-time token and a CSR → a client certificate),
// scene configs per group (admins upload, terminals fetch with ETag / If-None-Match), and
// heartbeats. Every route but enrollment requires the caller's client certificate.
#include <httplib.h>

#include <algorithm>
#include <string>
#include <vector>

#include "sim/platform/http_replies.h"
#include "sim/platform/platform_server.h"

namespace lobby::sim {
namespace {

using namespace http;

constexpr const char* kEnrollPath = "/v1/terminals/enroll";

// A heartbeat as the contract has it: the required fields with their types.
bool isValidHeartbeat(const json& body) {
    static const std::vector<std::string> kPrinterStates = {"ready",      "paper_low", "paper_out",
                                                            "cover_open", "offline",   "error"};
    static const std::vector<std::string> kReaderStates = {"ready", "absent", "lost"};
    for (const char* field : {"software_version", "scene_version", "devices", "uptime_s"}) {
        if (!body.contains(field)) return false;
    }
    if (!body["software_version"].is_string() || !body["scene_version"].is_number_integer() ||
        !body["devices"].is_object() || !body["uptime_s"].is_number_integer() ||
        body["uptime_s"].get<long long>() < 0) {
        return false;
    }
    if (body.contains("packages")) {
        const auto& packages = body["packages"];
        if (!packages.is_object() || packages.size() > 16) return false;
        for (const auto& [name, version] : packages.items()) {
            if (name.empty() || name.size() > 64 || !version.is_string() ||
                version.get<std::string>().size() > 64)
                return false;
        }
    }
    for (const auto& [device, state] : body["devices"].items()) {
        if (!state.is_string()) return false;
        const auto& allowed = device == "printer" ? kPrinterStates : kReaderStates;
        if (std::find(allowed.begin(), allowed.end(), state.get<std::string>()) == allowed.end())
            return false;
    }
    return true;
}

std::string etagOf(const SceneRow& scene) {
    return "\"scene-" + scene.group + "-v" + std::to_string(scene.version) + "\"";
}

void refuseAnonymous(httplib::Response& response) {
    sendError(response, 401, "certificate_required", "终端未认证",
              "This call needs the terminal's client certificate");
}

}  // namespace

void PlatformServer::post(const char* pattern, Handler handler) {
    server_->Post(pattern, [handler = std::move(handler)](const httplib::Request& request,
                                                          httplib::Response& response) {
        if (peerCommonName(request).empty()) return refuseAnonymous(response);
        handler(request, response);
    });
}

void PlatformServer::put(const char* pattern, Handler handler) {
    server_->Put(pattern, [handler = std::move(handler)](const httplib::Request& request,
                                                         httplib::Response& response) {
        if (peerCommonName(request).empty()) return refuseAnonymous(response);
        handler(request, response);
    });
}

namespace {
constexpr auto kEnrollWindow = std::chrono::minutes(10);
constexpr std::size_t kRefusalsPerTerminal = 5;
constexpr std::size_t kRefusalsInAll = 20;
}  // namespace

bool PlatformServer::enrollmentThrottled(const std::string& terminalId) {
    std::lock_guard lock(enrollMutex_);
    const auto since = Clock::now() - kEnrollWindow;
    while (!enrollRefusals_.empty() && enrollRefusals_.front().first < since)
        enrollRefusals_.pop_front();
    const auto forThis =
        std::count_if(enrollRefusals_.begin(), enrollRefusals_.end(),
                      [&](const auto& refusal) { return refusal.second == terminalId; });
    return static_cast<std::size_t>(forThis) >= kRefusalsPerTerminal ||
           enrollRefusals_.size() >= kRefusalsInAll;
}

void PlatformServer::noteEnrollmentRefused(const std::string& terminalId) {
    std::lock_guard lock(enrollMutex_);
    enrollRefusals_.emplace_back(Clock::now(), terminalId);
}

void PlatformServer::terminalRoutes() {
    // Calls without a body are refused before routing; those with one in post() / put().
    server_->set_pre_routing_handler([](const httplib::Request& request,
                                        httplib::Response& response) {
        if (request.method == "POST" || request.method == "PUT" || !peerCommonName(request).empty())
            return httplib::Server::HandlerResponse::Unhandled;
        refuseAnonymous(response);
        return httplib::Server::HandlerResponse::Handled;
    });
    server_->Post(kEnrollPath, [this](const httplib::Request& request,
                                      httplib::Response& response) {
        auto body = parseBody(request, response, {"token", "terminal_id", "csr_pem"});
        if (!body) return;
        const std::string terminal = (*body)["terminal_id"];
        if (enrollmentThrottled(terminal)) {
            return sendError(response, 429, "too_many_attempts", "尝试次数过多，请稍后再试",
                             "Too many refused enrollments; try again in 10 minutes");
        }
        if (auto spent = store_.redeemEnrollmentToken((*body)["token"], terminal, now()); !spent) {
            noteEnrollmentRefused(terminal);
            return sendError(response, 401, "enrollment_refused", "注册码无效或已使用",
                             "The enrollment token is unknown, used, or for another terminal");
        }
        auto certificate = signTerminalCsr(caDirectory_, (*body)["csr_pem"], terminal);
        if (!certificate) {
            return sendError(response, 400, "csr_invalid", "证书请求无效",
                             "The certificate request is invalid: " + certificate.error().message);
        }
        auto ca = caCertificatePem(caDirectory_);
        if (!ca) return sendRefusal(response, ca.error());
        sendJson(response,
                 {{"certificate_pem", certificate.value()}, {"ca_bundle_pem", ca.value()}});
    });
    server_->Get("/v1/terminals/self/scene",
                 [this](const httplib::Request& request, httplib::Response& response) {
                     auto scene = store_.sceneFor(peerCommonName(request));
                     if (!scene) return sendRefusal(response, scene.error());
                     const std::string etag = etagOf(scene.value());
                     response.set_header("ETag", etag);
                     if (request.get_header_value("If-None-Match") == etag) {
                         response.status = 304;
                         return;
                     }
                     response.status = 200;
                     response.set_content(scene->body, "application/json");
                 });
    put(R"(/v1/scenes/([A-Za-z0-9_-]+))", [this](const httplib::Request& request,
                                                 httplib::Response& response) {
        if (!peerIsAdmin(request)) {
            return sendError(response, 403, "not_admin", "无权操作",
                             "Only an administrator may upload scenes");
        }
        auto body = parseBody(request, response, {"scene_json", "signature_base64"});
        if (!body) return;
        // The scene stays the string the admin signed; it is parsed only to read its version.
        const json scene = json::parse((*body)["scene_json"].get<std::string>(), nullptr, false);
        if (!scene.is_object() || !scene.contains("version") ||
            !scene["version"].is_number_integer()) {
            return sendError(response, 400, "invalid_request", "场景配置无效",
                             "The scene must be a JSON object with an integer version");
        }
        const auto version = scene["version"].get<std::int64_t>();
        // Only what the contract names is kept and served again.
        const json kept = {{"scene_json", (*body)["scene_json"]},
                           {"signature_base64", (*body)["signature_base64"]}};
        if (auto stored = store_.storeScene(request.matches[1], version, kept.dump()); !stored) {
            if (stored.error().code == "scene_not_newer") {
                return sendError(response, 409, "scene_not_newer", "场景版本不高于现有版本",
                                 "The group already has this scene version or a newer one");
            }
            return sendRefusal(response, stored.error());
        }
        response.status = 204;
    });
    server_->Get(R"(/v1/fleet/([A-Za-z0-9_-]{1,64})/terminals)", [this](
                                                                     const httplib::Request&
                                                                         request,
                                                                     httplib::Response& response) {
        if (!peerIsAdmin(request)) {
            return sendError(response, 403, "not_admin", "无权操作",
                             "Only an administrator may see the fleet");
        }
        auto rows = store_.fleet(request.matches[1]);
        if (!rows) return sendRefusal(response, rows.error());
        json terminals = json::array();
        for (const auto& row : rows.value()) {
            json heartbeat =
                row.body.empty() ? json(nullptr) : json::parse(row.body, nullptr, false);
            json update = nullptr;
            if (const auto step = releases_->lastEvent(row.terminalId))
                update = updateStepJson(*step, "rollout_id", step->rolloutId);
            terminals.push_back(
                {{"terminal_id", row.terminalId},
                 {"heartbeat_at", row.receivedAt > 0 ? json(row.receivedAt) : json(nullptr)},
                 {"heartbeat", heartbeat.is_discarded() ? json(nullptr) : heartbeat},
                 {"update", update}});
        }
        sendJson(response, {{"group", std::string(request.matches[1])}, {"terminals", terminals}});
    });
    post("/v1/terminals/self/heartbeat",
         [this](const httplib::Request& request, httplib::Response& response) {
             auto body = parseBody(request, response, {"terminal_id"});
             if (!body) return;
             if (!isValidHeartbeat(*body)) {
                 return sendError(response, 400, "invalid_request", "请求缺少必要信息",
                                  "The heartbeat lacks a field or has one of the wrong type");
             }
             const std::string terminal = (*body)["terminal_id"];
             if (terminal != peerCommonName(request)) {
                 return sendError(response, 403, "terminal_mismatch", "终端身份不符",
                                  "The heartbeat names another terminal than its certificate");
             }
             if (auto recorded = store_.recordHeartbeat(terminal, body->dump(), now()); !recorded)
                 return sendRefusal(response, recorded.error());
             response.status = 204;
         });
}

}  // namespace lobby::sim
