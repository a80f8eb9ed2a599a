// Social-security cards through a real pcscd and Debian's vpcd driver, with the virtual card
// plugged in over vpcd's socket (run by with_pcscd.sh, which starts and stops pcscd).
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "sim/smartcard/vpcd_card.h"
#include "smartcard/ssc_watcher.h"

using namespace lobby;
using namespace lobby::smartcard;
using namespace std::chrono_literals;

namespace {

unsigned short vpcdPort() {
    const char* port = std::getenv("LOBBY_VPCD_PORT");
    return port != nullptr ? static_cast<unsigned short>(std::atoi(port)) : 0;
}

// vpcd notices a card within its polling interval; insertion is a connect, so wait for pcscd
// to have accepted it before reading.
sim::VpcdCard& card() {
    static sim::VpcdCard instance(vpcdPort());
    return instance;
}

void insert(const char* key, sim::SscFault fault = sim::SscFault::None) {
    auto status = card().insert(*sim::findSscHolder(key), fault);
    ASSERT_TRUE(status.ok()) << status.error().message;
}

class Pcsc : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_NE(vpcdPort(), 0) << "run under tests/smartcard/with_pcscd.sh"; }
    void TearDown() override {
        card().remove();
        card().setLatency(0ms);
        waitUntilNoCard();
    }

    // pcscd notices a removal on its next presence poll; the next test must not meet the
    // previous test's card as a stale "present" state.
    static void waitUntilNoCard() {
        auto context = PcscContext::establish();
        ASSERT_TRUE(context.ok());
        for (int round = 0; round < 20; ++round) {
            auto states = context.value()->waitForChange(250ms);
            ASSERT_TRUE(states.ok()) << states.error().message;
            const bool any =
                std::any_of(states->begin(), states->end(),
                            [](const ReaderEvent& event) { return event.cardPresent; });
            if (!any) return;
        }
        FAIL() << "pcscd still reports a card after it was removed";
    }
};

}  // namespace

TEST_F(Pcsc, TheVirtualReaderIsListed) {
    auto context = PcscContext::establish();
    ASSERT_TRUE(context.ok()) << context.error().message;
    auto readers = context.value()->listReaders();
    ASSERT_TRUE(readers.ok());
    ASSERT_FALSE(readers->empty());
    EXPECT_NE(readers->front().find("Lobby Virtual PCD"), std::string::npos) << readers->front();
}

TEST_F(Pcsc, ReadsAT0CardBySfi) {
    insert("ssc-wang");
    auto read = readSscCardOnce(std::nullopt, 5s);
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(read->name, "王芳");
    EXPECT_EQ(read->idNumber, "11010519491231002X");
}

TEST_F(Pcsc, ReadsAT1CardThatWantsTheEfSelected) {
    insert("ssc-liu");
    auto read = readSscCardOnce(std::nullopt, 5s);
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(read->name, "刘洋");
}

TEST_F(Pcsc, NoCardAndUnknownReaderAreTypedErrors) {
    auto none = readSscCardOnce(std::nullopt, 800ms);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().kind, ErrorKind::NoCard);
    auto unknown = readSscCardOnce(std::string("No Such Reader"), 500ms);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, "smartcard.no_reader");
}

TEST_F(Pcsc, ABlockedCardSaysSo) {
    insert("ssc-wang", sim::SscFault::Blocked);
    auto read = readSscCardOnce(std::nullopt, 5s);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, "smartcard.blocked");
}

TEST_F(Pcsc, WatcherReportsInsertionReadAndRemovalAndSurvivesACardPulledMidRead) {
    std::mutex mutex;
    std::vector<std::string> events;
    auto record = [&](std::string event) {
        std::lock_guard lock(mutex);
        events.push_back(std::move(event));
    };
    auto waitFor = [&](const std::string& event) {
        for (int i = 0; i < 200; ++i) {
            {
                std::lock_guard lock(mutex);
                if (std::find(events.begin(), events.end(), event) != events.end()) return true;
            }
            std::this_thread::sleep_for(25ms);
        }
        return false;
    };
    SscEvents callbacks;
    callbacks.cardInserted = [&](const std::string&) { record("inserted"); };
    callbacks.cardRead = [&](const SscCard& read) { record("read " + read.name); };
    callbacks.cardUnreadable = [&](const Error& error) { record("unreadable " + error.code); };
    callbacks.cardRemoved = [&](const std::string&) { record("removed"); };
    SscWatchOptions options;
    options.wait = 200ms;
    SscWatcher watcher(options, callbacks);
    watcher.start();

    auto dump = [&] {
        std::lock_guard lock(mutex);
        std::string all;
        for (const auto& event : events)
            all += event + "; ";
        return all;
    };
    insert("ssc-ouyang");
    ASSERT_TRUE(waitFor("read 欧阳娜娜")) << dump();
    card().remove();
    ASSERT_TRUE(waitFor("removed"));

    {
        std::lock_guard lock(mutex);
        events.clear();
    }
    insert("ssc-wang", sim::SscFault::PulledMidRead);
    ASSERT_TRUE(waitFor("removed"));
    {
        std::lock_guard lock(mutex);
        const bool refused = std::any_of(events.begin(), events.end(), [](const std::string& e) {
            return e.rfind("unreadable ", 0) == 0;
        });
        EXPECT_TRUE(refused) << "a card pulled mid-read must not be reported as read";
    }

    {
        std::lock_guard lock(mutex);
        events.clear();
    }
    card().setLatency(30ms);  // a slow card still reads within the deadlines
    insert("ssc-liu");
    EXPECT_TRUE(waitFor("read 刘洋"));
    watcher.stop();
}
