#include "sim/platform/platform_server.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

namespace lobby::sim {
namespace {

using nlohmann::json;

void sendError(httplib::Response& response, int status, const std::string& code, const char* zh,
               const char* en, bool retryable = false) {
    response.status = status;
    response.set_content(
        json{{"code", code}, {"message", {{"zh", zh}, {"en", en}}}, {"retryable", retryable}}
            .dump(),
        "application/json");
}

void sendJson(httplib::Response& response, const json& body) {
    response.set_content(body.dump(), "application/json");
}

}  // namespace

Result<std::unique_ptr<PlatformServer>> PlatformServer::start(const DevCaFiles& tls,
                                                              PlatformStore& store,
                                                              unsigned short port) {
    auto server = std::make_unique<httplib::SSLServer>(
        tls.serverCertificate.c_str(), tls.serverKey.c_str(), tls.caCertificate.c_str());
    if (!server->is_valid()) {
        return makeError(ErrorKind::InvalidConfig, "platform.tls",
                         "cannot load the TLS certificates");
    }
    std::unique_ptr<PlatformServer> platform(new PlatformServer(std::move(server), store));
    platform->routes();
    const int bound = port == 0 ? platform->server_->bind_to_any_port("127.0.0.1")
                                : (platform->server_->bind_to_port("127.0.0.1", port) ? port : -1);
    if (bound <= 0) {
        return makeError(ErrorKind::Unavailable, "platform.listen",
                         "cannot listen on 127.0.0.1:" + std::to_string(port));
    }
    platform->port_ = static_cast<unsigned short>(bound);
    platform->thread_ =
        std::thread([server = platform->server_.get()] { server->listen_after_bind(); });
    return platform;
}

PlatformServer::PlatformServer(std::unique_ptr<httplib::SSLServer> server, PlatformStore& store)
    : server_(std::move(server)), store_(store) {}

PlatformServer::~PlatformServer() {
    server_->stop();
    if (thread_.joinable()) thread_.join();
}

void PlatformServer::routes() {
    server_->Get("/v1/departments", [this](const httplib::Request&, httplib::Response& response) {
        auto departments = store_.departments();
        if (!departments) {
            return sendError(response, 503, "unavailable", "服务暂时不可用", "Service unavailable",
                             true);
        }
        json body = json::array();
        for (const auto& row : departments.value()) {
            body.push_back({{"id", row.id},
                            {"name", {{"zh", row.nameZh}, {"en", row.nameEn}}},
                            {"pinyin_initials", row.pinyinInitials}});
        }
        sendJson(response, body);
    });
    server_->Get(R"(/v1/departments/([A-Za-z]+)/doctors)", [this](const httplib::Request& request,
                                                                  httplib::Response& response) {
        auto doctors = store_.doctors(request.matches[1]);
        if (!doctors) {
            return sendError(response, 503, "unavailable", "服务暂时不可用", "Service unavailable",
                             true);
        }
        if (doctors->empty()) {
            return sendError(response, 404, "not_found", "没有这个科室", "No such department");
        }
        json body = json::array();
        for (const auto& row : doctors.value()) {
            body.push_back({{"id", row.id},
                            {"name", row.name},
                            {"title", row.title},
                            {"specialty", row.specialty},
                            {"fee_fen", row.feeFen}});
        }
        sendJson(response, body);
    });
    server_->set_error_handler([](const httplib::Request&, httplib::Response& response) {
        if (response.body.empty()) {
            sendError(response, response.status, "invalid_request", "请求无效", "Invalid request");
        }
    });
}

}  // namespace lobby::sim
