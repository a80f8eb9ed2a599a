// lobby-platform: the sandbox appointment platform for the demo and tests. HTTPS with mutual
// TLS on 127.0.0.1; creates its dev CA in --state DIR on first run; prints "port N" when ready
// and runs until stdin closes or says "quit".
//   lobby-platform --state DIR [--db PATH] [--port N] [--client-cert TERMINAL_ID]
//                  [--auto-pay SECONDS]  (the demo: a QR payment is paid after SECONDS)
// Commands on stdin: "pay PAYMENT_ID" (the patient paid), "stop SESSION_ID" (停诊), "quit".

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>

#include "sim/platform/platform_server.h"

using namespace lobby::sim;

int main(int argc, char** argv) {
    std::filesystem::path state = "platform-state";
    std::filesystem::path db;
    unsigned short port = 8443;
    std::string clientFor;
    std::optional<std::chrono::seconds> autoPay;
    for (int i = 1; i < argc; ++i) {
        const bool value = i + 1 < argc;
        if (std::strcmp(argv[i], "--state") == 0 && value) {
            state = argv[++i];
        } else if (std::strcmp(argv[i], "--db") == 0 && value) {
            db = argv[++i];
        } else if (std::strcmp(argv[i], "--port") == 0 && value) {
            port = static_cast<unsigned short>(std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--client-cert") == 0 && value) {
            clientFor = argv[++i];
        } else if (std::strcmp(argv[i], "--auto-pay") == 0 && value &&
                   std::strspn(argv[i + 1], "0123456789") == std::strlen(argv[i + 1])) {
            autoPay = std::chrono::seconds(std::atoi(argv[++i]));
        } else {
            std::cerr
                << "usage: lobby-platform --state DIR [--db PATH] [--port N] [--client-cert ID] "
                   "[--auto-pay SECONDS]\n";
            return 64;
        }
    }
    auto tls = ensureDevCa(state / "ca");
    if (!tls) return std::cerr << "lobby-platform: " << tls.error().message << "\n", 1;
    if (!clientFor.empty()) {
        auto issued =
            issueClientCertificate(state / "ca", clientFor, state / "terminals" / clientFor);
        if (!issued) return std::cerr << "lobby-platform: " << issued.error().message << "\n", 1;
    }
    auto store = PlatformStore::open(db.empty() ? state / "platform.db" : db);
    if (!store) return std::cerr << "lobby-platform: " << store.error().message << "\n", 1;
    store.value()->setAutoPay(autoPay);
    auto server = PlatformServer::start(tls.value(), *store.value(), port);
    if (!server) return std::cerr << "lobby-platform: " << server.error().message << "\n", 1;
    std::cout << "port " << server.value()->port() << std::endl;
    // "pay PAYMENT_ID": the patient paid (the sandbox's stand-in for the payment provider).
    std::string line;
    while (std::getline(std::cin, line) && line != "quit") {
        if (line.rfind("stop ", 0) == 0) {
            auto stopped = store.value()->stopSession(line.substr(5));
            std::cout << (stopped ? "ok " + std::to_string(stopped->affectedBookingIds.size()) +
                                        " bookings affected"
                                  : "error: " + stopped.error().message)
                      << std::endl;
        } else if (line.rfind("pay ", 0) == 0) {
            auto paid = store.value()->capturePayment(line.substr(4));
            std::cout << (paid ? "ok " + paid->status : "error: " + paid.error().message)
                      << std::endl;
        } else if (!line.empty()) {
            std::cout << "error: unknown command" << std::endl;
        }
    }
    return 0;
}
