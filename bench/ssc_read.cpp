// A full social-security card read through pcscd and vpcd, against the sum of the virtual
// card's simulated latencies: what is left is the kiosk's and pcscd's own overhead per read.
// Run it under tests/smartcard/with_pcscd.sh, which starts a private pcscd:
//   tests/smartcard/with_pcscd.sh build/dev/bench/bench_ssc_read [RUNS]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "sim/smartcard/vpcd_card.h"
#include "smartcard/pcsc.h"
#include "smartcard/ssc_card.h"

using namespace lobby;
using Clock = std::chrono::steady_clock;

namespace {

bool waitForCard(smartcard::PcscContext& context, bool present) {
    for (int i = 0; i < 40; ++i) {
        auto states = context.waitForChange(std::chrono::milliseconds(250));
        if (!states) return false;
        const bool any = std::any_of(states->begin(), states->end(),
                                     [](const smartcard::ReaderEvent& e) { return e.cardPresent; });
        if (any == present) return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 10;
    const char* port = std::getenv("LOBBY_VPCD_PORT");
    if (port == nullptr)
        return std::fprintf(stderr, "run under tests/smartcard/with_pcscd.sh\n"), 1;
    auto context = smartcard::PcscContext::establish();
    if (!context) return std::fprintf(stderr, "%s\n", context.error().message.c_str()), 1;
    auto readers = context.value()->listReaders();
    if (!readers || readers->empty()) return std::fprintf(stderr, "no reader\n"), 1;
    const std::string reader = readers->front();
    sim::VpcdCard card(static_cast<unsigned short>(std::atoi(port)));

    std::printf("%-12s %6s %10s %12s %12s %14s\n", "latency/APDU", "APDUs", "read ms",
                "simulated ms", "overhead ms", "overhead/APDU");
    for (const long latency_ms : {0L, 20L}) {
        card.setLatency(std::chrono::milliseconds(latency_ms));
        std::vector<double> totals, overheads;
        int apdus = 0;
        for (int i = 0; i < runs; ++i) {
            if (!card.insert(*sim::findSscHolder("ssc-wang")) ||
                !waitForCard(*context.value(), true)) {
                return std::fprintf(stderr, "insert failed\n"), 1;
            }
            const int before = card.apdusAnswered();
            const auto start = Clock::now();
            auto session = smartcard::PcscCardSession::open(*context.value(), reader);
            if (!session) return std::fprintf(stderr, "%s\n", session.error().message.c_str()), 1;
            auto read = smartcard::readSscCard(session.value()->transmitter());
            session.value().reset();
            const double total_ms =
                std::chrono::duration<double, std::milli>(Clock::now() - start).count();
            if (!read) return std::fprintf(stderr, "%s\n", read.error().message.c_str()), 1;
            apdus = card.apdusAnswered() - before;
            totals.push_back(total_ms);
            overheads.push_back(total_ms - static_cast<double>(apdus * latency_ms));
            card.remove();
            waitForCard(*context.value(), false);
        }
        std::sort(totals.begin(), totals.end());
        std::sort(overheads.begin(), overheads.end());
        const double total = totals[totals.size() / 2];
        const double overhead = overheads[overheads.size() / 2];
        std::printf("%9ld ms %6d %10.1f %12ld %12.1f %11.2f ms\n", latency_ms, apdus, total,
                    apdus * latency_ms, overhead, overhead / apdus);
    }
    std::printf("(medians of %d reads each)\n", runs);
    return 0;
}
