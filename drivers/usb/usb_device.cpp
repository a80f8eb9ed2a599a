#include "usb/usb_device.h"

#include <libusb.h>

#include <cstdio>

namespace lobby::usb {
namespace {

Error usbError(int code, const std::string& what) {
    const std::string message = what + ": " + libusb_strerror(code);
    switch (code) {
        case LIBUSB_ERROR_TIMEOUT:
            return makeError(ErrorKind::Timeout, "usb.timeout", message);
        case LIBUSB_ERROR_NO_DEVICE:
        case LIBUSB_ERROR_NOT_FOUND:
            return makeError(ErrorKind::Unavailable, "usb.no_device", message);
        case LIBUSB_ERROR_ACCESS:
            return makeError(ErrorKind::Unavailable, "usb.no_access",
                             message + " (is the kiosk user in the device's udev group?)");
        case LIBUSB_ERROR_BUSY:
            return makeError(ErrorKind::Unavailable, "usb.busy", message);
        case LIBUSB_ERROR_PIPE:
        case LIBUSB_ERROR_OVERFLOW:
            return makeError(ErrorKind::Protocol, "usb.protocol", message);
        default:
            return makeError(ErrorKind::Io, "usb.io", message);
    }
}

}  // namespace

Result<UsbId> parseUsbId(const std::string& text) {
    unsigned vendor = 0, product = 0;
    char tail = 0;
    if (text.size() != 9 || std::sscanf(text.c_str(), "%4x:%4x%c", &vendor, &product, &tail) != 2) {
        return makeError(ErrorKind::InvalidArgument, "usb.bad_id",
                         "'" + text + "' is not a VID:PID such as 0400:c35a");
    }
    return UsbId{static_cast<std::uint16_t>(vendor), static_cast<std::uint16_t>(product)};
}

Result<std::unique_ptr<UsbDevice>> UsbDevice::open(UsbId id, int interfaceNumber,
                                                   std::string role) {
    libusb_context* context = nullptr;
    if (const int rc = libusb_init(&context); rc != 0) return usbError(rc, "starting libusb");
    libusb_device_handle* handle = libusb_open_device_with_vid_pid(context, id.vendor, id.product);
    if (handle == nullptr) {
        libusb_exit(context);
        char name[16];
        std::snprintf(name, sizeof name, "%04x:%04x", id.vendor, id.product);
        return makeError(ErrorKind::Unavailable, "usb.no_device",
                         "no USB device " + std::string(name) + " (" + role + ") found");
    }
    // A device bound to a kernel driver (usblp, cdc_acm, usbhid) is taken over.
    libusb_set_auto_detach_kernel_driver(handle, 1);
    if (const int rc = libusb_claim_interface(handle, interfaceNumber); rc != 0) {
        libusb_close(handle);
        libusb_exit(context);
        return usbError(rc, "claiming " + role);
    }
    return std::unique_ptr<UsbDevice>(
        new UsbDevice(context, handle, interfaceNumber, std::move(role)));
}

UsbDevice::~UsbDevice() {
    libusb_release_interface(handle_, interface_);
    libusb_close(handle_);
    libusb_exit(context_);
}

Status UsbDevice::bulkOut(unsigned char endpoint, std::span<const std::uint8_t> bytes,
                          Milliseconds timeout) {
    int transferred = 0;
    const int rc = libusb_bulk_transfer(handle_, endpoint, const_cast<std::uint8_t*>(bytes.data()),
                                        static_cast<int>(bytes.size()), &transferred,
                                        static_cast<unsigned>(timeout.count()));
    if (rc != 0) return usbError(rc, "writing to " + role_);
    if (static_cast<std::size_t>(transferred) != bytes.size()) {
        return makeError(ErrorKind::Io, "usb.io", "short write to " + role_);
    }
    return {};
}

Result<std::size_t> UsbDevice::bulkIn(unsigned char endpoint, std::span<std::uint8_t> buffer,
                                      Milliseconds timeout) {
    int transferred = 0;
    const int rc =
        libusb_bulk_transfer(handle_, endpoint, buffer.data(), static_cast<int>(buffer.size()),
                             &transferred, static_cast<unsigned>(timeout.count()));
    if (rc != 0) return usbError(rc, "reading from " + role_);
    return static_cast<std::size_t>(transferred);
}

Result<BulkEndpoints> UsbDevice::bulkEndpoints() const {
    libusb_config_descriptor* config = nullptr;
    if (const int rc = libusb_get_active_config_descriptor(libusb_get_device(handle_), &config);
        rc != 0) {
        return usbError(rc, "reading the descriptors of " + role_);
    }
    BulkEndpoints endpoints;
    if (interface_ < config->bNumInterfaces && config->interface[interface_].num_altsetting > 0) {
        const libusb_interface_descriptor& setting = config->interface[interface_].altsetting[0];
        for (int i = 0; i < setting.bNumEndpoints; ++i) {
            const auto& endpoint = setting.endpoint[i];
            if ((endpoint.bmAttributes & 0x03) != LIBUSB_TRANSFER_TYPE_BULK) continue;
            const bool in = (endpoint.bEndpointAddress & 0x80) != 0;
            if (in && endpoints.in == 0) endpoints.in = endpoint.bEndpointAddress;
            if (!in && endpoints.out == 0) endpoints.out = endpoint.bEndpointAddress;
        }
    }
    libusb_free_config_descriptor(config);
    if (endpoints.in == 0 || endpoints.out == 0) {
        return makeError(ErrorKind::Device, "usb.no_endpoints", role_ + " has no bulk endpoints");
    }
    return endpoints;
}

}  // namespace lobby::usb
