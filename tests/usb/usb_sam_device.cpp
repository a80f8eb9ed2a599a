#include "usb/usb_sam_device.h"

#include <linux/usbdevice_fs.h>
#include <sys/ioctl.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "idcard/usb_transport.h"

namespace lobby::test {
namespace {

constexpr const char* kSysPath = "/sys/devices/usb1/1-1";
constexpr const char* kDevNode = "/dev/bus/usb/001/002";

// Device descriptor (USB 1.1, VID 0400, PID c35a, 64-byte EP0), one configuration with one
// vendor-specific interface and the reader's four bulk endpoints (64-byte packets).
constexpr const char* kDescriptors =
    "120110010000004000045ac3000101020301"  // device
    "09022e000101008032"                    // configuration, 46 bytes in all
    "0904000004ff000000"                    // interface 0: 4 endpoints
    "07050202400000"                        // EP 0x02 bulk OUT (header)
    "07050602400000"                        // EP 0x06 bulk OUT (body)
    "07058102400000"                        // EP 0x81 bulk IN (header)
    "07058502400000";                       // EP 0x85 bulk IN (body)

std::string deviceDescription() {
    return std::string(
               "P: /devices/usb1/1-1\n"
               "N: bus/usb/001/002\n"
               "E: SUBSYSTEM=usb\n"
               "E: DEVTYPE=usb_device\n"
               "E: DRIVER=usb\n"
               "E: BUSNUM=001\n"
               "E: DEVNUM=002\n"
               "E: DEVNAME=/dev/bus/usb/001/002\n"
               "A: busnum=1\\n\n"
               "A: devnum=2\\n\n"
               "A: speed=12\\n\n"
               "A: bConfigurationValue=1\\n\n"
               "A: idVendor=0400\\n\n"
               "A: idProduct=c35a\\n\n"
               "H: descriptors=") +
           kDescriptors + "\n";
}

}  // namespace

UsbSamDevice::UsbSamDevice(sim::SamEmulator& emulator)
    : emulator_(emulator), testbed_(umockdev_testbed_new()), handler_(umockdev_ioctl_base_new()) {
    g_signal_connect(handler_, "handle-ioctl", G_CALLBACK(&UsbSamDevice::onIoctl), this);
}

UsbSamDevice::~UsbSamDevice() {
    for (auto& urb : inFlight_) {
        umockdev_ioctl_data_unref(urb.data);
        umockdev_ioctl_data_unref(urb.buffer);
    }
    g_object_unref(handler_);
    g_object_unref(testbed_);
}

void UsbSamDevice::plug() {
    GError* error = nullptr;
    // The ioctl handler first, so the device node answers as soon as it appears.
    umockdev_testbed_attach_ioctl(testbed_, kDevNode, handler_, &error);
    g_clear_error(&error);
    umockdev_testbed_add_from_string(testbed_, deviceDescription().c_str(), &error);
    if (error != nullptr) {
        g_printerr("usb_sam_device: %s\n", error->message);
        g_clear_error(&error);
    }
    std::lock_guard lock(mutex_);
    plugged_ = true;
}

void UsbSamDevice::unplug() {
    {
        std::lock_guard lock(mutex_);
        plugged_ = false;
    }
    umockdev_testbed_remove_device(testbed_, kSysPath);
    GError* error = nullptr;
    umockdev_testbed_detach_ioctl(testbed_, kDevNode, &error);
    g_clear_error(&error);
}

gboolean UsbSamDevice::onIoctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer self) {
    return static_cast<UsbSamDevice*>(self)->handle(client);
}

gboolean UsbSamDevice::handle(UMockdevIoctlClient* client) {
    std::lock_guard lock(mutex_);
    const gulong request = umockdev_ioctl_client_get_request(client);
    UMockdevIoctlData* argument = umockdev_ioctl_client_get_arg(client);
    if (!plugged_) {
        umockdev_ioctl_client_complete(client, -1, ENODEV);
        return TRUE;
    }
    switch (request) {
        case USBDEVFS_GET_CAPABILITIES: {
            UMockdevIoctlData* capabilities =
                umockdev_ioctl_data_resolve(argument, 0, sizeof(guint32), nullptr);
            *reinterpret_cast<guint32*>(capabilities->data) = USBDEVFS_CAP_BULK_CONTINUATION |
                                                              USBDEVFS_CAP_NO_PACKET_SIZE_LIM |
                                                              USBDEVFS_CAP_REAP_AFTER_DISCONNECT;
            umockdev_ioctl_data_unref(capabilities);
            umockdev_ioctl_client_complete(client, 0, 0);
            return TRUE;
        }
        case USBDEVFS_CLAIMINTERFACE:
        case USBDEVFS_RELEASEINTERFACE:
        case USBDEVFS_CLEAR_HALT:
        case USBDEVFS_RESET:
        case USBDEVFS_RESETEP:
        case USBDEVFS_SETINTERFACE:
        case USBDEVFS_SETCONFIGURATION:
            umockdev_ioctl_client_complete(client, 0, 0);
            return TRUE;
        case USBDEVFS_DISCONNECT:
        case USBDEVFS_IOCTL:
        case USBDEVFS_GETDRIVER:
            // No kernel driver is bound to the emulated reader.
            umockdev_ioctl_client_complete(client, -1, ENODATA);
            return TRUE;
        case USBDEVFS_SUBMITURB:
            return submit(client, argument);
        case USBDEVFS_REAPURB:
        case USBDEVFS_REAPURBNDELAY:
            return reap(client, argument);
        case USBDEVFS_DISCARDURB:
            return discard(client, argument);
        default:
            return FALSE;
    }
}

gboolean UsbSamDevice::submit(UMockdevIoctlClient* client, UMockdevIoctlData* argument) {
    UMockdevIoctlData* urbData =
        umockdev_ioctl_data_resolve(argument, 0, sizeof(usbdevfs_urb), nullptr);
    auto* urb = reinterpret_cast<usbdevfs_urb*>(urbData->data);
    UMockdevIoctlData* buffer =
        umockdev_ioctl_data_resolve(urbData, G_STRUCT_OFFSET(usbdevfs_urb, buffer),
                                    static_cast<gsize>(urb->buffer_length), nullptr);
    if (urb->type != USBDEVFS_URB_TYPE_BULK) {
        umockdev_ioctl_data_unref(buffer);
        umockdev_ioctl_data_unref(urbData);
        umockdev_ioctl_client_complete(client, -1, EINVAL);
        return TRUE;
    }
    if ((urb->endpoint & 0x80) == 0) {
        // Host -> reader: header on 0x02, body on 0x06; the decoder joins them into frames.
        commands_.feed(std::span(reinterpret_cast<const std::uint8_t*>(buffer->data),
                                 static_cast<std::size_t>(urb->buffer_length)));
        while (auto frame = commands_.next()) {
            const sim::EmulatorReply reply = emulator_.handle(*frame);
            if (reply.bytes.empty()) continue;  // a silent reader
            constexpr std::size_t kHeader = 7;
            const std::size_t split = std::min(kHeader, reply.bytes.size());
            auto& header = replies_[idcard::usb_endpoints::kInHeader];
            auto& body = replies_[idcard::usb_endpoints::kInBody];
            header.insert(header.end(), reply.bytes.begin(),
                          reply.bytes.begin() + static_cast<long>(split));
            body.insert(body.end(), reply.bytes.begin() + static_cast<long>(split),
                        reply.bytes.end());
        }
        urb->actual_length = urb->buffer_length;
    }
    urb->status = 0;
    inFlight_.push_back({urbData, buffer});
    umockdev_ioctl_client_complete(client, 0, 0);
    return TRUE;
}

gboolean UsbSamDevice::reap(UMockdevIoctlClient* client, UMockdevIoctlData* argument) {
    for (auto it = inFlight_.begin(); it != inFlight_.end(); ++it) {
        auto* urb = reinterpret_cast<usbdevfs_urb*>(it->data->data);
        const bool in = (urb->endpoint & 0x80) != 0;
        if (it->discarded) {
            urb->status = -ENOENT;
            urb->actual_length = 0;
        } else if (in) {
            auto& queue = replies_[urb->endpoint];
            if (queue.empty()) continue;  // nothing for this endpoint yet
            const std::size_t count =
                std::min(queue.size(), static_cast<std::size_t>(urb->buffer_length));
            std::copy_n(queue.begin(), count, it->buffer->data);
            queue.erase(queue.begin(), queue.begin() + static_cast<long>(count));
            urb->actual_length = static_cast<int>(count);
            urb->status = 0;
        }
        UMockdevIoctlData* pointer =
            umockdev_ioctl_data_resolve(argument, 0, sizeof(gpointer), nullptr);
        umockdev_ioctl_data_set_ptr(pointer, 0, it->data);
        umockdev_ioctl_data_unref(pointer);
        umockdev_ioctl_data_unref(it->buffer);
        umockdev_ioctl_data_unref(it->data);
        inFlight_.erase(it);
        umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
    }
    umockdev_ioctl_client_complete(client, -1, EAGAIN);
    return TRUE;
}

gboolean UsbSamDevice::discard(UMockdevIoctlClient* client, UMockdevIoctlData* argument) {
    const gulong address = *reinterpret_cast<gulong*>(argument->data);
    for (auto& urb : inFlight_) {
        if (urb.data->client_addr == address) {
            urb.discarded = true;
            umockdev_ioctl_client_complete(client, 0, 0);
            return TRUE;
        }
    }
    umockdev_ioctl_client_complete(client, -1, EINVAL);
    return TRUE;
}

}  // namespace lobby::test
