#pragma once
// Watches a reader for cards: asks "card there?" every poll interval while idle, reads once per
// placement, and reports placement (with the card or the reason it could not be read) and
// removal. Runs on its own thread; callbacks run on that thread. A reader that stops answering
// is reported once, reopened every few seconds, and reported again when it is back.

#include <functional>

#include "common/watch_loop.h"
#include "idcard/sam_reader.h"

namespace lobby::idcard {

struct WatchEvents {
    std::function<void()> cardDetected;  // a card is on the reader; reading starts now
    std::function<void(const IdCard&)> cardRead;
    std::function<void(const Error&)> cardUnreadable;  // placed, but reading or validation failed
    std::function<void()> cardRemoved;
    std::function<void(bool present, const Error*)> readerHealth;  // reader gone / back
};

struct WatchOptions {
    Milliseconds pollInterval{300};
    Milliseconds reopenInterval{2000};
    // Returns today's date for expiry checks (injectable for tests).
    std::function<Date()> today;
};

class IdCardWatcher {
public:
    IdCardWatcher(SamReader& reader, WatchOptions options, WatchEvents events);
    ~IdCardWatcher();  // stops and joins

    void start();
    void stop();

private:
    Milliseconds step();
    void pollOnce();

    SamReader& reader_;
    WatchOptions options_;
    WatchEvents events_;
    // Touched only by the loop's thread.
    bool cardPresent_ = false;
    bool readerPresent_ = true;
    WatchLoop loop_;  // last: stopped before the rest goes
};

using lobby::localToday;

}  // namespace lobby::idcard
