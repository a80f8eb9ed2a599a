#include "idcard/id_card_watcher.h"

namespace lobby::idcard {

IdCardWatcher::IdCardWatcher(SamReader& reader, WatchOptions options, WatchEvents events)
    : reader_(reader),
      options_(std::move(options)),
      events_(std::move(events)),
      loop_([this] { return step(); }) {
    if (!options_.today) options_.today = localToday;
}

IdCardWatcher::~IdCardWatcher() {
    stop();
}

void IdCardWatcher::start() {
    loop_.start();
}

void IdCardWatcher::stop() {
    loop_.stop();
}

Milliseconds IdCardWatcher::step() {
    pollOnce();
    return readerPresent_ ? options_.pollInterval : options_.reopenInterval;
}

void IdCardWatcher::pollOnce() {
    if (!readerPresent_) {
        if (!reader_.transport().reopen()) return;
    }
    auto found = reader_.findCard();
    if (!found) {
        const bool gone = found.error().kind == ErrorKind::Unavailable ||
                          found.error().kind == ErrorKind::Timeout ||
                          found.error().kind == ErrorKind::Io;
        if (gone && readerPresent_) {
            readerPresent_ = false;
            if (events_.readerHealth) events_.readerHealth(false, &found.error());
        }
        return;
    }
    if (!readerPresent_) {
        readerPresent_ = true;
        if (events_.readerHealth) events_.readerHealth(true, nullptr);
    }
    if (!found.value()) {
        if (cardPresent_) {
            cardPresent_ = false;
            if (events_.cardRemoved) events_.cardRemoved();
        }
        return;
    }
    if (cardPresent_) return;  // read once per placement
    cardPresent_ = true;
    if (events_.cardDetected) events_.cardDetected();
    auto card = reader_.selectAndRead();
    if (card) {
        if (auto valid = validate(card.value(), options_.today()); !valid) card = valid.error();
    }
    if (card) {
        if (events_.cardRead) events_.cardRead(card.value());
        return;
    }
    if (card.error().kind == ErrorKind::NoCard) {
        cardPresent_ = false;  // pulled between find and read: treat as never placed
        return;
    }
    if (events_.cardUnreadable) events_.cardUnreadable(card.error());
}

}  // namespace lobby::idcard
