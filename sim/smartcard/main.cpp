// lobby-vicc: a social-security card for pcscd's vpcd reader (Debian's vsmartcard-vpcd).
// Connects to vpcd on 127.0.0.1:PORT when a card is inserted. One command per line on stdin,
// answered "ok" or "error: ..." on stdout:
//   insert KEY [FAULT] | remove | latency MS | cards | quit
// FAULT: pulled_mid_read | wrong_record_tag | file_not_found | blocked

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>

#include "sim/smartcard/vpcd_card.h"

using namespace lobby::sim;

int main(int argc, char** argv) {
    unsigned short port = 35963;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--port") == 0 && i + 1 < argc) {
            port = static_cast<unsigned short>(std::atoi(argv[++i]));
        } else {
            std::cerr << "usage: lobby-vicc [--port N]\n";
            return 64;
        }
    }
    VpcdCard card(port);
    std::cout << "ready" << std::endl;
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream words(line);
        std::string verb, argument, faultName = "none";
        words >> verb >> argument >> faultName;
        if (verb == "quit") break;
        if (verb == "insert") {
            const SscHolder* holder = findSscHolder(argument);
            const auto fault = parseSscFault(faultName);
            if (holder == nullptr || !fault) {
                std::cout << "error: unknown card or fault" << std::endl;
                continue;
            }
            auto inserted = card.insert(*holder, *fault);
            std::cout << (inserted ? "ok" : "error: " + inserted.error().message) << std::endl;
        } else if (verb == "remove") {
            card.remove();
            std::cout << "ok" << std::endl;
        } else if (verb == "latency") {
            card.setLatency(std::chrono::milliseconds(std::atol(argument.c_str())));
            std::cout << "ok" << std::endl;
        } else if (verb == "cards") {
            std::string keys;
            for (const auto& holder : sscCatalogue())
                keys += holder.key + " ";
            std::cout << "ok " << keys << std::endl;
        } else if (!verb.empty()) {
            std::cout << "error: unknown command '" << verb << "'" << std::endl;
        }
    }
    return 0;
}
