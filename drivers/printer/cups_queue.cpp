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

Result<Http> connectTo(std::string host, int port, Milliseconds timeout) {
    http_t* http =
        httpConnect2(host.c_str(), port, nullptr, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1,
                     static_cast<int>(timeout.count()), nullptr);
    if (http == nullptr) {
        return makeError(ErrorKind::Unavailable, "printer.cups_unavailable",
                         "cannot reach " + host + ":" + std::to_string(port));
    }
    httpSetTimeout(http, static_cast<double>(timeout.count()) / 1000.0, nullptr, nullptr);
    return Http(http);
}

Result<Http> connect(const CupsQueue& queue, Milliseconds timeout) {
    std::string host = queue.server.empty() ? cupsServer() : queue.server;
    int port = ippPort();
    if (const auto colon = host.rfind(':'); colon != std::string::npos && host[0] != '/') {
        port = std::atoi(host.c_str() + colon + 1);
        host.resize(colon);
    }
    return connectTo(std::move(host), port, timeout);
}

int integerAttribute(ipp_t* response, const char* name) {
    ipp_attribute_t* attribute = ippFindAttribute(response, name, IPP_TAG_INTEGER);
    return attribute ? ippGetInteger(attribute, 0) : 0;
}

std::vector<std::string> keywords(ipp_t* response, const char* name) {
    std::vector<std::string> values;
    ipp_attribute_t* attribute = ippFindAttribute(response, name, IPP_TAG_ZERO);
    for (int i = 0; attribute != nullptr && i < ippGetCount(attribute) && i < 64; ++i) {
        if (const char* value = ippGetString(attribute, i, nullptr)) {
            if (std::string_view(value) != "none") values.emplace_back(value);
        }
    }
    return values;
}

std::string stateName(ipp_t* response) {
    ipp_attribute_t* state = ippFindAttribute(response, "printer-state", IPP_TAG_ENUM);
    if (state == nullptr) return {};
    switch (static_cast<ipp_pstate_t>(ippGetInteger(state, 0))) {
        case IPP_PSTATE_IDLE:
            return "idle";
        case IPP_PSTATE_PROCESSING:
            return "processing";
        case IPP_PSTATE_STOPPED:
            return "stopped";
    }
    return {};
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

Result<int> submitJob(const CupsQueue& queue, std::span<const std::uint8_t> bytes,
                      const std::string& title, const JobOptions& options, Milliseconds timeout) {
    auto http = connect(queue, timeout);
    if (!http) return http.error();
    const std::string safeTitle = jobTitle(title);
    cups_option_t* cupsOptions = nullptr;
    int optionCount = 0;
    if (!options.sides.empty()) {
        optionCount = cupsAddOption("sides", options.sides.c_str(), optionCount, &cupsOptions);
    }
    if (!options.media.empty()) {
        optionCount = cupsAddOption("media", options.media.c_str(), optionCount, &cupsOptions);
    }
    const int job =
        cupsCreateJob(http->get(), queue.name.c_str(), safeTitle.c_str(), optionCount, cupsOptions);
    cupsFreeOptions(optionCount, cupsOptions);
    if (job == 0) return cupsError("creating the print job");
    if (cupsStartDocument(http->get(), queue.name.c_str(), job, safeTitle.c_str(),
                          options.format.c_str(), 1) != HTTP_STATUS_CONTINUE) {
        return cupsError("starting the document");
    }
    if (cupsWriteRequestData(http->get(), reinterpret_cast<const char*>(bytes.data()),
                             bytes.size()) != HTTP_STATUS_CONTINUE) {
        return cupsError("sending the document");
    }
    if (cupsFinishDocument(http->get(), queue.name.c_str()) != IPP_STATUS_OK) {
        return cupsError("finishing the document");
    }
    return job;
}

Result<int> submitRawJob(const CupsQueue& queue, std::span<const std::uint8_t> bytes,
                         const std::string& title, Milliseconds timeout) {
    return submitJob(queue, bytes, title, JobOptions{}, timeout);
}

Result<JobEnd> followJob(const CupsQueue& queue, int jobId, Milliseconds timeout) {
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
                return JobEnd{integerAttribute(response.get(), "job-impressions-completed"),
                              integerAttribute(response.get(), "job-media-sheets-completed")};
            case IPP_JSTATE_ABORTED:
                return makeError(ErrorKind::Device, "printer.job_aborted",
                                 "the printer gave up on the job");
            case IPP_JSTATE_CANCELED:
                return makeError(ErrorKind::Cancelled, "printer.job_cancelled",
                                 "the job was cancelled");
            case IPP_JSTATE_STOPPED:
                return makeError(ErrorKind::Device, "printer.job_stopped",
                                 "the print queue stopped with the job in it");
            default:
                break;
        }
        if (std::chrono::steady_clock::now() + kJobPoll > deadline) {
            return makeError(ErrorKind::Timeout, "printer.timeout",
                             "the job was not printed in time");
        }
        std::this_thread::sleep_for(kJobPoll);
    }
}

Status waitForJob(const CupsQueue& queue, int jobId, Milliseconds timeout) {
    auto end = followJob(queue, jobId, timeout);
    if (!end) return end.error();
    return {};
}

void cancelJob(const CupsQueue& queue, int jobId) {
    auto http = connect(queue, Milliseconds(2000));
    if (!http) return;
    (void)cupsCancelJob2(http->get(), queue.name.c_str(), jobId, 0);
}

Status purgeJob(const CupsQueue& queue, int jobId) {
    auto http = connect(queue, Milliseconds(2000));
    if (!http) return http.error();
    if (cupsCancelJob2(http->get(), queue.name.c_str(), jobId, 1) != IPP_STATUS_OK) {
        return cupsError("purging the print job");
    }
    return {};
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
                                          "printer-is-accepting-jobs", "device-uri"};
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 4, nullptr,
                  kWanted);
    Ipp response(cupsDoRequest(http->get(), request, "/"));
    if (!response || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
        return cupsError("asking CUPS for the printer's state");
    }
    QueueStatus status;
    status.state = stateName(response.get());
    status.reasons = keywords(response.get(), "printer-state-reasons");
    if (auto* accepting =
            ippFindAttribute(response.get(), "printer-is-accepting-jobs", IPP_TAG_BOOLEAN)) {
        status.accepting = ippGetBoolean(accepting, 0) != 0;
    }
    if (auto* device = ippFindAttribute(response.get(), "device-uri", IPP_TAG_URI)) {
        status.deviceUri = ippGetString(device, 0, nullptr);
    }
    status.printerState = stateFromReasons(status.reasons, status.state);
    return status;
}

Result<IppPrinterStatus> queryIppPrinter(const std::string& uri, Milliseconds timeout) {
    char scheme[32], userpass[256], host[256], resource[1024];
    int port = 0;
    if (httpSeparateURI(HTTP_URI_CODING_ALL, uri.c_str(), scheme, sizeof(scheme), userpass,
                        sizeof(userpass), host, sizeof(host), &port, resource,
                        sizeof(resource)) < HTTP_URI_STATUS_OK ||
        (std::string_view(scheme) != "ipp" && std::string_view(scheme) != "ipps")) {
        return makeError(ErrorKind::InvalidConfig, "printer.bad_uri",
                         "not an ipp:// or ipps:// printer address");
    }
    auto http = connectTo(host, port, timeout);
    if (!http) return http.error();
    ipp_t* request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri.c_str());
    static const char* const kWanted[] = {"printer-state", "printer-state-reasons", "marker-levels",
                                          "marker-names", "sides-supported"};
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 5, nullptr,
                  kWanted);
    Ipp response(cupsDoRequest(http->get(), request, resource));
    if (!response || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
        return cupsError("asking the printer for its state");
    }
    IppPrinterStatus status;
    status.state = stateName(response.get());
    status.reasons = keywords(response.get(), "printer-state-reasons");
    status.markerNames = keywords(response.get(), "marker-names");
    status.sidesSupported = keywords(response.get(), "sides-supported");
    if (auto* levels = ippFindAttribute(response.get(), "marker-levels", IPP_TAG_INTEGER)) {
        for (int i = 0; i < ippGetCount(levels) && i < 16; ++i) {
            const int level = ippGetInteger(levels, i);
            status.markerLevels.push_back(level < -3 || level > 100 ? -2 : level);
        }
    }
    return status;
}

}  // namespace lobby::printer
