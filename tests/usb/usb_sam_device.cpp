#include "usb/usb_sam_device.h"

#include "idcard/usb_transport.h"

namespace lobby::test {

std::unique_ptr<UsbBulkDevice> makeUsbSamDevice(sim::SamEmulator& emulator) {
    // Device (USB 1.1, 64-byte EP0), one configuration, one vendor-specific interface with the
    // reader's four bulk endpoints (64-byte packets).
    UsbIdentity identity{"0400", "c35a", 2,
                         "120110010000004000045ac3000101020301"  // device
                         "09022e000101008032"                    // configuration, 46 bytes in all
                         "0904000004ff000000"                    // interface 0: 4 endpoints
                         "07050202400000"                        // EP 0x02 bulk OUT (header)
                         "07050602400000"                        // EP 0x06 bulk OUT (body)
                         "07058102400000"                        // EP 0x81 bulk IN (header)
                         "07058502400000"};                      // EP 0x85 bulk IN (body)
    auto commands = std::make_shared<idcard::FrameDecoder>();
    return std::make_unique<UsbBulkDevice>(
        identity, [&emulator, commands](unsigned char, std::span<const std::uint8_t> data,
                                        InQueues& replies) {
            // Header on 0x02, body on 0x06: the decoder joins them into frames.
            commands->feed(data);
            while (auto frame = commands->next()) {
                const sim::EmulatorReply reply = emulator.handle(*frame);
                if (reply.bytes.empty()) continue;  // a silent reader
                constexpr std::size_t kHeader = 7;
                const std::size_t split = std::min(kHeader, reply.bytes.size());
                auto& header = replies[idcard::usb_endpoints::kInHeader];
                auto& body = replies[idcard::usb_endpoints::kInBody];
                header.insert(header.end(), reply.bytes.begin(),
                              reply.bytes.begin() + static_cast<long>(split));
                body.insert(body.end(), reply.bytes.begin() + static_cast<long>(split),
                            reply.bytes.end());
            }
        });
}

}  // namespace lobby::test
