// The updater's lease over the kiosk's real socket: the updater's SocketLease on one thread, the
// kiosk's UpdateLeaseServer on the Qt loop with a real session. Refused while a patient is at the
// kiosk, granted after; released by the updater; a malformed or endless line gets no lease; a
// file planted where the socket goes is left alone.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QTest>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>

#include "app/update_lease_server.h"
#include "core/function_catalog.h"
#include "core/session_controller.h"
#include "update/socket_lease.h"

namespace lobby {
namespace {

using update::LeaseAnswer;
using update::LeaseRequest;

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

class LeaseRig : public ::testing::Test {
protected:
    LeaseRig()
        : path_((std::filesystem::temp_directory_path() /
                 ("lobby-lease-" + std::to_string(::getpid()) + ".sock"))
                    .string()),
          session_(core::SessionTiming{60'000, 20'000, 300}, &catalog_),
          server_(session_),
          lease_(path_, nowMs) {}
    ~LeaseRig() override { std::filesystem::remove(path_); }

    // One request from another thread, the Qt loop running here meanwhile.
    template <typename Call>
    auto fromUpdater(Call call) {
        auto answer = std::async(std::launch::async, call);
        while (answer.wait_for(std::chrono::milliseconds(5)) != std::future_status::ready)
            QCoreApplication::processEvents();
        return answer.get();
    }
    Result<LeaseAnswer> ask(const LeaseRequest& request) {
        return fromUpdater([&] { return lease_.ask(request); });
    }
    // Raw bytes to the socket, the answer line back.
    std::string raw(const std::string& bytes) {
        return fromUpdater([&] {
            const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
            sockaddr_un address{};
            address.sun_family = AF_UNIX;
            std::memcpy(address.sun_path, path_.c_str(), path_.size() + 1);
            if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
                ::close(fd);
                return std::string("no connection");
            }
            (void)::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            std::string answer;
            char buffer[256];
            for (ssize_t got; (got = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
                answer.append(buffer, static_cast<std::size_t>(got));
            ::close(fd);
            return answer;
        });
    }

    std::string path_;
    core::FunctionCatalog catalog_;
    core::SessionController session_;
    app::UpdateLeaseServer server_;
    update::SocketLease lease_;
};

TEST_F(LeaseRig, RefusedWhileAPatientIsThereGrantedAfterAndReleased) {
    ASSERT_TRUE(server_.listen(path_));
    struct stat info {};
    ASSERT_EQ(::stat(path_.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);

    session_.identityPresented();
    session_.identified("张*丰");
    ASSERT_EQ(session_.stateName(), "menu");
    auto refused = fromUpdater([&] { return lease_.acquire(nowMs() + 600'000); });
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "update.lease_refused");
    EXPECT_FALSE(session_.updating());

    session_.finish();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session_.stateName() == "idle"; }, 3'000));
    auto granted = fromUpdater([&] { return lease_.acquire(nowMs() + 600'000); });
    ASSERT_TRUE(granted) << granted.error().message;
    EXPECT_TRUE(session_.updating());
    session_.start();
    EXPECT_EQ(session_.stateName(), "idle");  // nobody starts while the update runs

    auto tooLong = fromUpdater([&] { return lease_.acquire(nowMs() + 2 * 3'600'000); });
    EXPECT_EQ(tooLong.error().code, "update.lease_too_long");
    EXPECT_EQ(*ask({LeaseRequest::Kind::Release, 0}), LeaseAnswer::Released);
    EXPECT_FALSE(session_.updating());
    session_.start();
    EXPECT_EQ(session_.stateName(), "identifying");
}

TEST_F(LeaseRig, BadRequestsGetNoLease) {
    ASSERT_TRUE(server_.listen(path_));
    EXPECT_EQ(raw("acquire ten\n"), "error bad_request\n");
    EXPECT_EQ(raw("acquire -5\n"), "error bad_request\n");
    EXPECT_EQ(raw("ACQUIRE 1000\n"), "error bad_request\n");
    EXPECT_EQ(raw(std::string(500, 'a')), "error bad_request\n");
    EXPECT_EQ(raw("acquire 1000"), "");  // no line, ever: dropped after a second
    EXPECT_FALSE(session_.updating());
    EXPECT_EQ(raw("acquire 60000\n"), "granted\n");
    EXPECT_TRUE(session_.updating());
}

TEST_F(LeaseRig, AKioskThatIsNotThereIsUnreachable) {
    auto answer = lease_.acquire(nowMs() + 1'000);
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error().code, "update.kiosk_unreachable");
}

TEST_F(LeaseRig, AFilePlantedWhereTheSocketGoesIsLeftAlone) {
    std::ofstream(path_) << "not a socket";
    auto listening = server_.listen(path_);
    ASSERT_FALSE(listening);
    EXPECT_EQ(listening.error().code, "update.lease_socket");
    std::ifstream file(path_);
    std::string text;
    std::getline(file, text);
    EXPECT_EQ(text, "not a socket");
}

}  // namespace
}  // namespace lobby
