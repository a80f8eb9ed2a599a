#pragma once
// The resident ID card reader on USB for tests: VID 0400, PID c35a, its four bulk endpoints,
// answering from the SAM emulator (header on 0x81, the rest on 0x85).

#include <memory>

#include "sim/idcard/sam_emulator.h"
#include "usb/usb_bulk_device.h"

namespace lobby::test {

std::unique_ptr<UsbBulkDevice> makeUsbSamDevice(sim::SamEmulator& emulator);

}  // namespace lobby::test
