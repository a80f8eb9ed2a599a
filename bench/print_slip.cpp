// A check-in slip from "print" to its last byte at the printer: through CUPS (libcups raw job,
// cupsd, socket backend) against writing the same bytes straight to the printer's socket.
// Run it under tests/printer/with_cupsd.sh, which starts a private cupsd:
//   tests/printer/with_cupsd.sh build/dev/sim/lobby-printer-sim build/dev/bench/bench_print_slip
//   [RUNS]

#include <QCoreApplication>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "bench_stats.h"
#include "config/slip_templates.h"
#include "printer/cups_queue.h"
#include "printer/direct_channel.h"
#include "sim/printer/printer_server.h"

using namespace lobby;
using Clock = std::chrono::steady_clock;

namespace {

using lobby::bench::median;
}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::atoi(argv[1]) : 20;
    const char* server = std::getenv("CUPS_SERVER");
    if (server == nullptr)
        return std::fprintf(stderr, "run under tests/printer/with_cupsd.sh\n"), 1;
    auto printer = sim::PrinterServer::start(0, {});
    if (!printer) return std::fprintf(stderr, "%s\n", printer.error().message.c_str()), 1;
    const std::string command =
        "lpadmin -p bench -E -v socket://127.0.0.1:" + std::to_string(printer.value()->port());
    if (std::system(command.c_str()) != 0) return std::fprintf(stderr, "lpadmin failed\n"), 1;

    auto slip = config::loadSlipTemplate("checkin");
    const printer::SlipFields fields = {{"hospital", "示例市第一人民医院"},
                                        {"department", "内科"},
                                        {"clinic_room", "3诊室"},
                                        {"doctor", "李医生 主任医师"},
                                        {"date", "2026-11-23"},
                                        {"time_window", "09:00-09:30"},
                                        {"queue_number", "A023"},
                                        {"patient_name", "张三丰"},
                                        {"visit_number", "V20261123-0042"},
                                        {"queue_url", "https://queue.example/s/A023"},
                                        {"wayfinding", "请到门诊楼二层内科候诊区等候叫号"}};
    auto bytes = printer::renderSlip(slip.value(), fields, printer::PaperWidth::Mm80);
    if (!bytes) return std::fprintf(stderr, "%s\n", bytes.error().message.c_str()), 1;

    const printer::CupsQueue queue{server, "bench"};
    const printer::DirectAddress direct{"127.0.0.1", printer.value()->port()};
    std::vector<double> viaCups, viaCupsCompleted, viaSocket;
    std::size_t jobs = 0;
    for (int i = 0; i < runs; ++i) {
        auto start = Clock::now();
        auto job = printer::submitRawJob(queue, bytes.value(), "bench", std::chrono::seconds(10));
        if (!job || !printer.value()->waitForJobs(++jobs, std::chrono::seconds(20))) {
            return std::fprintf(stderr, "CUPS job failed\n"), 1;
        }
        viaCups.push_back(std::chrono::duration<double, std::milli>(
                              printer.value()->jobs().back().lastByteAt - start)
                              .count());
        if (!printer::waitForJob(queue, job.value(), std::chrono::seconds(20))) return 1;
        viaCupsCompleted.push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - start).count());

        start = Clock::now();
        if (!printer::sendRaw(direct, bytes.value(), std::chrono::seconds(5)) ||
            !printer.value()->waitForJobs(++jobs, std::chrono::seconds(5))) {
            return std::fprintf(stderr, "direct send failed\n"), 1;
        }
        viaSocket.push_back(std::chrono::duration<double, std::milli>(
                                printer.value()->jobs().back().lastByteAt - start)
                                .count());
    }
    std::printf("slip: check-in, 80 mm, %zu bytes of ESC/POS\n", bytes->size());
    std::printf("print -> last byte at the printer, median of %d:\n", runs);
    std::printf("  through CUPS            %8.1f ms  (job reported completed: %.1f ms)\n",
                median(viaCups), median(viaCupsCompleted));
    std::printf("  straight to the socket  %8.1f ms\n", median(viaSocket));
    return 0;
}
