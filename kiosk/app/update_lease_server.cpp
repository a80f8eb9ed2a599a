#include "app/update_lease_server.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <QDateTime>
#include <QLoggingCategory>
#include <cerrno>
#include <cstring>

#include "core/session_controller.h"
#include "logging/categories.h"
#include "update/lease_protocol.h"

namespace lobby::app {
namespace {

constexpr qint64 kConnectionLimit_ms = 1'000;
constexpr std::size_t kMaxConnections = 8;

update::LeaseAnswer toAnswer(core::UpdateLeaseAnswer answer) {
    switch (answer) {
        case core::UpdateLeaseAnswer::Granted:
            return update::LeaseAnswer::Granted;
        case core::UpdateLeaseAnswer::PatientPresent:
            return update::LeaseAnswer::PatientPresent;
        case core::UpdateLeaseAnswer::TooLong:
            return update::LeaseAnswer::TooLong;
    }
    return update::LeaseAnswer::BadRequest;
}

}  // namespace

UpdateLeaseServer::UpdateLeaseServer(core::SessionController& session, QObject* parent)
    : QObject(parent), session_(session) {
    staleTimer_.setInterval(static_cast<int>(kConnectionLimit_ms));
    connect(&staleTimer_, &QTimer::timeout, this, &UpdateLeaseServer::dropStale);
}

UpdateLeaseServer::~UpdateLeaseServer() {
    while (!connections_.empty())
        drop(connections_.begin()->first);
    if (listener_ >= 0) {
        ::close(listener_);
        // Only our own socket: another kiosk started since may have put its own there.
        struct stat now {};
        if (::lstat(path_.c_str(), &now) == 0 && now.st_ino == socketInode_ &&
            now.st_dev == socketDevice_)
            ::unlink(path_.c_str());
    }
}

Status UpdateLeaseServer::listen(const std::string& path) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.empty() || path.size() >= sizeof address.sun_path)
        return makeError(ErrorKind::InvalidConfig, "update.lease_socket", "unusable socket path");
    struct stat existing {};
    if (::lstat(path.c_str(), &existing) == 0) {
        if (!S_ISSOCK(existing.st_mode))
            return makeError(ErrorKind::InvalidConfig, "update.lease_socket",
                             path + " exists and is not a socket; left alone");
        ::unlink(path.c_str());
    }
    std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
    listener_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const mode_t previous = ::umask(0177);  // the socket is born 0600
    const bool bound =
        listener_ >= 0 &&
        ::bind(listener_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 &&
        ::listen(listener_, 4) == 0;
    const int error = errno;
    ::umask(previous);
    if (!bound) {
        if (listener_ >= 0) ::close(listener_);
        listener_ = -1;
        return makeError(ErrorKind::Io, "update.lease_socket", path + ": " + std::strerror(error));
    }
    path_ = path;
    struct stat made {};
    if (::lstat(path.c_str(), &made) == 0) {
        socketInode_ = made.st_ino;
        socketDevice_ = made.st_dev;
    }
    acceptor_ = std::make_unique<QSocketNotifier>(listener_, QSocketNotifier::Read);
    connect(acceptor_.get(), &QSocketNotifier::activated, this, &UpdateLeaseServer::accept);
    staleTimer_.start();
    return {};
}

void UpdateLeaseServer::accept() {
    const int fd = ::accept4(listener_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return;
    if (connections_.size() >= kMaxConnections) {
        ::close(fd);
        return;
    }
    Connection connection;
    connection.notifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
    connection.opened_ms = QDateTime::currentMSecsSinceEpoch();
    connect(connection.notifier.get(), &QSocketNotifier::activated, this, [this, fd] { read(fd); });
    connections_.emplace(fd, std::move(connection));
}

void UpdateLeaseServer::read(int fd) {
    auto found = connections_.find(fd);
    if (found == connections_.end()) return;
    char buffer[update::kMaxLeaseLine + 2];
    const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
    if (got <= 0) {
        if (got < 0 && (errno == EAGAIN || errno == EINTR)) return;
        drop(fd);
        return;
    }
    auto& received = found->second.received;
    received.append(buffer, static_cast<std::size_t>(got));
    const auto end = received.find('\n');
    if (end == std::string::npos) {
        if (received.size() > update::kMaxLeaseLine) {
            answer(fd, std::string(update::leaseAnswerLine(update::LeaseAnswer::BadRequest)));
        }
        return;
    }
    const auto request = update::parseLeaseRequest(std::string_view(received).substr(0, end));
    update::LeaseAnswer reply = update::LeaseAnswer::BadRequest;
    if (request && request->kind == update::LeaseRequest::Kind::Acquire) {
        reply = toAnswer(session_.grantUpdateLease(request->duration_ms));
        qCInfo(lcKiosk) << "update lease for" << request->duration_ms
                        << "ms:" << update::leaseAnswerLine(reply).data();
    } else if (request) {
        session_.endUpdateLease();
        reply = update::LeaseAnswer::Released;
        qCInfo(lcKiosk) << "update lease released";
    }
    answer(fd, std::string(update::leaseAnswerLine(reply)));
}

void UpdateLeaseServer::answer(int fd, const std::string& line) {
    const std::string text = line + "\n";
    (void)::send(fd, text.data(), text.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    drop(fd);
}

void UpdateLeaseServer::drop(int fd) {
    auto found = connections_.find(fd);
    if (found == connections_.end()) return;
    found->second.notifier->setEnabled(false);
    connections_.erase(found);
    ::close(fd);
}

void UpdateLeaseServer::dropStale() {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = connections_.begin(); it != connections_.end();) {
        const int fd = it->first;
        const bool stale = now - it->second.opened_ms > kConnectionLimit_ms;
        ++it;
        if (stale) drop(fd);
    }
}

}  // namespace lobby::app
