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
    std::string state;                 // "idle" | "processing" | "stopped"
    std::vector<std::string> reasons;  // printer-state-reasons, e.g. "media-empty-error"
    PrinterState printerState = PrinterState::Ready;  // what the reasons mean for a kiosk
};

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
