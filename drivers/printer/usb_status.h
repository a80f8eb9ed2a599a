#pragma once
// The printer's own status (DLE EOT) over USB, for printers CUPS reaches through its usb
// backend: the kiosk claims the printer interface just long enough to ask.

#include "printer/escpos.h"
#include "usb/usb_device.h"

namespace lobby::printer {

Result<PrinterState> queryStatusUsb(usb::UsbId id, std::chrono::milliseconds timeout);

}  // namespace lobby::printer
