#include "idcard/usb_transport.h"

#include <algorithm>
#include <array>

#include "idcard/sam_protocol.h"

namespace lobby::idcard {
namespace {

constexpr int kInterface = 0;
constexpr std::size_t kHeader_bytes = kPreamble.size() + 2;
constexpr std::size_t kMaxPacket_bytes = 64;

std::chrono::steady_clock::time_point deadlineAfter(Milliseconds timeout) {
    return std::chrono::steady_clock::now() + timeout;
}

Milliseconds remaining(std::chrono::steady_clock::time_point deadline) {
    return std::max(Milliseconds(1), std::chrono::duration_cast<Milliseconds>(
                                         deadline - std::chrono::steady_clock::now()));
}

Error notConnected() {
    return makeError(ErrorKind::Unavailable, "usb.no_device", "the reader is not connected");
}

}  // namespace

Result<std::unique_ptr<UsbTransport>> UsbTransport::open(UsbId id) {
    std::unique_ptr<UsbTransport> transport(new UsbTransport(id));
    if (auto status = transport->openDevice(); !status) return status.error();
    return transport;
}

Result<std::unique_ptr<UsbTransport>> UsbTransport::create(UsbId id) {
    std::unique_ptr<UsbTransport> transport(new UsbTransport(id));
    (void)transport->openDevice();  // reported through read()/write() until reopen() succeeds
    return transport;
}

Status UsbTransport::openDevice() {
    auto device = usb::UsbDevice::open(id_, kInterface, "the ID card reader");
    if (!device) return device.error();
    device_ = std::move(device.value());
    return {};
}

Status UsbTransport::reopen() {
    device_.reset();
    pending_.clear();
    return openDevice();
}

Status UsbTransport::write(std::span<const std::uint8_t> bytes, Milliseconds timeout) {
    const auto deadline = deadlineAfter(timeout);
    const std::size_t headerLength = std::min(bytes.size(), kHeader_bytes);
    if (!device_) return notConnected();
    if (auto sent = device_->bulkOut(usb_endpoints::kOutHeader, bytes.first(headerLength), timeout);
        !sent) {
        return sent;
    }
    if (bytes.size() == headerLength) return {};
    return device_->bulkOut(usb_endpoints::kOutBody, bytes.subspan(headerLength),
                            remaining(deadline));
}

Result<std::size_t> UsbTransport::read(std::span<std::uint8_t> buffer, Milliseconds timeout) {
    const auto deadline = deadlineAfter(timeout);
    if (!device_ && pending_.empty()) return notConnected();
    while (pending_.empty()) {
        std::array<std::uint8_t, kMaxPacket_bytes> header{};
        auto got = device_->bulkIn(usb_endpoints::kInHeader, header, remaining(deadline));
        if (!got) return got.error();
        if (got.value() == 0) {  // a zero-length packet: nothing yet
            if (std::chrono::steady_clock::now() >= deadline) {
                return makeError(ErrorKind::Timeout, "idcard.timeout", "the reader did not answer");
            }
            continue;
        }
        pending_.insert(pending_.end(), header.begin(),
                        header.begin() + static_cast<long>(got.value()));
        // A well-formed header says how much follows on the body endpoint; anything else is
        // handed up as it is, for the frame decoder to reject.
        const bool wellFormed = got.value() == kHeader_bytes &&
                                std::equal(kPreamble.begin(), kPreamble.end(), header.begin());
        if (wellFormed) {
            std::size_t length = (std::size_t{header[5]} << 8) | header[6];
            length = std::min(length, kMaxFrameLength);
            std::vector<std::uint8_t> body(length);
            std::size_t received = 0;
            while (received < length) {
                auto chunk = device_->bulkIn(
                    usb_endpoints::kInBody, std::span(body).subspan(received), remaining(deadline));
                if (!chunk) {
                    if (chunk.error().kind == ErrorKind::Timeout) break;  // half a frame
                    return chunk.error();
                }
                if (chunk.value() == 0) break;
                received += chunk.value();
            }
            pending_.insert(pending_.end(), body.begin(),
                            body.begin() + static_cast<long>(received));
        }
    }
    const std::size_t count = std::min(buffer.size(), pending_.size());
    std::copy_n(pending_.begin(), count, buffer.begin());
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<long>(count));
    return count;
}

}  // namespace lobby::idcard
