#pragma once
// A direct line to a printer's raw port (TCP 9100), beside CUPS: CUPS's socket and usb
// backends do not turn ESC/POS status into printer-state-reasons, so the kiosk asks the printer
// itself with DLE EOT. Every call has a deadline.

#include <chrono>
#include <string>

#include "printer/escpos.h"

namespace lobby::printer {

using Milliseconds = std::chrono::milliseconds;

struct DirectAddress {
    std::string host = "127.0.0.1";
    unsigned short port = 9100;
};

// DLE EOT 1, 2 and 4, decoded into one state. An unreachable printer is ErrorKind::Unavailable.
Result<PrinterState> queryStatus(const DirectAddress& address, Milliseconds timeout);

// Sends bytes straight to the raw port (the benchmark's baseline, and a technician's last
// resort when CUPS is down).
Status sendRaw(const DirectAddress& address, std::span<const std::uint8_t> bytes,
               Milliseconds timeout);

}  // namespace lobby::printer
