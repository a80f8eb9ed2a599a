#include "printer/printer_state.h"

#include "printer/usb_status.h"

namespace lobby::printer {

Result<PrinterState> queryState(const PrinterEndpoint& endpoint, Milliseconds timeout) {
    if (endpoint.tcp) return queryStatus(*endpoint.tcp, timeout);
    if (endpoint.usb) return queryStatusUsb(*endpoint.usb, timeout);
    auto status = queryQueue(endpoint.queue, timeout);
    if (!status) return status.error();
    if (!status->accepting) return PrinterState::Offline;
    return status->printerState;
}

std::string stateSource(const PrinterEndpoint& endpoint) {
    if (endpoint.tcp)
        return "the printer (" + endpoint.tcp->host + ":" + std::to_string(endpoint.tcp->port) +
               ")";
    if (endpoint.usb) return "the printer (USB)";
    return "CUPS";
}

}  // namespace lobby::printer
