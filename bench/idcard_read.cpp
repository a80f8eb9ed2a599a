// How long the driver takes from "card found" to a decoded record over a pseudo-terminal at
// 115200 baud, against the wire time of the bytes exchanged. The simulator's card latencies are
// 0 and it paces its replies at the line rate, so everything above wire time is our overhead.
// Usage: bench_idcard_read [RUNS]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "idcard/sam_reader.h"
#include "idcard/serial_transport.h"
#include "sim/idcard/sam_emulator.h"
#include "sim/idcard/sam_transport_sim.h"

using namespace lobby;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 30;
    constexpr int kBaud = 115200;
    sim::SamEmulator emulator;
    emulator.setLatencies({std::chrono::milliseconds(0), std::chrono::milliseconds(0),
                           std::chrono::milliseconds(0), std::chrono::milliseconds(0)});
    emulator.placeCard(*sim::findCard("resident-zhang"));
    auto server = sim::PtyServer::start(emulator, kBaud);
    if (!server) return std::fprintf(stderr, "%s\n", server.error().message.c_str()), 1;
    auto transport = idcard::SerialTransport::open(server.value()->devicePath(), kBaud);
    if (!transport) return std::fprintf(stderr, "%s\n", transport.error().message.c_str()), 1;
    idcard::SamReader reader(std::move(transport.value()));

    // Bytes on the wire from "found" to the record: select (command + reply) and read.
    const std::size_t selectBytes = idcard::encodeCommand(idcard::commands::kSelectCard).size() +
                                    idcard::encodeResponse({0, 0, 0x90, {}}).size();
    const std::size_t readBytes =
        idcard::encodeCommand(idcard::commands::kReadTextPhoto).size() +
        idcard::encodeResponse({0, 0, 0x90, idcard::Bytes(4 + 256 + 1024)}).size();
    const double wire_ms = static_cast<double>(selectBytes + readBytes) * 10.0 * 1000.0 / kBaud;

    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        auto found = reader.findCard();
        if (!found || !found.value()) return std::fprintf(stderr, "find failed\n"), 1;
        const auto start = Clock::now();
        auto card = reader.selectAndRead();
        const auto end = Clock::now();
        if (!card) return std::fprintf(stderr, "%s\n", card.error().message.c_str()), 1;
        samples.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(samples.begin(), samples.end());
    const double median = samples[samples.size() / 2];
    const double p90 = samples[samples.size() * 9 / 10];
    std::printf("runs                  %d\n", runs);
    std::printf("bytes on the wire     %zu (select %zu, read %zu)\n", selectBytes + readBytes,
                selectBytes, readBytes);
    std::printf("wire time at %d 8N1: %.1f ms\n", kBaud, wire_ms);
    std::printf("found -> record       median %.1f ms, p90 %.1f ms, min %.1f ms\n", median, p90,
                samples.front());
    std::printf("ratio to wire time    %.3f (median)\n", median / wire_ms);
    return 0;
}
