#pragma once
// A printer's state read from where its endpoint says (printer/printer_endpoint.h): the one
// place that chooses between the printer itself (TCP or USB, DLE EOT) and CUPS's view.

#include <string>

#include "printer/printer_endpoint.h"

namespace lobby::printer {

// A CUPS queue that refuses jobs is Offline.
Result<PrinterState> queryState(const PrinterEndpoint& endpoint, Milliseconds timeout);
// Where that state came from, for a technician: "the printer (10.0.0.5:9100)", "the printer
// (USB)" or "CUPS".
std::string stateSource(const PrinterEndpoint& endpoint);

}  // namespace lobby::printer
