#include "sim/smartcard/vpcd_card.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace lobby::sim {
namespace {

bool readAll(int socket, std::uint8_t* buffer, std::size_t size) {
    // vpcd writes a message's length and its body in two segments with Nagle on: acknowledge at
    // once, or the body waits out our delayed ACK (~40 ms per APDU).
    const int one = 1;
    ::setsockopt(socket, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::recv(socket, buffer + done, size - done, 0);
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

bool sendMessage(int socket, const smartcard::Bytes& payload) {
    smartcard::Bytes message{static_cast<std::uint8_t>(payload.size() >> 8),
                             static_cast<std::uint8_t>(payload.size() & 0xFF)};
    message.insert(message.end(), payload.begin(), payload.end());
    return ::send(socket, message.data(), message.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(message.size());
}

}  // namespace

Status VpcdCard::insert(const SscHolder& holder, SscFault fault) {
    remove();
    const int socket = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port_);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(socket, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        const int error = errno;
        ::close(socket);
        return makeError(ErrorKind::Unavailable, "sim.vpcd",
                         "cannot reach vpcd on 127.0.0.1:" + std::to_string(port_) + ": " +
                             std::strerror(error));
    }
    const int one = 1;
    ::setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    socket_ = socket;
    apdus_ = 0;
    thread_ = std::thread(&VpcdCard::serve, this, socket,
                          std::make_unique<VirtualSscCard>(holder, fault));
    return {};
}

void VpcdCard::remove() {
    if (socket_ >= 0) ::shutdown(socket_, SHUT_RDWR);
    if (thread_.joinable()) thread_.join();
    if (socket_ >= 0) ::close(socket_);
    socket_ = -1;
}

void VpcdCard::serve(int socket, std::unique_ptr<VirtualSscCard> card) {
    while (true) {
        std::uint8_t header[2];
        if (!readAll(socket, header, sizeof header)) return;
        const std::size_t length = (std::size_t{header[0]} << 8) | header[1];
        smartcard::Bytes payload(length);
        if (!readAll(socket, payload.data(), length)) return;
        if (length == 1) {
            switch (payload[0]) {
                case 0:  // power off
                case 2:  // reset
                    card->reset();
                    break;
                case 4:  // get ATR
                    if (!sendMessage(socket, card->atr())) return;
                    break;
                default:  // power on
                    break;
            }
            continue;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms_.load()));
        auto response = card->process(payload);
        if (!response) {
            ::shutdown(socket, SHUT_RDWR);  // pulled mid-read
            return;
        }
        ++apdus_;
        if (!sendMessage(socket, *response)) return;
    }
}

}  // namespace lobby::sim
