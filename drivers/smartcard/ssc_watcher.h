#pragma once
// Watches every PC/SC reader for social-security cards: reads each card once when inserted
// (inside a transaction), reports removal, and follows readers being plugged in and out.
// Runs on its own thread; callbacks run on that thread.

#include <functional>
#include <map>
#include <mutex>
#include <optional>

#include "common/watch_loop.h"
#include "smartcard/pcsc.h"
#include "smartcard/ssc_card.h"

namespace lobby::smartcard {

struct SscEvents {
    std::function<void(const std::string& reader)> cardInserted;  // reading starts now
    std::function<void(const SscCard&)> cardRead;
    std::function<void(const Error&)> cardUnreadable;
    std::function<void(const std::string& reader)> cardRemoved;
    std::function<void(bool available, const Error*)> serviceHealth;  // pcscd / any reader
};

struct SscWatchOptions {
    std::optional<std::string> reader;  // only this reader; all when empty
    Milliseconds wait{500};             // one SCardGetStatusChange round
    Milliseconds retry{2000};           // after pcscd is gone
    std::function<Date()> today = localToday;
};

class SscWatcher {
public:
    SscWatcher(SscWatchOptions options, SscEvents events);
    ~SscWatcher();

    void start();
    void stop();

private:
    Milliseconds step();
    void cancelWait();
    void handle(const std::vector<ReaderEvent>& events);
    void read(const std::string& reader);
    void reportHealth(bool available, const Error* error);

    SscWatchOptions options_;
    SscEvents events_;
    std::mutex contextMutex_;               // context_ is set by the loop, cancelled by stop()
    std::unique_ptr<PcscContext> context_;  // cancel() is thread-safe
    std::map<std::string, bool> present_;
    std::optional<bool> healthy_;
    WatchLoop loop_;  // last: stopped before the rest goes
};

// One-shot read for kioskctl: waits up to `timeout` for a card in `reader` (or any reader).
Result<SscCard> readSscCardOnce(const std::optional<std::string>& reader, Milliseconds timeout);

}  // namespace lobby::smartcard
