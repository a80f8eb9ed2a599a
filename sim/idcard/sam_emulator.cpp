#include "sim/idcard/sam_emulator.h"

namespace lobby::sim {
namespace {

using idcard::Bytes;
using idcard::Response;
namespace status = idcard::status;

Bytes be16(std::size_t value) {
    return {static_cast<std::uint8_t>(value >> 8), static_cast<std::uint8_t>(value & 0xFF)};
}

}  // namespace

std::optional<SamFault> parseFault(const std::string& name) {
    if (name == "none") return SamFault::None;
    if (name == "bad_checksum") return SamFault::BadChecksum;
    if (name == "truncated") return SamFault::TruncatedFrame;
    if (name == "silent") return SamFault::Silent;
    if (name == "removed_before_read") return SamFault::RemovedBeforeRead;
    return std::nullopt;
}

void SamEmulator::placeCard(const SimCard& card) {
    std::lock_guard lock(mutex_);
    card_ = card;
    selected_ = false;
}

void SamEmulator::removeCard() {
    std::lock_guard lock(mutex_);
    removalUnseen_ = removalUnseen_ || card_.has_value();
    card_.reset();
    selected_ = false;
}

void SamEmulator::setFault(SamFault fault) {
    std::lock_guard lock(mutex_);
    fault_ = fault;
}

void SamEmulator::setLatencies(SamLatencies latencies) {
    std::lock_guard lock(mutex_);
    latencies_ = latencies;
}

EmulatorReply SamEmulator::handle(const Result<Bytes>& commandPayload) {
    std::lock_guard lock(mutex_);
    if (fault_ == SamFault::Silent) return {};
    if (!commandPayload.ok() || commandPayload.value().size() < 2) {
        const bool badChecksum =
            !commandPayload.ok() && commandPayload.error().code == "idcard.sam.bad_checksum";
        const std::uint8_t sw3 = badChecksum ? 0x10 : 0x11;
        return {idcard::encodeResponse({0, 0, sw3, {}}), latencies_.other};
    }
    const idcard::Command command{commandPayload.value()[0], commandPayload.value()[1]};
    std::chrono::milliseconds delay = latencies_.other;
    if (command.cmd == 0x20 && command.para == 0x01) delay = latencies_.find;
    if (command.cmd == 0x20 && command.para == 0x02) delay = latencies_.select;
    if (command.cmd == 0x30) delay = latencies_.read;

    if (command.cmd == 0x30 && fault_ == SamFault::RemovedBeforeRead) {
        card_.reset();
        selected_ = false;
        fault_ = SamFault::None;
    }
    Bytes reply = idcard::encodeResponse(respond(command));
    if (fault_ == SamFault::BadChecksum) {
        reply.back() ^= 0xFF;
        fault_ = SamFault::None;
    } else if (fault_ == SamFault::TruncatedFrame) {
        reply.resize(reply.size() / 2);
        fault_ = SamFault::None;
    }
    return {std::move(reply), delay};
}

Response SamEmulator::respond(idcard::Command command) {
    switch (command.cmd) {
        case 0x10:  // reset SAM
        case 0x11:  // SAM status
            return {0, 0, status::kOk, {}};
        case 0x12:  // SAM id: 16 bytes
            return {0, 0, status::kOk,
                    Bytes{0x05, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x07,
                          0x00, 0x00, 0x00, 0x01}};
        case 0x20:
            if (command.para == 0x01) {
                const bool seen = card_.has_value() && !removalUnseen_;
                removalUnseen_ = false;
                return {0, 0, seen ? status::kCardFound : status::kNoCard, {}};
            }
            if (command.para == 0x02) {
                selected_ = card_.has_value();
                return {0, 0, selected_ ? status::kOk : status::kSelectFailed, {}};
            }
            break;
        case 0x30: {
            if (!card_) return {0, 0, 0x41, {}};  // read failed: the card is gone
            if (!selected_) return {0, 0, 0x41, {}};
            Bytes data = be16(card_->text.size());
            const Bytes photoLength = be16(card_->photo.size());
            data.insert(data.end(), photoLength.begin(), photoLength.end());
            if (command.para == 0x10) {
                const Bytes fpLength = be16(1024);
                data.insert(data.end(), fpLength.begin(), fpLength.end());
            }
            data.insert(data.end(), card_->text.begin(), card_->text.end());
            data.insert(data.end(), card_->photo.begin(), card_->photo.end());
            if (command.para == 0x10) data.insert(data.end(), 1024, 0x00);
            return {0, 0, status::kOk, std::move(data)};
        }
        case 0x60:
            if (command.para <= 0x04) return {0, 0, status::kOk, {}};
            break;
        default:
            break;
    }
    return {0, 0, 0x21, {}};  // bad command
}

}  // namespace lobby::sim
