#include "printer/direct_channel.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace lobby::printer {
namespace {

using Clock = std::chrono::steady_clock;

int remainingMs(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<Milliseconds>(deadline - Clock::now()).count();
    return left > 0 ? static_cast<int>(left) : 0;
}

Error timeoutError(const char* what) {
    return makeError(ErrorKind::Timeout, "printer.timeout",
                     std::string(what) + ": the printer did not answer in time");
}

class Connection {
public:
    ~Connection() {
        if (fd_ >= 0) ::close(fd_);
    }

    Status open(const DirectAddress& address, Clock::time_point deadline) {
        sockaddr_in target{};
        target.sin_family = AF_INET;
        target.sin_port = htons(address.port);
        if (::inet_pton(AF_INET, address.host.c_str(), &target.sin_addr) != 1) {
            return makeError(ErrorKind::InvalidConfig, "printer.bad_address",
                             "'" + address.host + "' is not an IPv4 address");
        }
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&target), sizeof target) != 0 &&
            errno != EINPROGRESS) {
            return unreachable(errno);
        }
        pollfd pfd{fd_, POLLOUT, 0};
        if (::poll(&pfd, 1, remainingMs(deadline)) <= 0) return timeoutError("connecting");
        int error = 0;
        socklen_t length = sizeof error;
        ::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0) return unreachable(error);
        return {};
    }

    Status send(std::span<const std::uint8_t> bytes, Clock::time_point deadline) {
        std::size_t sent = 0;
        while (sent < bytes.size()) {
            const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n > 0) {
                sent += static_cast<std::size_t>(n);
                continue;
            }
            if (n < 0 && errno != EAGAIN && errno != EINTR) return unreachable(errno);
            pollfd pfd{fd_, POLLOUT, 0};
            if (::poll(&pfd, 1, remainingMs(deadline)) <= 0) return timeoutError("sending");
        }
        return {};
    }

    Result<std::uint8_t> receiveByte(Clock::time_point deadline) {
        while (true) {
            std::uint8_t byte = 0;
            const ssize_t n = ::recv(fd_, &byte, 1, 0);
            if (n == 1) return byte;
            if (n == 0) return unreachable(ECONNRESET);
            if (errno != EAGAIN && errno != EINTR) return unreachable(errno);
            pollfd pfd{fd_, POLLIN, 0};
            if (::poll(&pfd, 1, remainingMs(deadline)) <= 0) return timeoutError("reading status");
        }
    }

private:
    static Error unreachable(int error) {
        return makeError(ErrorKind::Unavailable, "printer.unreachable",
                         std::string("the printer is not reachable: ") + std::strerror(error));
    }
    int fd_ = -1;
};

}  // namespace

Result<PrinterState> queryStatus(const DirectAddress& address, Milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    Connection connection;
    if (auto opened = connection.open(address, deadline); !opened) return opened.error();
    std::uint8_t answers[3] = {};
    const std::uint8_t requests[3] = {kStatusPrinter, kStatusOfflineCause, kStatusPaper};
    for (int i = 0; i < 3; ++i) {
        if (auto sent = connection.send(statusRequest(requests[i]), deadline); !sent) {
            return sent.error();
        }
        auto answer = connection.receiveByte(deadline);
        if (!answer) return answer.error();
        answers[i] = answer.value();
    }
    return decodeStatus(answers[0], answers[1], answers[2]);
}

Status sendRaw(const DirectAddress& address, std::span<const std::uint8_t> bytes,
               Milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    Connection connection;
    if (auto opened = connection.open(address, deadline); !opened) return opened;
    return connection.send(bytes, deadline);
}

}  // namespace lobby::printer
