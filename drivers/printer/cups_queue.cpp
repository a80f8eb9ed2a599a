#include "printer/cups_queue.h"

#include <cups/cups.h>

#include <memory>
#include <thread>

namespace lobby::printer {
namespace {

constexpr Milliseconds kJobPoll{100};

struct HttpCloser {
    void operator()(http_t* http) const { httpClose(http); }
};
using Http = std::unique_ptr<http_t, HttpCloser>;
struct IppDeleter {
    void operator()(ipp_t* ipp) const { ippDelete(ipp); }
};
using Ipp = std::unique_ptr<ipp_t, IppDeleter>;

// The one place CUPS's last error becomes ours.
Error cupsError(const char* what) {
    const ipp_status_t status = cupsLastError();
    const std::string message = std::string(what) + ": " + cupsLastErrorString();
    switch (status) {
        case IPP_STATUS_ERROR_NOT_FOUND:
            return makeError(ErrorKind::NotFound, "printer.no_queue", message);
        case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS:
        case IPP_STATUS_ERROR_SERVICE_UNAVAILABLE:
        case IPP_STATUS_ERROR_INTERNAL:
            return makeError(ErrorKind::Unavailable, "printer.cups_unavailable", message);
        case IPP_STATUS_ERROR_TIMEOUT:
            return makeError(ErrorKind::Timeout, "printer.timeout", message);
        default:
            return makeError(ErrorKind::Device, "printer.cups", message);
    }
}

Result<Http> connect(const CupsQueue& queue, Milliseconds timeout) {
    std::string host = queue.server.empty() ? cupsServer() : queue.server;
    int port = ippPort();
    if (const auto colon = host.rfind(':'); colon != std::string::npos && host[0] != '/') {
        port = std::atoi(host.c_str() + colon + 1);
        host.resize(colon);
    }
    http_t* http =
        httpConnect2(host.c_str(), port, nullptr, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1,
                     static_cast<int>(timeout.count()), nullptr);
    if (http == nullptr) {
        return makeError(ErrorKind::Unavailable, "printer.cups_unavailable",
                         "cannot reach CUPS at " + host + ":" + std::to_string(port));
    }
    httpSetTimeout(http, static_cast<double>(timeout.count()) / 1000.0, nullptr, nullptr);
    return Http(http);
}

std::string printerUri(const CupsQueue& queue) {
    return "ipp://localhost/printers/" + queue.name;
}

// A job title goes into CUPS's logs and its backends' command lines: a reference, never free
// text. Anything beyond [A-Za-z0-9._-] becomes '-', also because Debian's cupsd
// 2.4.2-3+deb12u10 crashes starting a job whose title holds a space (seen on this project's test
// machines, Create-Job + Send-Document of a raw document).
std::string jobTitle(const std::string& title) {
    std::string safe = title.empty() ? std::string("slip") : title.substr(0, 64);
    for (char& c : safe) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!plain) c = '-';
    }
    return safe;
}

}  // namespace

Result<int> submitRawJob(const CupsQueue& queue, std::span<const std::uint8_t> bytes,
                         const std::string& title, Milliseconds timeout) {
    auto http = connect(queue, timeout);
    if (!http) return http.error();
    const std::string safeTitle = jobTitle(title);
    const int job = cupsCreateJob(http->get(), queue.name.c_str(), safeTitle.c_str(), 0, nullptr);
    if (job == 0) return cupsError("creating the print job");
    if (cupsStartDocument(http->get(), queue.name.c_str(), job, safeTitle.c_str(), CUPS_FORMAT_RAW,
                          1) != HTTP_STATUS_CONTINUE) {
        return cupsError("starting the document");
    }
    if (cupsWriteRequestData(http->get(), reinterpret_cast<const char*>(bytes.data()),
                             bytes.size()) != HTTP_STATUS_CONTINUE) {
        return cupsError("sending the slip");
    }
    if (cupsFinishDocument(http->get(), queue.name.c_str()) != IPP_STATUS_OK) {
        return cupsError("finishing the document");
    }
    return job;
}

Status waitForJob(const CupsQueue& queue, int jobId, Milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto http = connect(queue, timeout);
    if (!http) return http.error();
    while (true) {
        ipp_t* request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr,
                     printerUri(queue).c_str());
        ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", jobId);
        Ipp response(cupsDoRequest(http->get(), request, "/"));
        if (!response || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
            return cupsError("following the print job");
        }
        ipp_attribute_t* state = ippFindAttribute(response.get(), "job-state", IPP_TAG_ENUM);
        const auto jobState = static_cast<ipp_jstate_t>(state ? ippGetInteger(state, 0) : 0);
        switch (jobState) {
            case IPP_JSTATE_COMPLETED:
                return {};
            case IPP_JSTATE_ABORTED:
                return makeError(ErrorKind::Device, "printer.job_aborted",
                                 "the printer gave up on the slip");
            case IPP_JSTATE_CANCELED:
                return makeError(ErrorKind::Cancelled, "printer.job_cancelled",
                                 "the slip was cancelled");
            case IPP_JSTATE_STOPPED:
                return makeError(ErrorKind::Device, "printer.job_stopped",
                                 "the print queue stopped with the slip in it");
            default:
                break;
        }
        if (std::chrono::steady_clock::now() + kJobPoll > deadline) {
            return makeError(ErrorKind::Timeout, "printer.timeout",
                             "the slip was not printed in time");
        }
        std::this_thread::sleep_for(kJobPoll);
    }
}

PrinterState stateFromReasons(const std::vector<std::string>& reasons, const std::string& state) {
    auto has = [&](const char* prefix) {
        for (const auto& reason : reasons) {
            if (reason.rfind(prefix, 0) == 0) return true;
        }
        return false;
    };
    if (has("media-empty") || has("media-needed")) return PrinterState::PaperOut;
    if (has("door-open") || has("cover-open")) return PrinterState::CoverOpen;
    if (has("offline") || has("shutdown")) return PrinterState::Offline;
    for (const auto& reason : reasons) {
        if (reason.size() > 6 && reason.compare(reason.size() - 6, 6, "-error") == 0) {
            return PrinterState::Error;
        }
    }
    if (state == "stopped") return PrinterState::Offline;
    if (has("media-low")) return PrinterState::PaperLow;
    return PrinterState::Ready;
}

Result<QueueStatus> queryQueue(const CupsQueue& queue, Milliseconds timeout) {
    auto http = connect(queue, timeout);
    if (!http) return http.error();
    ipp_t* request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr,
                 printerUri(queue).c_str());
    static const char* const kWanted[] = {"printer-state", "printer-state-reasons",
                                          "printer-is-accepting-jobs"};
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 3, nullptr,
                  kWanted);
    Ipp response(cupsDoRequest(http->get(), request, "/"));
    if (!response || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
        return cupsError("asking CUPS for the printer's state");
    }
    QueueStatus status;
    if (auto* state = ippFindAttribute(response.get(), "printer-state", IPP_TAG_ENUM)) {
        switch (static_cast<ipp_pstate_t>(ippGetInteger(state, 0))) {
            case IPP_PSTATE_IDLE:
                status.state = "idle";
                break;
            case IPP_PSTATE_PROCESSING:
                status.state = "processing";
                break;
            case IPP_PSTATE_STOPPED:
                status.state = "stopped";
                break;
        }
    }
    if (auto* reasons =
            ippFindAttribute(response.get(), "printer-state-reasons", IPP_TAG_KEYWORD)) {
        for (int i = 0; i < ippGetCount(reasons); ++i) {
            const std::string reason = ippGetString(reasons, i, nullptr);
            if (reason != "none") status.reasons.push_back(reason);
        }
    }
    if (auto* accepting =
            ippFindAttribute(response.get(), "printer-is-accepting-jobs", IPP_TAG_BOOLEAN)) {
        status.accepting = ippGetBoolean(accepting, 0) != 0;
    }
    status.printerState = stateFromReasons(status.reasons, status.state);
    return status;
}

}  // namespace lobby::printer
