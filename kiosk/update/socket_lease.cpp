#include "update/socket_lease.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace lobby::update {
namespace {

constexpr int kAnswerTimeout_ms = 5'000;

Error unreachable(const std::string& why) {
    return makeError(ErrorKind::Unavailable, "update.kiosk_unreachable",
                     "the kiosk's lease socket: " + why);
}

}  // namespace

SocketLease::SocketLease(std::string socketPath, std::function<std::int64_t()> now_ms)
    : path_(std::move(socketPath)), now_ms_(std::move(now_ms)) {}

Result<LeaseAnswer> SocketLease::ask(const LeaseRequest& request) const {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path_.empty() || path_.size() >= sizeof address.sun_path)
        return unreachable("no usable socket path");
    std::memcpy(address.sun_path, path_.c_str(), path_.size() + 1);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return unreachable(std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
        return unreachable(path_ + ": " + std::strerror(errno));
    const std::string line = formatLeaseRequest(request);
    if (::send(fd, line.data(), line.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(line.size()))
        return unreachable(std::string("sending: ") + std::strerror(errno));
    std::string answer;
    char buffer[kMaxLeaseLine + 2];
    while (answer.find('\n') == std::string::npos && answer.size() <= kMaxLeaseLine) {
        pollfd ready{fd, POLLIN, 0};
        const int polled = ::poll(&ready, 1, kAnswerTimeout_ms);
        if (polled < 0 && errno == EINTR) continue;
        if (polled <= 0) return unreachable("no answer within 5 s");
        const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
        if (got <= 0) return unreachable("closed without an answer");
        answer.append(buffer, static_cast<std::size_t>(got));
    }
    const auto end = answer.find('\n');
    if (end == std::string::npos) return unreachable("an answer line too long");
    auto parsed = parseLeaseAnswer(std::string_view(answer).substr(0, end));
    if (!parsed) return unreachable("an answer not of the protocol");
    return *parsed;
}

Status SocketLease::acquire(std::int64_t until_ms) {
    const std::int64_t duration = until_ms - now_ms_();
    auto answer = ask({LeaseRequest::Kind::Acquire, duration});
    if (!answer) return answer.error();
    switch (*answer) {
        case LeaseAnswer::Granted:
            return {};
        case LeaseAnswer::PatientPresent:
            return makeError(ErrorKind::Unavailable, "update.lease_refused",
                             "a patient is at the kiosk");
        case LeaseAnswer::TooLong:
            return makeError(ErrorKind::InvalidArgument, "update.lease_too_long",
                             "the kiosk refuses a lease of " + std::to_string(duration) + " ms");
        default:
            return unreachable("an answer that does not fit the request");
    }
}

void SocketLease::release() {
    (void)ask({LeaseRequest::Kind::Release, 0});  // unanswered: the lease expires by itself
}

}  // namespace lobby::update
