// lobby-printer-sim: a receipt printer on 127.0.0.1 for CUPS queues, tests and the demo. Prints
// "port N" once listening, saves each job as job-NNNN.txt / .png in --out DIR, and takes one
// command per line on stdin, answered "ok" or "error: ...":
//   state ready|paper_low|paper_out|cover_open|offline | paper_out_after LINES | jobs | quit

#include <QGuiApplication>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>

#include "sim/printer/printer_server.h"

using lobby::printer::PrinterState;

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);  // fonts for the PNGs
    unsigned short port = 9100;
    std::string out = "printer-out";
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--port") == 0 && i + 1 < argc) {
            port = static_cast<unsigned short>(std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
            out = argv[++i];
        } else {
            std::cerr << "usage: lobby-printer-sim [--port N (0: any free)] [--out DIR]\n";
            return 64;
        }
    }
    auto server = lobby::sim::PrinterServer::start(port, out);
    if (!server) {
        std::cerr << "lobby-printer-sim: " << server.error().message << "\n";
        return 1;
    }
    std::cout << "port " << server.value()->port() << std::endl;
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream words(line);
        std::string verb, argument;
        words >> verb >> argument;
        if (verb == "quit") break;
        if (verb == "state") {
            static const std::pair<const char*, PrinterState> kStates[] = {
                {"ready", PrinterState::Ready},        {"paper_low", PrinterState::PaperLow},
                {"paper_out", PrinterState::PaperOut}, {"cover_open", PrinterState::CoverOpen},
                {"offline", PrinterState::Offline},    {"error", PrinterState::Error}};
            bool known = false;
            for (const auto& [name, state] : kStates) {
                if (argument == name) {
                    server.value()->setState(state);
                    known = true;
                }
            }
            std::cout << (known ? "ok" : "error: unknown state") << std::endl;
        } else if (verb == "paper_out_after") {
            server.value()->paperOutAfter(std::atoi(argument.c_str()));
            std::cout << "ok" << std::endl;
        } else if (verb == "jobs") {
            std::cout << "ok " << server.value()->jobs().size() << std::endl;
        } else if (!verb.empty()) {
            std::cout << "error: unknown command '" << verb << "'" << std::endl;
        }
    }
    return 0;
}
