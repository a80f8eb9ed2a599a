// A two-page report from "print" to its last page saved by the A4 printer, split into the
// platform's share (fetching the PDF over mutual TLS), the kiosk's own (checking it with qpdf),
// CUPS's (IPP Everywhere queue: pdftopdf, the ipp backend) and the printer's (ippeveprinter's own
// processing time, from its log); against a plain `lp` of the same PDF on the same queue.
// Run it with bench/print_report.sh, which starts the sandbox platform, a private cupsd and
// ippeveprinter, and seeds the reports.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

#include "bench_stats.h"
#include "platform/https_platform_client.h"
#include "printer/a4_printer.h"
#include "printer/pdf_document.h"

using namespace lobby;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

using lobby::bench::median;

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

std::size_t savedJobs() {
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(env("LOBBY_A4_OUT"))) {
        const auto name = entry.path().filename().string();
        if (name.rfind("job-", 0) == 0) ++count;
    }
    return count;
}

// Waits for the printer to have saved `count` jobs; the moment it did.
Clock::time_point savedAt(std::size_t count) {
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    while (savedJobs() < count && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    return Clock::now();
}

// ippeveprinter's own processing time of each job, in order ("Processing time was 0.021 s").
std::vector<double> printerTimes() {
    std::ifstream log(fs::path(env("LOBBY_A4_OUT")) / ".." / "ippeveprinter.log");
    const std::regex line(R"(Processing time was ([0-9.]+) seconds)");
    std::vector<double> times;
    for (std::string text; std::getline(log, text);) {
        std::smatch match;
        if (std::regex_search(text, match, line)) times.push_back(std::stod(match[1]) * 1000.0);
    }
    return times;
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 10;
    if (env("LOBBY_A4_QUEUE").empty() || env("LOBBY_PLATFORM_URL").empty())
        return std::fprintf(stderr, "run with bench/print_report.sh\n"), 1;
    platform::ClientConfig config;
    config.baseUrl = env("LOBBY_PLATFORM_URL");
    config.caBundle = env("LOBBY_PLATFORM_CA");
    config.clientCertificate = env("LOBBY_PLATFORM_CERT");
    config.clientKey = env("LOBBY_PLATFORM_KEY");
    platform::HttpsPlatformClient client(config);
    auto patient = client.identifyByIdCard("310115198506150022", "李秀英");
    if (!patient) return std::fprintf(stderr, "%s\n", patient.error().message.c_str()), 1;
    auto reports = client.reports(patient->id);
    if (!reports) return std::fprintf(stderr, "%s\n", reports.error().message.c_str()), 1;
    std::vector<std::string> ready;
    for (const auto& report : reports.value())
        if (report.status == platform::ReportStatus::Ready) ready.push_back(report.id);
    if (static_cast<int>(ready.size()) < runs)
        return std::fprintf(stderr, "seed %d reports first\n", runs), 1;

    const printer::CupsQueue queue{env("CUPS_SERVER"), env("LOBBY_A4_QUEUE")};
    printer::A4Printer a4(queue);
    std::vector<double> fetch, check, cupsAndPrinter, total, untilCompleted, plainLp;
    std::vector<std::uint8_t> lastPdf;
    int pages = 0;
    for (int run = 0; run < runs; ++run) {
        const std::size_t before = savedJobs();
        const auto t0 = Clock::now();
        auto bytes = client.reportDocument(ready[static_cast<std::size_t>(run)]);
        const auto t1 = Clock::now();
        if (!bytes) return std::fprintf(stderr, "%s\n", bytes.error().message.c_str()), 1;
        auto document = printer::checkPdf({bytes->begin(), bytes->end()});
        const auto t2 = Clock::now();
        if (!document) return std::fprintf(stderr, "%s\n", document.error().message.c_str()), 1;
        lastPdf = document->bytes;
        pages = document->pages;
        std::thread watcher;
        Clock::time_point saved;
        watcher = std::thread([&] { saved = savedAt(before + 1); });
        auto printed = a4.print(document.value(), "bench", true, std::chrono::seconds(60));
        const auto t3 = Clock::now();
        watcher.join();
        if (!printed) return std::fprintf(stderr, "%s\n", printed.error().message.c_str()), 1;
        fetch.push_back(ms(t1 - t0));
        check.push_back(ms(t2 - t1));
        cupsAndPrinter.push_back(ms(saved - t2));
        total.push_back(ms(saved - t0));
        untilCompleted.push_back(ms(t3 - t0));
    }
    const fs::path file = fs::temp_directory_path() / "bench-report.pdf";
    std::ofstream(file, std::ios::binary)
        .write(reinterpret_cast<const char*>(lastPdf.data()),
               static_cast<std::streamsize>(lastPdf.size()));
    for (int run = 0; run < runs; ++run) {
        const std::size_t before = savedJobs();
        const auto t0 = Clock::now();
        const std::string command = "lp -d " + queue.name + " -o sides=two-sided-long-edge '" +
                                    file.string() + "' >/dev/null";
        if (std::system(command.c_str()) != 0) return std::fprintf(stderr, "lp failed\n"), 1;
        plainLp.push_back(ms(savedAt(before + 1) - t0));
        // Not timed: the queue idle again (CUPS's backend done with the job), as before a
        // kiosk's print, which waits for its job to complete.
        const std::string idle =
            "while lpstat -o " + queue.name + " | grep -q .; do sleep 0.01; done";
        if (std::system(idle.c_str()) != 0) return 1;
    }
    fs::remove(file);
    const auto printerMs = printerTimes();
    const std::vector<double> kioskPrinter(
        printerMs.begin(),
        printerMs.begin() +
            std::min<std::ptrdiff_t>(runs, static_cast<std::ptrdiff_t>(printerMs.size())));
    const double printer = median(kioskPrinter);
    std::printf("A4 report, %d pages, %zu bytes, %d runs (medians, ms)\n", pages, lastPdf.size(),
                runs);
    std::printf("  print -> last page saved by the printer   %8.1f\n", median(total));
    std::printf("    platform (fetch the PDF, mutual TLS)    %8.1f\n", median(fetch));
    std::printf("    kiosk (qpdf check)                      %8.1f\n", median(check));
    std::printf("    CUPS (pdftopdf, ipp backend, spooling)  %8.1f\n",
                median(cupsAndPrinter) - printer);
    std::printf("    printer (ippeveprinter's processing)    %8.1f\n", printer);
    std::printf("  print -> kiosk sees the job completed     %8.1f\n", median(untilCompleted));
    std::printf("  plain `lp` of the same PDF -> saved       %8.1f\n", median(plainLp));
    std::printf("  the kiosk's own share (check, and its CUPS path beyond lp's) %6.1f\n",
                median(check) + median(cupsAndPrinter) - median(plainLp));
    return 0;
}
