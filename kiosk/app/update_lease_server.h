#pragma once
// The kiosk's end of the updater's maintenance lease: a Unix socket (update.lease_socket, 0600
// in the kiosk's runtime directory, so only the kiosk's user and root reach it) answering one
// request line per connection (kiosk/update/lease_protocol.h) with what the session decides
// (`SessionController::grantUpdateLease`). Reads never block the event loop: each connection
// is watched by a notifier and dropped after a second, or at a line too long.

#include <QObject>
#include <QSocketNotifier>
#include <QTimer>
#include <map>
#include <memory>
#include <string>

#include "common/error.h"

namespace lobby::core {
class SessionController;
}

namespace lobby::app {

class UpdateLeaseServer : public QObject {
    Q_OBJECT
public:
    explicit UpdateLeaseServer(core::SessionController& session, QObject* parent = nullptr);
    ~UpdateLeaseServer() override;

    // Listens at `path`; a stale socket there is replaced, anything else (a file, a link) is not.
    Status listen(const std::string& path);

private:
    struct Connection {
        std::unique_ptr<QSocketNotifier> notifier;
        std::string received;
        qint64 opened_ms = 0;
    };
    void accept();
    void read(int fd);
    void answer(int fd, const std::string& line);
    void drop(int fd);
    void dropStale();

    core::SessionController& session_;
    int listener_ = -1;
    std::string path_;
    unsigned long socketInode_ = 0, socketDevice_ = 0;
    std::unique_ptr<QSocketNotifier> acceptor_;
    std::map<int, Connection> connections_;
    QTimer staleTimer_;
};

}  // namespace lobby::app
