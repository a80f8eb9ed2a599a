#pragma once
// A SAM reader in software: answers command frames like a real reader, holds at most one card,
// takes real-reader time per command (configurable, down to 0), and misbehaves on demand.
// Thread-safe: tests place cards and inject faults while a transport thread serves commands.

#include <chrono>
#include <mutex>
#include <optional>
#include <string>

#include "idcard/sam_protocol.h"
#include "sim/idcard/card_catalogue.h"

namespace lobby::sim {

enum class SamFault {
    None,
    BadChecksum,        // next reply has a corrupt checksum
    TruncatedFrame,     // next reply is cut in half
    Silent,             // the reader stops answering until the fault is cleared
    RemovedBeforeRead,  // the card vanishes between select and read
};

struct SamLatencies {
    std::chrono::milliseconds find{50};
    std::chrono::milliseconds select{20};
    std::chrono::milliseconds read{600};
    std::chrono::milliseconds other{10};
};

struct EmulatorReply {
    idcard::Bytes bytes;  // empty: no reply at all
    std::chrono::milliseconds delay{0};
};

class SamEmulator {
public:
    // A hand cannot swap cards faster than a reader polls: a card placed before the reader was
    // asked about the emptied field stays unseen for one "find", as it would on real hardware.
    void placeCard(const SimCard& card);
    void removeCard();
    // Faults other than Silent apply to the next reply only.
    void setFault(SamFault fault);
    void setLatencies(SamLatencies latencies);

    // One decoded command frame (its payload: CMD PARA data), or the decoder's error for a
    // corrupt one, which a real reader answers with "bad checksum" / "bad length".
    EmulatorReply handle(const Result<idcard::Bytes>& commandPayload);

private:
    idcard::Response respond(idcard::Command command);

    std::mutex mutex_;
    std::optional<SimCard> card_;
    bool selected_ = false;
    bool removalUnseen_ = false;  // removed, and no "find" has answered "no card" since
    SamFault fault_ = SamFault::None;
    SamLatencies latencies_;
};

std::optional<SamFault> parseFault(const std::string& name);

}  // namespace lobby::sim
