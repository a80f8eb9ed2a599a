#include "printer/a4_printer.h"

#include <algorithm>
#include <array>
#include <utility>

namespace lobby::printer {
namespace {

// Prefixes of printer-state-reasons keywords (RFC 8011, PWG 5100.9) and what they mean here.
constexpr std::array<std::pair<std::string_view, A4State>, 13> kReasons{{
    {"offline", A4State::Offline},
    {"shutdown", A4State::Offline},
    {"door-open", A4State::CoverOpen},
    {"cover-open", A4State::CoverOpen},
    {"interlock-open", A4State::CoverOpen},
    {"media-jam", A4State::Jammed},
    {"media-empty", A4State::PaperOut},
    {"media-needed", A4State::PaperOut},
    {"toner-empty", A4State::TonerOut},
    {"marker-supply-empty", A4State::TonerOut},
    {"toner-low", A4State::TonerLow},
    {"marker-supply-low", A4State::TonerLow},
    {"media-low", A4State::PaperLow},
}};

bool endsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

A4State worst(A4State a, A4State b) {
    return static_cast<int>(a) < static_cast<int>(b) ? a : b;
}

bool lost(const Error& error) {
    return error.code == "printer.job_aborted" || error.code == "printer.job_cancelled" ||
           error.code == "printer.job_stopped";
}

}  // namespace

std::string_view toString(A4State state) {
    switch (state) {
        case A4State::Offline:
            return "offline";
        case A4State::CoverOpen:
            return "cover_open";
        case A4State::Jammed:
            return "jammed";
        case A4State::PaperOut:
            return "paper_out";
        case A4State::TonerOut:
            return "toner_out";
        case A4State::Error:
            return "error";
        case A4State::TonerLow:
            return "toner_low";
        case A4State::PaperLow:
            return "paper_low";
        case A4State::Ready:
            return "ready";
    }
    return "error";
}

bool a4CanPrint(A4State state) {
    return state == A4State::Ready || state == A4State::TonerLow || state == A4State::PaperLow;
}

A4State a4StateFromReasons(const std::vector<std::string>& reasons,
                           const std::vector<int>& markerLevels, const std::string& state) {
    A4State result = A4State::Ready;
    for (const auto& reason : reasons) {
        bool known = false;
        for (const auto& [prefix, meaning] : kReasons) {
            if (reason.rfind(prefix, 0) == 0) {
                result = worst(result, meaning);
                known = true;
            }
        }
        if (!known && endsWith(reason, "-error")) result = worst(result, A4State::Error);
    }
    // A printer that reports levels but no reason: an empty marker is empty all the same.
    for (const int level : markerLevels) {
        if (level == 0) result = worst(result, A4State::TonerOut);
        if (level > 0 && level <= 5) result = worst(result, A4State::TonerLow);
    }
    if (state == "stopped") result = worst(result, A4State::Offline);
    return result;
}

Result<A4Status> queryA4(const CupsQueue& queue, Milliseconds timeout) {
    auto queued = queryQueue(queue, timeout);
    if (!queued) return queued.error();
    A4Status status;
    status.accepting = queued->accepting;
    status.deviceUri = queued->deviceUri;
    status.reasons = queued->reasons;
    std::string state = queued->state;
    const bool ipp =
        status.deviceUri.rfind("ipp://", 0) == 0 || status.deviceUri.rfind("ipps://", 0) == 0;
    if (ipp) {
        auto printer = queryIppPrinter(status.deviceUri, timeout);
        if (!printer) {
            status.state = A4State::Offline;
            return status;
        }
        status.fromPrinter = true;
        // Between jobs the printer's own reasons are the truth; the queue keeps the last job's.
        status.reasons = printer->reasons;
        status.markerLevels = printer->markerLevels;
        status.markerNames = printer->markerNames;
        status.duplex =
            std::any_of(printer->sidesSupported.begin(), printer->sidesSupported.end(),
                        [](const std::string& s) { return s.rfind("two-sided", 0) == 0; });
        if (queued->state == "stopped")
            state = "stopped";
        else
            state = printer->state;
    }
    status.state = a4StateFromReasons(status.reasons, status.markerLevels, state);
    if (!status.accepting) status.state = A4State::Offline;
    return status;
}

Result<A4Printed> A4Printer::print(const PdfDocument& document, const std::string& reference,
                                   bool duplex, Milliseconds timeout) {
    JobOptions options;
    options.format = "application/pdf";
    // No media: the queue's default is the printer's own loaded paper (A4 in a hospital); a
    // size the tray does not hold would make the printer refuse the job.
    options.sides = duplex && document.pages > 1 ? "two-sided-long-edge" : "one-sided";
    Error last = makeError(ErrorKind::Internal, "printer.job_lost", "not printed");
    for (int attempt = 1; attempt <= 2; ++attempt) {
        auto job = submitJob(queue_, document.bytes, reference, options, timeout);
        if (!job) return job.error();
        auto end = followJob(queue_, job.value(), timeout);
        if (!end && end.error().kind == ErrorKind::Timeout) cancelJob(queue_, job.value());
        // Whatever became of it, nothing of the document stays in CUPS's spool.
        if (auto purged = purgeJob(queue_, job.value()); !purged) purgeFailures_++;
        if (end) {
            // CUPS may call a job completed that the printer gave up on (its backend polls the
            // printer's job now and then): the printer's own state after the job has the word.
            auto after = queryA4(queue_, timeout);
            if (after && (after->state == A4State::Jammed || after->state == A4State::PaperOut)) {
                last = makeError(ErrorKind::Device, "printer.job_lost",
                                 std::string("the printer reports ") +
                                     std::string(toString(after->state)) + " after the job");
                continue;
            }
            const int pages = end->impressions > 0 ? end->impressions : document.pages;
            return A4Printed{pages, attempt};
        }
        if (end.error().kind == ErrorKind::Timeout) return end.error();
        if (!lost(end.error())) return end.error();
        last = end.error();
    }
    return makeError(ErrorKind::Device, "printer.job_lost",
                     "the printer lost the document twice (" + last.message + ")");
}

}  // namespace lobby::printer
