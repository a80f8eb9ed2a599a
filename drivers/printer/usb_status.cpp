#include "printer/usb_status.h"

#include <array>

namespace lobby::printer {

Result<PrinterState> queryStatusUsb(usb::UsbId id, std::chrono::milliseconds timeout) {
    constexpr int kPrinterInterface = 0;
    auto device = usb::UsbDevice::open(id, kPrinterInterface, "the printer");
    if (!device) return device.error();
    auto endpoints = device.value()->bulkEndpoints();
    if (!endpoints) return endpoints.error();
    std::uint8_t answers[3] = {};
    const std::uint8_t requests[3] = {kStatusPrinter, kStatusOfflineCause, kStatusPaper};
    for (int i = 0; i < 3; ++i) {
        if (auto sent =
                device.value()->bulkOut(endpoints->out, statusRequest(requests[i]), timeout);
            !sent) {
            return sent.error();
        }
        std::array<std::uint8_t, 64> buffer{};
        auto got = device.value()->bulkIn(endpoints->in, buffer, timeout);
        if (!got) return got.error();
        if (got.value() < 1) {
            return makeError(ErrorKind::Protocol, "printer.bad_status",
                             "the printer sent no status");
        }
        answers[i] = buffer[0];
    }
    return decodeStatus(answers[0], answers[1], answers[2]);
}

}  // namespace lobby::printer
