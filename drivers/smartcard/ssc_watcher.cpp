#include "smartcard/ssc_watcher.h"

#include <condition_variable>

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
    : options_(std::move(options)), events_(std::move(events)) {}

SscWatcher::~SscWatcher() {
    stop();
}

void SscWatcher::start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { run(); });
}

void SscWatcher::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        if (context_) context_->cancel();
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

bool SscWatcher::pause(Milliseconds duration) {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, duration, [this] { return stopping_; });
}

void SscWatcher::reportHealth(bool available, const Error* error) {
    if (healthy_ == available) return;
    healthy_ = available;
    if (events_.serviceHealth) events_.serviceHealth(available, error);
}

void SscWatcher::run() {
    while (true) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
        }
        if (!context_) {
            auto context = PcscContext::establish();
            if (!context) {
                reportHealth(false, &context.error());
                if (!pause(options_.retry)) return;
                continue;
            }
            std::lock_guard lock(mutex_);
            context_ = std::move(context.value());
        }
        auto events = context_->waitForChange(options_.wait);
        if (!events) {
            if (events.error().kind == ErrorKind::Cancelled) return;
            reportHealth(false, &events.error());
            std::lock_guard lock(mutex_);
            context_.reset();  // pcscd restarted or gone: start over
            continue;
        }
        reportHealth(true, nullptr);
        handle(events.value());
    }
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
