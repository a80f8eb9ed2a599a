#include "smartcard/ssc_watcher.h"

namespace lobby::smartcard {
namespace {

Result<SscCard> readValidated(PcscContext& context, const std::string& reader, const Date& today) {
    auto session = PcscCardSession::open(context, reader);
    if (!session) return session.error();
    auto card = readSscCard(session.value()->transmitter());
    if (!card) return card.error();
    if (auto valid = validate(card.value(), today); !valid) return valid.error();
    return card;
}

}  // namespace

SscWatcher::SscWatcher(SscWatchOptions options, SscEvents events)
    : options_(std::move(options)),
      events_(std::move(events)),
      loop_([this] { return step(); }, [this] { cancelWait(); }) {}

SscWatcher::~SscWatcher() {
    stop();
}

void SscWatcher::start() {
    loop_.start();
}

void SscWatcher::stop() {
    loop_.stop();
}

void SscWatcher::cancelWait() {
    std::lock_guard lock(contextMutex_);
    if (context_) context_->cancel();
}

void SscWatcher::reportHealth(bool available, const Error* error) {
    if (healthy_ == available) return;
    healthy_ = available;
    if (events_.serviceHealth) events_.serviceHealth(available, error);
}

Milliseconds SscWatcher::step() {
    if (!context_) {
        auto context = PcscContext::establish();
        if (!context) {
            reportHealth(false, &context.error());
            return options_.retry;
        }
        std::lock_guard lock(contextMutex_);
        context_ = std::move(context.value());
    }
    // A stop that came before the context existed had nothing to cancel.
    if (loop_.stopping()) return Milliseconds(0);
    auto events = context_->waitForChange(options_.wait);
    if (!events) {
        if (events.error().kind == ErrorKind::Cancelled) return Milliseconds(0);
        reportHealth(false, &events.error());
        std::lock_guard lock(contextMutex_);
        context_.reset();  // pcscd restarted or gone: start over
        return Milliseconds(0);
    }
    reportHealth(true, nullptr);
    handle(events.value());
    return Milliseconds(0);
}

void SscWatcher::handle(const std::vector<ReaderEvent>& events) {
    for (const auto& event : events) {
        if (options_.reader && event.reader != *options_.reader) continue;
        bool& wasPresent = present_[event.reader];
        if (event.cardPresent && !wasPresent) {
            wasPresent = true;
            if (events_.cardInserted) events_.cardInserted(event.reader);
            read(event.reader);
        } else if (!event.cardPresent && wasPresent) {
            wasPresent = false;
            if (events_.cardRemoved) events_.cardRemoved(event.reader);
        }
    }
}

void SscWatcher::read(const std::string& reader) {
    auto card = readValidated(*context_, reader, options_.today());
    if (card) {
        if (events_.cardRead) events_.cardRead(card.value());
    } else if (events_.cardUnreadable) {
        events_.cardUnreadable(card.error());
    }
}

Result<SscCard> readSscCardOnce(const std::optional<std::string>& reader, Milliseconds timeout) {
    auto context = PcscContext::establish();
    if (!context) return context.error();
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    bool sawReader = false;
    while (true) {
        const auto left =
            std::chrono::duration_cast<Milliseconds>(deadline - std::chrono::steady_clock::now());
        auto events = context.value()->waitForChange(std::max(left, Milliseconds(0)));
        if (!events) return events.error();
        for (const auto& event : events.value()) {
            if (reader && event.reader != *reader) continue;
            sawReader = true;
            if (event.cardPresent)
                return readValidated(*context.value(), event.reader, localToday());
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            if (!sawReader) {
                return makeError(ErrorKind::Unavailable, "smartcard.no_reader",
                                 reader ? "no reader named '" + *reader + "'"
                                        : std::string("no card reader is connected"));
            }
            return makeError(ErrorKind::NoCard, "smartcard.no_card", "no card in the reader");
        }
    }
}

}  // namespace lobby::smartcard
