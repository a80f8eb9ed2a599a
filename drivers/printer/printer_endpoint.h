#pragma once
// Where a slip printer is, as the kiosk and kioskctl configure it, parsed once: the CUPS queue
// slips go through, where its own state is read (CUPS's view of the queue, or the printer itself
// over its raw TCP port or USB), and its paper. printer/printer_state.h reads the state from
// whichever it is.

#include <optional>
#include <string>
#include <string_view>

#include "printer/cups_queue.h"
#include "printer/direct_channel.h"
#include "printer/slip.h"
#include "usb/usb_device.h"

namespace lobby::printer {

struct PrinterEndpoint {
    CupsQueue queue;
    std::optional<DirectAddress> tcp;  // the printer's raw port: its state by DLE EOT
    std::optional<usb::UsbId> usb;     // or the printer on USB
    PaperWidth paper = PaperWidth::Mm80;
};

// "HOST:PORT" (a port from 1 to 65535) or "usb:VID:PID" (hex) into `endpoint`; "" leaves the
// state to CUPS. Anything else is ErrorKind::InvalidConfig, naming what is wrong.
Status setDirect(PrinterEndpoint& endpoint, std::string_view direct);
// "58" or "80" (millimetres).
Result<PaperWidth> parsePaperWidth(std::string_view millimetres);
// Dots across the printable width: 384 on 58 mm paper, 576 on 80 mm.
int dotsAcross(PaperWidth paper);

}  // namespace lobby::printer
