#include "usb/usb_bulk_device.h"

#include <linux/usbdevice_fs.h>
#include <sys/ioctl.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

namespace lobby::test {

UsbBulkDevice::UsbBulkDevice(UsbIdentity identity, Responder responder)
    : identity_(std::move(identity)),
      responder_(std::move(responder)),
      testbed_(umockdev_testbed_new()),
      handler_(umockdev_ioctl_base_new()) {
    char path[64];
    std::snprintf(path, sizeof path, "/sys/devices/usb1/1-%d", identity_.devnum);
    sysPath_ = path;
    std::snprintf(path, sizeof path, "/dev/bus/usb/001/%03d", identity_.devnum);
    devNode_ = path;
    g_signal_connect(handler_, "handle-ioctl", G_CALLBACK(&UsbBulkDevice::onIoctl), this);
}

UsbBulkDevice::~UsbBulkDevice() {
    for (auto& urb : inFlight_) {
        umockdev_ioctl_data_unref(urb.data);
        umockdev_ioctl_data_unref(urb.buffer);
    }
    g_object_unref(handler_);
    g_object_unref(testbed_);
}

void UsbBulkDevice::plug() {
    GError* error = nullptr;
    // The ioctl handler first, so the device node answers as soon as it appears.
    umockdev_testbed_attach_ioctl(testbed_, devNode_.c_str(), handler_, &error);
    g_clear_error(&error);
    char description[1024];
    std::snprintf(description, sizeof description,
                  "P: /devices/usb1/1-%d\nN: bus/usb/001/%03d\nE: SUBSYSTEM=usb\n"
                  "E: DEVTYPE=usb_device\nE: DRIVER=usb\nE: BUSNUM=001\nE: DEVNUM=%03d\n"
                  "E: DEVNAME=/dev/bus/usb/001/%03d\nA: busnum=1\\n\nA: devnum=%d\\n\n"
                  "A: speed=12\\n\nA: bConfigurationValue=1\\n\nA: idVendor=%s\\n\n"
                  "A: idProduct=%s\\n\nH: descriptors=%s\n",
                  identity_.devnum, identity_.devnum, identity_.devnum, identity_.devnum,
                  identity_.devnum, identity_.vendor, identity_.product,
                  identity_.descriptorsHex.c_str());
    umockdev_testbed_add_from_string(testbed_, description, &error);
    if (error != nullptr) {
        g_printerr("usb_bulk_device: %s\n", error->message);
        g_clear_error(&error);
    }
    std::lock_guard lock(mutex_);
    plugged_ = true;
}

void UsbBulkDevice::unplug() {
    {
        std::lock_guard lock(mutex_);
        plugged_ = false;
    }
    umockdev_testbed_remove_device(testbed_, sysPath_.c_str());
    GError* error = nullptr;
    umockdev_testbed_detach_ioctl(testbed_, devNode_.c_str(), &error);
    g_clear_error(&error);
}

gboolean UsbBulkDevice::onIoctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer self) {
    return static_cast<UsbBulkDevice*>(self)->handle(client);
}

gboolean UsbBulkDevice::handle(UMockdevIoctlClient* client) {
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
            // No kernel driver is bound to the emulated device.
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

gboolean UsbBulkDevice::submit(UMockdevIoctlClient* client, UMockdevIoctlData* argument) {
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
        responder_(urb->endpoint,
                   std::span(reinterpret_cast<const std::uint8_t*>(buffer->data),
                             static_cast<std::size_t>(urb->buffer_length)),
                   replies_);
        urb->actual_length = urb->buffer_length;
    }
    urb->status = 0;
    inFlight_.push_back({urbData, buffer});
    umockdev_ioctl_client_complete(client, 0, 0);
    return TRUE;
}

gboolean UsbBulkDevice::reap(UMockdevIoctlClient* client, UMockdevIoctlData* argument) {
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
            std::copy_n(queue.begin(), count, static_cast<std::uint8_t*>(it->buffer->data));
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

gboolean UsbBulkDevice::discard(UMockdevIoctlClient* client, UMockdevIoctlData* argument) {
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
