#pragma once
// Talks the SAM protocol over any Transport: one command, one reply, within a deadline.
// Stale bytes are discarded before each command and a corrupt reply is skipped by the frame
// decoder, so the next exchange starts clean.

#include <memory>

#include "idcard/id_card.h"
#include "idcard/sam_protocol.h"
#include "idcard/transport.h"

namespace lobby::idcard {

struct SamTimeouts {
    Milliseconds command{500};  // find, select, status
    Milliseconds read{3000};  // read text + photo (≈112 ms of wire time at 115200, plus the card)
};

// What one read brings back, before decoding.
struct RawCard {
    Bytes text;   // 256 bytes
    Bytes photo;  // 1024 bytes (WLT)
    Bytes fingerprint;
};

class SamReader {
public:
    explicit SamReader(std::unique_ptr<Transport> transport, SamTimeouts timeouts = {});

    Result<Response> exchange(Command command, Milliseconds timeout);

    // True when a card is on the reader; NoCard errors become false.
    Result<bool> findCard();
    Status selectCard();
    Result<RawCard> readCard(bool withFingerprint = false);
    // select + read + decode, once a card has been found.
    Result<IdCard> selectAndRead();
    // find + selectAndRead.
    Result<IdCard> readPresentCard();
    Result<Bytes> samId();

    Transport& transport() { return *transport_; }

private:
    std::unique_ptr<Transport> transport_;
    SamTimeouts timeouts_;
    FrameDecoder decoder_;
};

// Splits a read reply's data: 2-byte big-endian lengths, then the blocks. Strict: lengths that
// do not add up to the data are a protocol error.
Result<RawCard> parseReadData(const Bytes& data, bool withFingerprint);

}  // namespace lobby::idcard
