#pragma once
// A barcode / QR scanner as a source of complete scans. Two transports: a serial port
// (CDC-ACM) and a USB HID keyboard read through evdev with an exclusive grab, so a scan never
// reaches the UI as keystrokes.
//
// Contract: next() returns one complete scan (suffix stripped), nullopt when the timeout passes
// with no complete scan, or an error (device gone: ErrorKind::Unavailable).

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "common/error.h"

namespace lobby::scanner {

using Milliseconds = std::chrono::milliseconds;

class ScanSource {
public:
    virtual ~ScanSource() = default;
    virtual Result<std::optional<std::string>> next(Milliseconds timeout) = 0;
};

// What the scanner is configured to send after each code.
enum class ScanSuffix {
    Enter,  // serial: CR, LF or CR LF; HID: the Enter key
    Tab,    // serial: TAB; HID: the Tab key
};
Result<ScanSuffix> parseSuffix(const std::string& name);  // "enter" | "tab"

Result<std::unique_ptr<ScanSource>> openSerialScanner(const std::string& device, int baud,
                                                      ScanSuffix suffix = ScanSuffix::Enter);
// Key presses are mapped through a US layout.
Result<std::unique_ptr<ScanSource>> openEvdevScanner(const std::string& device,
                                                     ScanSuffix suffix = ScanSuffix::Enter);

// Key code (linux/input-event-codes.h) to character, with or without shift; 0 for keys that
// are not part of a scan.
char keyToChar(unsigned short code, bool shift);

}  // namespace lobby::scanner
