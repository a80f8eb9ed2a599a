#pragma once
// Printing through CUPS: a raw job to a configured queue (the slip is already ESC/POS),
// followed until it is completed, aborted, cancelled or stopped; and the queue's state from
// IPP Get-Printer-Attributes. CUPS and IPP codes are mapped to our errors here, once.

#include <chrono>
#include <string>
#include <vector>

#include "printer/escpos.h"

namespace lobby::printer {

using Milliseconds = std::chrono::milliseconds;

struct CupsQueue {
    std::string server;  // "host:port"; empty: CUPS's default (CUPS_SERVER, client.conf, socket)
    std::string name;    // the queue, e.g. "kiosk"
};

struct QueueStatus {
    bool accepting = false;
    std::string deviceUri;  // where the queue sends its jobs, e.g. ipp://host:631/ipp/print
    std::string state;      // "idle" | "processing" | "stopped"
    std::vector<std::string> reasons;  // printer-state-reasons, e.g. "media-empty-error"
    PrinterState printerState = PrinterState::Ready;  // what the reasons mean for a kiosk
};

// How a document is sent: CUPS converts it for the printer from `format`.
struct JobOptions {
    std::string format = "application/vnd.cups-raw";
    std::string sides;  // "" (the queue's default), "one-sided", "two-sided-long-edge"
    std::string media;  // "" (the queue's default), e.g. "iso_a4_210x297mm"
};

// How a job ended when it completed: the printer's own count of what it printed.
struct JobEnd {
    int impressions = 0;  // job-impressions-completed (pages printed)
    int sheets = 0;       // job-media-sheets-completed
};

// A printer's state straight from the printer over IPP, not from CUPS: CUPS learns a remote
// printer's state only while it sends it a job.
struct IppPrinterStatus {
    std::string state;                 // "idle" | "processing" | "stopped"
    std::vector<std::string> reasons;  // printer-state-reasons, "none" left out
    std::vector<int> markerLevels;     // 0..100, or -1 / -2 / -3 (unknown) per marker
    std::vector<std::string> markerNames;
    std::vector<std::string> sidesSupported;
};

// Submits the bytes as one job (see JobOptions) titled `title` (a reference, as below).
Result<int> submitJob(const CupsQueue& queue, std::span<const std::uint8_t> bytes,
                      const std::string& title, const JobOptions& options, Milliseconds timeout);
// Follows the job to its end: JobEnd when completed, typed errors as waitForJob's.
Result<JobEnd> followJob(const CupsQueue& queue, int jobId, Milliseconds timeout);
// Cancels a job that must not print any more (it ran out of time); errors are ignored.
void cancelJob(const CupsQueue& queue, int jobId);
// Removes a finished job's document and history from CUPS's spool (a report is a patient's:
// CUPS keeps job files for a day by default). Errors are returned for the caller to log.
Status purgeJob(const CupsQueue& queue, int jobId);
// Get-Printer-Attributes from an ipp:// or ipps:// printer URI.
Result<IppPrinterStatus> queryIppPrinter(const std::string& uri, Milliseconds timeout);

// Submits the bytes as one raw job titled `title` (a reference: anything but [A-Za-z0-9._-]
// becomes '-'); returns the job id.
Result<int> submitRawJob(const CupsQueue& queue, std::span<const std::uint8_t> bytes,
                         const std::string& title, Milliseconds timeout);
// Waits until the job is completed (success) or aborted / cancelled / stopped (typed errors).
Status waitForJob(const CupsQueue& queue, int jobId, Milliseconds timeout);
Result<QueueStatus> queryQueue(const CupsQueue& queue, Milliseconds timeout);

// media-empty -> PaperOut, media-low -> PaperLow, door-open / cover-open -> CoverOpen,
// offline / connecting-to-device (long) -> Offline, any "-error" reason -> Error.
PrinterState stateFromReasons(const std::vector<std::string>& reasons, const std::string& state);

}  // namespace lobby::printer
