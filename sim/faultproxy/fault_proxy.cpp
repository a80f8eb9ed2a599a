// lobby-fault-proxy: sits between the kiosk and the sandbox platform on 127.0.0.1 and breaks
// the network on command, for the fault suite. It terminates TLS with the sandbox's own server
// certificate (so the kiosk's pinned CA still verifies it) and forwards each request upstream
// with the terminal's client certificate.
//   lobby-fault-proxy --state PLATFORM_STATE_DIR --terminal ID --upstream-port N [--port N]
// Prints "port N" when ready. Commands on stdin, each answered "ok":
//   fault MODE [PATH_PART] [COUNT]   the next COUNT requests (default 1; 0: until "fault none")
//                                    whose path contains PATH_PART (default: any; ending in
//                                    "$": whose path ends with it) get MODE:
//     drop      forwarded (the platform acts), then the connection is closed without a reply
//     stall     forwarded, then the reply is held back 10 s
//     5xx       forwarded, then answered 502 with a gateway's HTML page instead of the reply
//     truncate  forwarded, then the reply is cut off halfway through its body
//     reset     the connection is reset (TCP RST) before anything is forwarded
//     refuse    the platform "goes down": this connection is reset and the proxy stops
//               listening (connection refused) until "fault none"
//   refuse                           stop listening at once, until "fault none"
//   fault none                       back to forwarding everything
//   count                            "ok N forwarded M faulted": requests so far
//   quit
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <list>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>

namespace {

constexpr int kStall_s = 10;
constexpr int kUpstreamTimeout_s = 15;
constexpr std::size_t kMaxRequestBytes = 1 << 20;

enum class Mode { None, Drop, Stall, BadGateway, Truncate, Reset, Refuse };

struct Fault {
    Mode mode = Mode::None;
    std::string pathPart;
    int remaining = 0;  // 0 with a mode set: every matching request
    bool persistent = false;
};

class Proxy {
public:
    Proxy(SSL_CTX* tls, std::string upstreamHost, int upstreamPort, std::string clientCert,
          std::string clientKey, std::string ca)
        : tls_(tls),
          upstreamHost_(std::move(upstreamHost)),
          upstreamPort_(upstreamPort),
          clientCert_(std::move(clientCert)),
          clientKey_(std::move(clientKey)),
          ca_(std::move(ca)) {}

    bool listen(int port) {
        listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        int yes = 1;
        ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::listen(listener_, 64) != 0) {
            return false;
        }
        socklen_t size = sizeof address;
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size);
        port_ = ntohs(address.sin_port);
        acceptor_ = std::thread([this] { acceptLoop(); });
        return true;
    }
    int port() const { return port_; }

    void setFault(Fault fault) {
        std::lock_guard lock(mutex_);
        fault_ = std::move(fault);
    }
    // Connection refused: the listening socket goes away (and open connections with it).
    void refuse() {
        stopListening();
        std::lock_guard lock(mutex_);
        for (int fd : connections_)
            ::shutdown(fd, SHUT_RDWR);
    }
    void resume() {
        setFault({});
        if (listener_ < 0) listen(port_);
    }
    long forwarded() const { return forwarded_; }
    long applied() const { return applied_; }

    void stop() {
        stopping_ = true;
        refuse();
        std::list<std::thread> workers;
        {
            std::lock_guard lock(mutex_);
            workers.swap(workers_);
        }
        for (auto& worker : workers)
            worker.join();
    }

private:
    void stopListening() {
        if (listener_ < 0) return;
        ::shutdown(listener_, SHUT_RDWR);
        ::close(listener_);
        listener_ = -1;
        if (acceptor_.joinable()) acceptor_.join();
    }

    void acceptLoop() {
        const int listener = listener_;
        for (;;) {
            const int fd = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0) return;
            std::lock_guard lock(mutex_);
            connections_.push_back(fd);
            workers_.emplace_back([this, fd] { serve(fd); });
        }
    }

    std::optional<Fault> takeFault(const std::string& path) {
        std::lock_guard lock(mutex_);
        if (fault_.mode == Mode::None || !matches(path, fault_.pathPart)) return std::nullopt;
        Fault taken = fault_;
        ++applied_;
        if (!fault_.persistent && --fault_.remaining <= 0) fault_ = {};
        return taken;
    }

    // "/v1/insurance/settlements$" is the settlement itself, not its cancellation below it.
    static bool matches(const std::string& path, const std::string& part) {
        if (part.empty() || part.back() != '$') return path.find(part) != std::string::npos;
        const std::string_view tail(part.data(), part.size() - 1);
        return path.size() >= tail.size() &&
               path.compare(path.size() - tail.size(), tail.size(), tail.data(), tail.size()) == 0;
    }

    static bool readRequest(SSL* ssl, std::string& method, std::string& path,
                            httplib::Headers& headers, std::string& body) {
        std::string buffer;
        char chunk[4096];
        std::size_t headerEnd;
        while ((headerEnd = buffer.find("\r\n\r\n")) == std::string::npos) {
            const int got = SSL_read(ssl, chunk, sizeof chunk);
            if (got <= 0 || buffer.size() > kMaxRequestBytes) return false;
            buffer.append(chunk, static_cast<std::size_t>(got));
        }
        std::istringstream head(buffer.substr(0, headerEnd));
        std::string line, version;
        std::getline(head, line);
        std::istringstream requestLine(line);
        requestLine >> method >> path >> version;
        std::size_t length = 0;
        while (std::getline(head, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            const auto colon = line.find(':');
            if (colon == std::string::npos) continue;
            std::string name = line.substr(0, colon);
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            if (strcasecmp(name.c_str(), "Content-Length") == 0) length = std::stoul(value);
            headers.emplace(name, value);
        }
        body = buffer.substr(headerEnd + 4);
        while (body.size() < length) {
            const int got = SSL_read(ssl, chunk, sizeof chunk);
            if (got <= 0) return false;
            body.append(chunk, static_cast<std::size_t>(got));
        }
        return !method.empty();
    }

    httplib::Result forward(httplib::SSLClient& upstream, const std::string& method,
                            const std::string& path, const httplib::Headers& headers,
                            const std::string& body) {
        httplib::Headers passed;
        for (const auto& [name, value] : headers) {
            if (strcasecmp(name.c_str(), "Idempotency-Key") == 0 ||
                strcasecmp(name.c_str(), "Patient-Session") == 0 ||
                strcasecmp(name.c_str(), "If-None-Match") == 0) {
                passed.emplace(name, value);
            }
        }
        ++forwarded_;
        const std::string type = "application/json";
        if (method == "GET") return upstream.Get(path, passed);
        if (method == "PUT") return upstream.Put(path, passed, body, type);
        return upstream.Post(path, passed, body, type);
    }

    static std::string replyText(const httplib::Response& response) {
        // The reason phrase is informative only; curl reads the code.
        std::string text = "HTTP/1.1 " + std::to_string(response.status) + " Reply\r\n";
        for (const char* name : {"Content-Type", "ETag"}) {
            if (response.has_header(name))
                text += std::string(name) + ": " + response.get_header_value(name) + "\r\n";
        }
        text += "Content-Length: " + std::to_string(response.body.size()) + "\r\n\r\n";
        return text;
    }

    void serve(int fd) {
        SSL* ssl = SSL_new(tls_);
        SSL_set_fd(ssl, fd);
        httplib::SSLClient upstream(upstreamHost_, upstreamPort_, clientCert_, clientKey_);
        upstream.set_ca_cert_path(ca_.c_str());
        upstream.enable_server_certificate_verification(true);
        upstream.set_read_timeout(kUpstreamTimeout_s, 0);
        upstream.set_keep_alive(true);
        bool open = SSL_accept(ssl) == 1;
        while (open && !stopping_) {
            std::string method, path, body;
            httplib::Headers headers;
            if (!readRequest(ssl, method, path, headers, body)) break;
            const auto fault = takeFault(path);
            if (fault && fault->mode == Mode::Refuse) {
                refuse();
                break;
            }
            if (fault && fault->mode == Mode::Reset) {
                linger hard{1, 0};  // close() sends RST
                ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
                break;
            }
            auto reply = forward(upstream, method, path, headers, body);
            if (fault && fault->mode == Mode::Drop) break;
            if (fault && fault->mode == Mode::Stall) {
                for (int i = 0; i < kStall_s * 10 && !stopping_; ++i)
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
            httplib::Response response;
            if (!reply || (fault && fault->mode == Mode::BadGateway)) {
                response.status = 502;
                response.body = "<html><body><h1>502 Bad Gateway</h1></body></html>";
                response.set_header("Content-Type", "text/html");
            } else {
                response = reply.value();
            }
            std::string text = replyText(response);
            if (fault && fault->mode == Mode::Truncate) {
                text += response.body.substr(0, response.body.size() / 2);
                SSL_write(ssl, text.data(), static_cast<int>(text.size()));
                break;
            }
            text += response.body;
            if (SSL_write(ssl, text.data(), static_cast<int>(text.size())) <= 0) break;
        }
        SSL_free(ssl);
        std::lock_guard lock(mutex_);
        connections_.remove(fd);
        ::close(fd);
    }

    SSL_CTX* tls_;
    std::string upstreamHost_;
    int upstreamPort_;
    std::string clientCert_, clientKey_, ca_;
    int listener_ = -1;
    int port_ = 0;
    std::thread acceptor_;
    std::mutex mutex_;
    std::list<int> connections_;
    std::list<std::thread> workers_;
    Fault fault_;
    std::atomic<bool> stopping_{false};
    std::atomic<long> forwarded_{0};
    std::atomic<long> applied_{0};
};

std::optional<Mode> modeNamed(const std::string& name) {
    if (name == "none") return Mode::None;
    if (name == "drop") return Mode::Drop;
    if (name == "stall") return Mode::Stall;
    if (name == "5xx") return Mode::BadGateway;
    if (name == "truncate") return Mode::Truncate;
    if (name == "reset") return Mode::Reset;
    if (name == "refuse") return Mode::Refuse;
    return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path state;
    std::string terminal;
    int upstreamPort = 0, port = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--state")
            state = argv[i + 1];
        else if (option == "--terminal")
            terminal = argv[i + 1];
        else if (option == "--upstream-port")
            upstreamPort = std::atoi(argv[i + 1]);
        else if (option == "--port")
            port = std::atoi(argv[i + 1]);
    }
    if (state.empty() || terminal.empty() || upstreamPort <= 0) {
        std::cerr << "usage: lobby-fault-proxy --state PLATFORM_STATE_DIR --terminal ID "
                     "--upstream-port N [--port N]\n";
        return 64;
    }
    SSL_CTX* tls = SSL_CTX_new(TLS_server_method());
    if (SSL_CTX_use_certificate_chain_file(tls, (state / "ca" / "server.pem").c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(tls, (state / "ca" / "server.key").c_str(), SSL_FILETYPE_PEM) !=
            1) {
        std::cerr << "lobby-fault-proxy: cannot load the sandbox's server certificate from "
                  << state << "\n";
        return 1;
    }
    const auto terminalDir = state / "terminals" / terminal;
    Proxy proxy(tls, "127.0.0.1", upstreamPort, terminalDir / "client.pem",
                terminalDir / "client.key", state / "ca" / "ca.pem");
    if (!proxy.listen(port)) {
        std::cerr << "lobby-fault-proxy: cannot listen on 127.0.0.1:" << port << "\n";
        return 1;
    }
    std::cout << "port " << proxy.port() << std::endl;
    std::string line;
    while (std::getline(std::cin, line) && line != "quit") {
        std::istringstream words(line);
        std::string command, modeName, pathPart;
        int count = 1;
        words >> command;
        if (command == "refuse") {
            proxy.refuse();
            std::cout << "ok" << std::endl;
        } else if (command == "count") {
            std::cout << "ok " << proxy.forwarded() << " forwarded " << proxy.applied()
                      << " faulted" << std::endl;
        } else if (command == "fault" && (words >> modeName) && modeNamed(modeName)) {
            if (*modeNamed(modeName) == Mode::None) {
                proxy.resume();
            } else {
                words >> pathPart;
                if (pathPart == "*") pathPart.clear();
                if (!(words >> count)) count = 1;
                proxy.setFault({*modeNamed(modeName), pathPart, count, count == 0});
            }
            std::cout << "ok" << std::endl;
        } else if (!line.empty()) {
            std::cout << "error: unknown command" << std::endl;
        }
    }
    proxy.stop();
    SSL_CTX_free(tls);
    return 0;
}
