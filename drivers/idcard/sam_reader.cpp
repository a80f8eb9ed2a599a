#include "idcard/sam_reader.h"

#include <array>

namespace lobby::idcard {
namespace {
constexpr std::size_t kReadChunk_bytes = 512;
}

SamReader::SamReader(std::unique_ptr<Transport> transport, SamTimeouts timeouts)
    : transport_(std::move(transport)), timeouts_(timeouts) {}

Result<Response> SamReader::exchange(Command command, Milliseconds timeout) {
    transport_->discardInput();
    decoder_.reset();
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    if (auto written = transport_->write(encodeCommand(command), timeout); !written) {
        return written.error();
    }
    std::array<std::uint8_t, kReadChunk_bytes> chunk{};
    while (true) {
        // The reader sends one reply per command: a corrupt one is this command's answer.
        // The decoder has already skipped past it, so the next exchange starts clean.
        if (auto frame = decoder_.next()) {
            if (!frame->ok()) return frame->error();
            return toResponse(frame->value());
        }
        const auto left =
            std::chrono::duration_cast<Milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            if (decoder_.buffered() > 0) {
                return makeError(ErrorKind::Protocol, "idcard.sam.truncated",
                                 "the reader sent half a frame");
            }
            return makeError(ErrorKind::Timeout, "idcard.timeout", "the reader did not answer");
        }
        auto got = transport_->read(chunk, left);
        if (!got) {
            if (got.error().kind == ErrorKind::Timeout) continue;  // re-checked above
            return got.error();
        }
        decoder_.feed(std::span(chunk).first(got.value()));
    }
}

Result<bool> SamReader::findCard() {
    auto reply = exchange(commands::kFindCard, timeouts_.command);
    if (!reply) return reply.error();
    if (reply->sw3 == status::kCardFound) return true;
    if (reply->sw3 == status::kNoCard) return false;
    return *statusError(reply->sw3);
}

Status SamReader::selectCard() {
    auto reply = exchange(commands::kSelectCard, timeouts_.command);
    if (!reply) return reply.error();
    if (auto error = statusError(reply->sw3)) return *error;
    return {};
}

Result<RawCard> SamReader::readCard(bool withFingerprint) {
    const Command command =
        withFingerprint ? commands::kReadTextPhotoFingerprint : commands::kReadTextPhoto;
    auto reply = exchange(command, timeouts_.read);
    if (!reply) return reply.error();
    if (auto error = statusError(reply->sw3)) return *error;
    return parseReadData(reply->data, withFingerprint);
}

Result<IdCard> SamReader::readPresentCard() {
    auto found = findCard();
    if (!found) return found.error();
    if (!found.value()) {
        return makeError(ErrorKind::NoCard, "idcard.sam.no_card", "no card on the reader");
    }
    return selectAndRead();
}

Result<IdCard> SamReader::selectAndRead() {
    if (auto selected = selectCard(); !selected) return selected.error();
    auto raw = readCard();
    if (!raw) return raw.error();
    auto card = decodeText(raw->text);
    if (!card) return card.error();
    card->photoWlt.assign(raw->photo.begin(), raw->photo.end());
    return card;
}

Result<Bytes> SamReader::samId() {
    auto reply = exchange(commands::kSamId, timeouts_.command);
    if (!reply) return reply.error();
    if (auto error = statusError(reply->sw3)) return *error;
    return reply->data;
}

Result<RawCard> parseReadData(const Bytes& data, bool withFingerprint) {
    const std::size_t lengthFields = withFingerprint ? 3 : 2;
    if (data.size() < lengthFields * 2) {
        return makeError(ErrorKind::Protocol, "idcard.sam.bad_length", "read reply too short");
    }
    std::array<std::size_t, 3> lengths{};
    for (std::size_t i = 0; i < lengthFields; ++i) {
        lengths[i] = (std::size_t{data[2 * i]} << 8) | data[2 * i + 1];
    }
    if (lengths[0] != kTextBlockSize || lengths[1] > kPhotoBlockSize ||
        lengthFields * 2 + lengths[0] + lengths[1] + lengths[2] != data.size()) {
        return makeError(ErrorKind::Protocol, "idcard.sam.bad_length",
                         "read reply lengths do not add up");
    }
    auto cursor = data.begin() + static_cast<long>(lengthFields * 2);
    RawCard raw;
    raw.text.assign(cursor, cursor + static_cast<long>(lengths[0]));
    cursor += static_cast<long>(lengths[0]);
    raw.photo.assign(cursor, cursor + static_cast<long>(lengths[1]));
    cursor += static_cast<long>(lengths[1]);
    raw.fingerprint.assign(cursor, cursor + static_cast<long>(lengths[2]));
    return raw;
}

}  // namespace lobby::idcard
