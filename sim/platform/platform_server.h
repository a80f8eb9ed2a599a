#pragma once
// The sandbox appointment platform: HTTPS only, mutual TLS (terminals present a certificate
// from the dev CA), on 127.0.0.1. Implements docs/platform-api.yaml: enrollment, scenes and
// heartbeats in terminal_routes.cpp, patients, catalogue, bookings and notices in
// platform_server.cpp.

#include <atomic>
#include <filesystem>
#include <memory>
#include <thread>

#include "common/error.h"
#include "sim/platform/dev_ca.h"
#include "sim/platform/platform_store.h"

namespace httplib {
class SSLServer;
}

namespace lobby::sim {

class PlatformServer {
public:
    // port 0 picks a free one.
    static Result<std::unique_ptr<PlatformServer>> start(const DevCaFiles& tls,
                                                         PlatformStore& store, unsigned short port);
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

    std::unique_ptr<httplib::SSLServer> server_;
    PlatformStore& store_;
    std::filesystem::path caDirectory_;  // the dev CA that signs enrolled terminals
    unsigned short port_ = 0;
    std::atomic<std::chrono::seconds> clockOffset_{std::chrono::seconds(0)};
    std::thread thread_;
};

}  // namespace lobby::sim
