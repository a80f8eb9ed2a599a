#pragma once
// The PC/SC boundary: the only file that sees SCARD_* codes. Everything above gets typed errors.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "smartcard/apdu.h"

namespace lobby::smartcard {

using Milliseconds = std::chrono::milliseconds;

// Maps a PC/SC return code to our error, with what we were doing.
Error pcscError(long code, const char* what);

struct ReaderEvent {
    std::string reader;
    bool cardPresent = false;
};

class PcscContext {
public:
    static Result<std::unique_ptr<PcscContext>> establish();
    ~PcscContext();

    Result<std::vector<std::string>> listReaders();
    // Blocks until a card is inserted or removed in any reader, a reader comes or goes (through
    // the \\?PnP?\Notification pseudo-reader), the timeout passes, or cancel() is called.
    // Returns the current card presence of every reader.
    Result<std::vector<ReaderEvent>> waitForChange(Milliseconds timeout);
    void cancel();  // thread-safe: wakes waitForChange()

    long handle() const { return context_; }

private:
    explicit PcscContext(long context) : context_(context) {}
    long context_;
    std::vector<std::string> known_;
    std::vector<unsigned long> lastStates_;
    unsigned long pnpState_ = 0;
};

// A connection to the card in one reader, holding a PC/SC transaction for its lifetime so no
// other process interleaves commands with a read.
class PcscCardSession {
public:
    static Result<std::unique_ptr<PcscCardSession>> open(PcscContext& context,
                                                         const std::string& reader);
    ~PcscCardSession();

    Result<Bytes> transmit(std::span<const std::uint8_t> command);
    RawTransmit transmitter() {
        return [this](std::span<const std::uint8_t> command) { return transmit(command); };
    }
    bool isT1() const { return protocol_ == 2; }

private:
    PcscCardSession(long card, unsigned long protocol) : card_(card), protocol_(protocol) {}
    long card_;
    unsigned long protocol_;
};

}  // namespace lobby::smartcard
