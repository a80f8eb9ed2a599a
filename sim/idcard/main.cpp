// lobby-sam-sim: a resident ID card reader on a pseudo-terminal, for tests, the demo and a
// technician's bench. Prints "pty PATH" once ready, then takes one command per line on stdin
// and answers "ok" or "error: ..." on stdout:
//   place KEY | remove | fault none|bad_checksum|truncated|silent|removed_before_read
//   latency FIND_MS SELECT_MS READ_MS | cards | quit

#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>

#include "sim/idcard/card_catalogue.h"
#include "sim/idcard/sam_emulator.h"
#include "sim/idcard/sam_transport_sim.h"

using namespace lobby::sim;

namespace {

std::string runCommand(SamEmulator& emulator, const std::string& line) {
    std::istringstream words(line);
    std::string verb;
    words >> verb;
    if (verb == "place") {
        std::string key;
        words >> key;
        const SimCard* card = findCard(key);
        if (card == nullptr) return "error: no card '" + key + "' (try: cards)";
        emulator.placeCard(*card);
        return "ok";
    }
    if (verb == "remove") {
        emulator.removeCard();
        return "ok";
    }
    if (verb == "fault") {
        std::string name;
        words >> name;
        const auto fault = parseFault(name);
        if (!fault) return "error: unknown fault '" + name + "'";
        emulator.setFault(*fault);
        return "ok";
    }
    if (verb == "latency") {
        long find = -1, select = -1, read = -1;
        words >> find >> select >> read;
        if (find < 0 || select < 0 || read < 0) return "error: latency FIND_MS SELECT_MS READ_MS";
        emulator.setLatencies({std::chrono::milliseconds(find), std::chrono::milliseconds(select),
                               std::chrono::milliseconds(read), std::chrono::milliseconds(0)});
        return "ok";
    }
    if (verb == "cards") {
        std::string list;
        for (const auto& card : cardCatalogue())
            list += card.key + " ";
        return "ok " + list;
    }
    return "error: unknown command '" + verb + "'";
}

}  // namespace

int main(int argc, char** argv) {
    int baud = 115200;
    bool noLatency = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--baud") == 0 && i + 1 < argc) {
            baud = std::atoi(argv[++i]);
        } else if (std::strcmp(argv[i], "--no-latency") == 0) {
            noLatency = true;
        } else {
            std::fprintf(stderr, "usage: lobby-sam-sim [--baud N] [--no-latency]\n");
            return 64;
        }
    }
    SamEmulator emulator;
    if (noLatency) emulator.setLatencies({{}, {}, {}, {}});
    auto server = PtyServer::start(emulator, baud);
    if (!server) {
        std::fprintf(stderr, "lobby-sam-sim: %s\n", server.error().message.c_str());
        return 1;
    }
    std::cout << "pty " << server.value()->devicePath() << std::endl;
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line == "quit") break;
        if (line.empty()) continue;
        std::cout << runCommand(emulator, line) << std::endl;
    }
    return 0;
}
