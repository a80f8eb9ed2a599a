#include "idcard/usb_transport.h"

#include <libusb.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include "idcard/sam_protocol.h"

namespace lobby::idcard {
namespace {

constexpr int kInterface = 0;
constexpr std::size_t kHeader_bytes = kPreamble.size() + 2;
constexpr std::size_t kMaxPacket_bytes = 64;

// The one place libusb's codes become our errors.
Error usbError(int code, const char* what) {
    const std::string message = std::string(what) + ": " + libusb_strerror(code);
    switch (code) {
        case LIBUSB_ERROR_TIMEOUT:
            return makeError(ErrorKind::Timeout, "idcard.timeout", message);
        case LIBUSB_ERROR_NO_DEVICE:
        case LIBUSB_ERROR_NOT_FOUND:
            return makeError(ErrorKind::Unavailable, "idcard.no_reader", message);
        case LIBUSB_ERROR_ACCESS:
            return makeError(ErrorKind::Unavailable, "idcard.no_access",
                             message + " (is the kiosk user in the reader's udev group?)");
        case LIBUSB_ERROR_BUSY:
            return makeError(ErrorKind::Unavailable, "idcard.reader_busy", message);
        case LIBUSB_ERROR_PIPE:
        case LIBUSB_ERROR_OVERFLOW:
            return makeError(ErrorKind::Protocol, "idcard.usb_protocol", message);
        default:
            return makeError(ErrorKind::Io, "idcard.io", message);
    }
}

std::chrono::steady_clock::time_point deadlineAfter(Milliseconds timeout) {
    return std::chrono::steady_clock::now() + timeout;
}

Milliseconds remaining(std::chrono::steady_clock::time_point deadline) {
    return std::max(Milliseconds(1), std::chrono::duration_cast<Milliseconds>(
                                         deadline - std::chrono::steady_clock::now()));
}

}  // namespace

Result<UsbId> parseUsbId(const std::string& text) {
    unsigned vendor = 0, product = 0;
    char tail = 0;
    if (text.size() != 9 || std::sscanf(text.c_str(), "%4x:%4x%c", &vendor, &product, &tail) != 2) {
        return makeError(ErrorKind::InvalidArgument, "idcard.bad_usb_id",
                         "'" + text + "' is not a VID:PID such as 0400:c35a");
    }
    return UsbId{static_cast<std::uint16_t>(vendor), static_cast<std::uint16_t>(product)};
}

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

UsbTransport::~UsbTransport() {
    closeDevice();
    if (context_ != nullptr) libusb_exit(context_);
}

Status UsbTransport::openDevice() {
    if (context_ == nullptr) {
        if (const int rc = libusb_init(&context_); rc != 0) {
            context_ = nullptr;
            return usbError(rc, "libusb_init");
        }
    }
    handle_ = libusb_open_device_with_vid_pid(context_, id_.vendor, id_.product);
    if (handle_ == nullptr) {
        char id[16];
        std::snprintf(id, sizeof id, "%04x:%04x", id_.vendor, id_.product);
        return makeError(ErrorKind::Unavailable, "idcard.no_reader",
                         std::string("no USB reader ") + id + " found");
    }
    // A reader bound to a kernel driver (e.g. as a HID or serial device) is taken over.
    libusb_set_auto_detach_kernel_driver(handle_, 1);
    if (const int rc = libusb_claim_interface(handle_, kInterface); rc != 0) {
        closeDevice();
        return usbError(rc, "claiming the reader's interface");
    }
    return {};
}

void UsbTransport::closeDevice() {
    if (handle_ == nullptr) return;
    libusb_release_interface(handle_, kInterface);
    libusb_close(handle_);
    handle_ = nullptr;
}

Status UsbTransport::reopen() {
    closeDevice();
    pending_.clear();
    return openDevice();
}

Status UsbTransport::bulkOut(unsigned char endpoint, std::span<const std::uint8_t> bytes,
                             Milliseconds timeout) {
    if (handle_ == nullptr) return usbError(LIBUSB_ERROR_NO_DEVICE, "writing to the reader");
    int transferred = 0;
    const int rc = libusb_bulk_transfer(handle_, endpoint, const_cast<std::uint8_t*>(bytes.data()),
                                        static_cast<int>(bytes.size()), &transferred,
                                        static_cast<unsigned>(timeout.count()));
    if (rc != 0) return usbError(rc, "writing to the reader");
    if (static_cast<std::size_t>(transferred) != bytes.size()) {
        return makeError(ErrorKind::Io, "idcard.io", "short write to the reader");
    }
    return {};
}

Result<std::size_t> UsbTransport::bulkIn(unsigned char endpoint, std::span<std::uint8_t> buffer,
                                         Milliseconds timeout) {
    if (handle_ == nullptr) return usbError(LIBUSB_ERROR_NO_DEVICE, "reading from the reader");
    int transferred = 0;
    const int rc =
        libusb_bulk_transfer(handle_, endpoint, buffer.data(), static_cast<int>(buffer.size()),
                             &transferred, static_cast<unsigned>(timeout.count()));
    if (rc != 0) return usbError(rc, "reading from the reader");
    return static_cast<std::size_t>(transferred);
}

Status UsbTransport::write(std::span<const std::uint8_t> bytes, Milliseconds timeout) {
    const auto deadline = deadlineAfter(timeout);
    const std::size_t headerLength = std::min(bytes.size(), kHeader_bytes);
    if (auto sent = bulkOut(usb_endpoints::kOutHeader, bytes.first(headerLength), timeout); !sent) {
        return sent;
    }
    if (bytes.size() == headerLength) return {};
    return bulkOut(usb_endpoints::kOutBody, bytes.subspan(headerLength), remaining(deadline));
}

Result<std::size_t> UsbTransport::read(std::span<std::uint8_t> buffer, Milliseconds timeout) {
    const auto deadline = deadlineAfter(timeout);
    while (pending_.empty()) {
        std::array<std::uint8_t, kMaxPacket_bytes> header{};
        auto got = bulkIn(usb_endpoints::kInHeader, header, remaining(deadline));
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
                auto chunk = bulkIn(usb_endpoints::kInBody, std::span(body).subspan(received),
                                    remaining(deadline));
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
