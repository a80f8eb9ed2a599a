// The driver against the emulator: in process (LoopbackTransport) for the protocol paths, and
// over a real pseudo-terminal through SerialTransport for the serial path.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "idcard/id_card_watcher.h"
#include "idcard/sam_reader.h"
#include "idcard/serial_transport.h"
#include "sim/idcard/sam_emulator.h"
#include "sim/idcard/sam_transport_sim.h"

using namespace lobby;
using namespace lobby::idcard;
using namespace std::chrono_literals;
using sim::SamEmulator;
using sim::SamFault;

namespace {

constexpr SamTimeouts kShortTimeouts{200ms, 500ms};

struct LoopbackRig {
    SamEmulator emulator;
    SamReader reader{std::make_unique<sim::LoopbackTransport>(emulator, 0), kShortTimeouts};
    LoopbackRig() { emulator.setLatencies({0ms, 0ms, 0ms, 0ms}); }
    void place(const char* key) { emulator.placeCard(*sim::findCard(key)); }
};

}  // namespace

TEST(SamReader, ReadsAPlacedCard) {
    LoopbackRig rig;
    rig.place("resident-zhang");
    auto card = rig.reader.readPresentCard();
    ASSERT_TRUE(card.ok()) << card.error().message;
    EXPECT_EQ(card->name, "张三丰");
    EXPECT_EQ(card->photoWlt.size(), 1024u);
}

TEST(SamReader, NoCardIsNoCard) {
    LoopbackRig rig;
    auto found = rig.reader.findCard();
    ASSERT_TRUE(found.ok());
    EXPECT_FALSE(found.value());
    auto card = rig.reader.readPresentCard();
    ASSERT_FALSE(card.ok());
    EXPECT_EQ(card.error().kind, ErrorKind::NoCard);
}

TEST(SamReader, BadChecksumFailsOnceThenTheReaderRecovers) {
    LoopbackRig rig;
    rig.place("resident-li");
    rig.emulator.setFault(SamFault::BadChecksum);
    auto first = rig.reader.findCard();
    ASSERT_FALSE(first.ok());
    EXPECT_EQ(first.error().code, "idcard.sam.bad_checksum");
    auto card = rig.reader.readPresentCard();
    ASSERT_TRUE(card.ok()) << card.error().message;
    EXPECT_EQ(card->name, "李秀英");
}

TEST(SamReader, HalfAFrameIsReportedWithinTheDeadline) {
    LoopbackRig rig;
    rig.place("resident-li");
    rig.emulator.setFault(SamFault::TruncatedFrame);
    const auto start = std::chrono::steady_clock::now();
    auto found = rig.reader.findCard();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(found.ok());
    EXPECT_EQ(found.error().code, "idcard.sam.truncated");
    EXPECT_LT(elapsed, 2s);  // bounded by the 200 ms command deadline, with slack for CI
    EXPECT_TRUE(rig.reader.findCard().ok());
}

TEST(SamReader, SilentReaderTimesOut) {
    LoopbackRig rig;
    rig.emulator.setFault(SamFault::Silent);
    auto found = rig.reader.findCard();
    ASSERT_FALSE(found.ok());
    EXPECT_EQ(found.error().kind, ErrorKind::Timeout);
}

TEST(SamReader, CardPulledBetweenSelectAndReadIsAReadFailure) {
    LoopbackRig rig;
    rig.place("resident-zhang");
    rig.emulator.setFault(SamFault::RemovedBeforeRead);
    auto card = rig.reader.readPresentCard();
    ASSERT_FALSE(card.ok());
    EXPECT_EQ(card.error().code, "idcard.sam.read_failed");
}

TEST(SamReader, ACardSwappedBetweenPollsShowsTheEmptyFieldOnce) {
    LoopbackRig rig;
    rig.place("resident-zhang");
    ASSERT_TRUE(rig.reader.findCard().value());
    rig.emulator.removeCard();
    rig.place("resident-li");
    auto between = rig.reader.findCard();
    ASSERT_TRUE(between.ok());
    EXPECT_FALSE(between.value());
    auto card = rig.reader.readPresentCard();
    ASSERT_TRUE(card.ok()) << card.error().message;
    EXPECT_EQ(card->name, "李秀英");
}

TEST(SamReader, AnswersSamId) {
    LoopbackRig rig;
    auto id = rig.reader.samId();
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->size(), 16u);
}

TEST(SerialTransport, ReadsACardOverAPseudoTerminal) {
    SamEmulator emulator;
    emulator.setLatencies({0ms, 0ms, 0ms, 0ms});
    emulator.placeCard(*sim::findCard("foreign-2017"));
    auto server = sim::PtyServer::start(emulator, 115200);
    ASSERT_TRUE(server.ok()) << server.error().message;
    auto transport = SerialTransport::open(server.value()->devicePath(), 115200);
    ASSERT_TRUE(transport.ok()) << transport.error().message;
    SamReader reader(std::move(transport.value()));
    auto card = reader.readPresentCard();
    ASSERT_TRUE(card.ok()) << card.error().message;
    EXPECT_EQ(card->nameEn, "SMITH, JOHN");
}

TEST(SerialTransport, MissingDeviceIsUnavailable) {
    auto transport = SerialTransport::open("/dev/lobby-no-such-reader", 115200);
    ASSERT_FALSE(transport.ok());
    EXPECT_EQ(transport.error().kind, ErrorKind::Unavailable);
    EXPECT_EQ(SerialTransport::open("/dev/null", 12345).error().code, "idcard.bad_baud");
}

TEST(SerialTransport, SecondOpenOfTheSameReaderIsRefused) {
    SamEmulator emulator;
    auto server = sim::PtyServer::start(emulator, 115200);
    ASSERT_TRUE(server.ok());
    auto first = SerialTransport::open(server.value()->devicePath(), 115200);
    ASSERT_TRUE(first.ok());
    auto second = SerialTransport::open(server.value()->devicePath(), 115200);
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, "idcard.reader_busy");
}

TEST(IdCardWatcher, ReportsPlacementOnceRemovalAndInvalidCards) {
    LoopbackRig rig;
    std::mutex mutex;
    std::vector<std::string> events;
    auto record = [&](std::string event) {
        std::lock_guard lock(mutex);
        events.push_back(std::move(event));
    };
    auto count = [&] {
        std::lock_guard lock(mutex);
        return events.size();
    };
    WatchEvents callbacks;
    callbacks.cardRead = [&](const IdCard& card) { record("read " + card.name); };
    callbacks.cardUnreadable = [&](const Error& error) { record("unreadable " + error.code); };
    callbacks.cardRemoved = [&] { record("removed"); };
    WatchOptions options;
    options.pollInterval = 10ms;
    options.today = [] { return Date{2026, 11, 22}; };
    IdCardWatcher watcher(rig.reader, options, callbacks);
    watcher.start();

    auto waitFor = [&](std::size_t n) {
        const auto deadline = std::chrono::steady_clock::now() + 5s;
        while (count() < n && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(5ms);
        }
        return count() >= n;
    };
    rig.place("resident-zhang");
    ASSERT_TRUE(waitFor(1));
    std::this_thread::sleep_for(100ms);  // many polls with the card still there: no re-read
    rig.emulator.removeCard();
    ASSERT_TRUE(waitFor(2));
    rig.place("expired");
    ASSERT_TRUE(waitFor(3));
    watcher.stop();
    std::lock_guard lock(mutex);
    EXPECT_EQ(events,
              (std::vector<std::string>{"read 张三丰", "removed", "unreadable idcard.expired"}));
}

TEST(IdCardWatcher, SilentReaderIsReportedLostThenBack) {
    LoopbackRig rig;
    std::atomic<int> lost{0}, back{0};
    WatchEvents callbacks;
    callbacks.readerHealth = [&](bool present, const Error*) { (present ? back : lost)++; };
    WatchOptions options;
    options.pollInterval = 10ms;
    options.reopenInterval = 10ms;
    IdCardWatcher watcher(rig.reader, options, callbacks);
    rig.emulator.setFault(SamFault::Silent);
    watcher.start();
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (lost == 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(5ms);
    rig.emulator.setFault(SamFault::None);
    while (back == 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(5ms);
    watcher.stop();
    EXPECT_EQ(lost.load(), 1);
    EXPECT_EQ(back.load(), 1);
}
