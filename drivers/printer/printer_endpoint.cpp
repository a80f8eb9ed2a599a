#include "printer/printer_endpoint.h"

#include <charconv>

namespace lobby::printer {

namespace {
Error badDirect(std::string_view direct, const std::string& why) {
    return makeError(ErrorKind::InvalidConfig, "printer.bad_direct",
                     "devices.printer.direct \"" + std::string(direct) + "\": " + why);
}
}  // namespace

Status setDirect(PrinterEndpoint& endpoint, std::string_view direct) {
    endpoint.tcp.reset();
    endpoint.usb.reset();
    if (direct.empty()) return {};
    if (direct.starts_with("usb:")) {
        auto id = usb::parseUsbId(std::string(direct.substr(4)));
        if (!id) return badDirect(direct, id.error().message);
        endpoint.usb = id.value();
        return {};
    }
    const auto colon = direct.rfind(':');
    if (colon == std::string_view::npos || colon == 0)
        return badDirect(direct, "expected HOST:PORT or usb:VID:PID");
    const std::string_view portText = direct.substr(colon + 1);
    unsigned port = 0;
    const auto [end, error] =
        std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (error != std::errc() || end != portText.data() + portText.size() || port < 1 ||
        port > 65535) {
        return badDirect(direct, "the port must be a number from 1 to 65535");
    }
    endpoint.tcp =
        DirectAddress{std::string(direct.substr(0, colon)), static_cast<unsigned short>(port)};
    return {};
}

Result<PaperWidth> parsePaperWidth(std::string_view millimetres) {
    if (millimetres == "58") return PaperWidth::Mm58;
    if (millimetres == "80") return PaperWidth::Mm80;
    return makeError(ErrorKind::InvalidConfig, "printer.bad_paper",
                     "paper width \"" + std::string(millimetres) + "\": 58 or 80 (mm)");
}

int dotsAcross(PaperWidth paper) {
    return paper == PaperWidth::Mm58 ? 384 : 576;
}

}  // namespace lobby::printer
