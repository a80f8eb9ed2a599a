#pragma once
// The sandbox appointment platform: HTTPS only, mutual TLS (terminals present a certificate
// from the dev CA), on 127.0.0.1. Implements docs/platform-api.yaml: enrollment, scenes and
// heartbeats in terminal_routes.cpp, patients, catalogue, bookings and notices in
// platform_server.cpp.

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "common/error.h"
#include "sim/platform/dev_ca.h"
#include "sim/platform/platform_store.h"

namespace httplib {
class SSLServer;
struct Request;
struct Response;
}  // namespace httplib

namespace lobby::sim {

class PlatformServer {
public:
    // port 0 picks a free one. With `trafficLog`, every reply is appended to it as a JSON line
    // (method, path, status, content type, JSON body), for tests/contract/check_traffic.py to
    // hold against the contract.
    static Result<std::unique_ptr<PlatformServer>> start(
        const DevCaFiles& tls, PlatformStore& store, unsigned short port,
        const std::filesystem::path& trafficLog = {});
    ~PlatformServer();

    unsigned short port() const { return port_; }
    // Shifts the platform's clock, so tests can run at "tomorrow 09:31".
    void setClockOffset(std::chrono::seconds offset) { clockOffset_ = offset; }
    Clock::time_point now() const { return Clock::now() + clockOffset_.load(); }

private:
    PlatformServer(std::unique_ptr<httplib::SSLServer> server, PlatformStore& store,
                   std::filesystem::path caDirectory);
    void routes();
    void terminalRoutes();  // terminal_routes.cpp: enrollment, scenes, heartbeats
    // Routes with a body, for certified terminals only. The certificate is checked once the
    // body is read (not before routing), so an anonymous caller's body is never taken for its
    // next request on a kept-alive connection.
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
    void post(const char* pattern, Handler handler);
    void put(const char* pattern, Handler handler);

    std::unique_ptr<httplib::SSLServer> server_;
    PlatformStore& store_;
    std::filesystem::path caDirectory_;  // the dev CA that signs enrolled terminals
    unsigned short port_ = 0;
    std::atomic<std::chrono::seconds> clockOffset_{std::chrono::seconds(0)};
    std::thread thread_;
    std::mutex trafficMutex_;
    std::ofstream traffic_;
};

}  // namespace lobby::sim
