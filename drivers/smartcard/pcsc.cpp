#include "smartcard/pcsc.h"

#include <PCSC/winscard.h>
#include <PCSC/wintypes.h>

#include <array>
#include <cstring>

namespace lobby::smartcard {
namespace {
constexpr const char* kPnpReader = "\\\\?PnP?\\Notification";
constexpr std::size_t kMaxResponse_bytes = 258;  // 256 data + SW
}  // namespace

Error pcscError(long code, const char* what) {
    struct Known {
        LONG code;
        ErrorKind kind;
        const char* id;
        const char* message;
    };
    static const Known kKnown[] = {
        {static_cast<LONG>(SCARD_E_NO_SERVICE), ErrorKind::Unavailable, "smartcard.no_service",
         "the smart-card service (pcscd) is not running"},
        {static_cast<LONG>(SCARD_E_SERVICE_STOPPED), ErrorKind::Unavailable, "smartcard.no_service",
         "the smart-card service (pcscd) stopped"},
        {static_cast<LONG>(SCARD_E_NO_READERS_AVAILABLE), ErrorKind::Unavailable,
         "smartcard.no_reader", "no card reader is connected"},
        {static_cast<LONG>(SCARD_E_UNKNOWN_READER), ErrorKind::Unavailable, "smartcard.no_reader",
         "that card reader is not connected"},
        {static_cast<LONG>(SCARD_E_READER_UNAVAILABLE), ErrorKind::Unavailable,
         "smartcard.no_reader", "the card reader went away"},
        {static_cast<LONG>(SCARD_E_NO_SMARTCARD), ErrorKind::NoCard, "smartcard.no_card",
         "no card in the reader"},
        {static_cast<LONG>(SCARD_W_REMOVED_CARD), ErrorKind::NoCard, "smartcard.removed",
         "the card was removed"},
        {static_cast<LONG>(SCARD_W_UNRESPONSIVE_CARD), ErrorKind::CardInvalid,
         "smartcard.unresponsive", "the card does not respond (inserted the wrong way?)"},
        {static_cast<LONG>(SCARD_W_UNPOWERED_CARD), ErrorKind::CardInvalid,
         "smartcard.unresponsive", "the card is not powered"},
        {static_cast<LONG>(SCARD_W_RESET_CARD), ErrorKind::Device, "smartcard.reset",
         "the card was reset by another program"},
        {static_cast<LONG>(SCARD_E_SHARING_VIOLATION), ErrorKind::Unavailable,
         "smartcard.reader_busy", "the card is in use by another program"},
        {static_cast<LONG>(SCARD_E_TIMEOUT), ErrorKind::Timeout, "smartcard.timeout",
         "the card reader did not answer in time"},
        {static_cast<LONG>(SCARD_E_CANCELLED), ErrorKind::Cancelled, "smartcard.cancelled",
         "cancelled"},
        {static_cast<LONG>(SCARD_E_PROTO_MISMATCH), ErrorKind::Protocol, "smartcard.protocol",
         "the card speaks neither T=0 nor T=1"},
        {static_cast<LONG>(SCARD_E_NOT_TRANSACTED), ErrorKind::Device, "smartcard.not_transacted",
         "the exchange with the card failed"},
        {static_cast<LONG>(SCARD_F_COMM_ERROR), ErrorKind::Io, "smartcard.io",
         "communication with the reader failed"},
    };
    const std::string context = std::string(what) + ": ";
    for (const auto& known : kKnown) {
        if (known.code == code) return makeError(known.kind, known.id, context + known.message);
    }
    return makeError(ErrorKind::Device, "smartcard.pcsc",
                     context + pcsc_stringify_error(static_cast<LONG>(code)));
}

Result<std::unique_ptr<PcscContext>> PcscContext::establish() {
    SCARDCONTEXT context = 0;
    const LONG rc = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context);
    if (rc != SCARD_S_SUCCESS) return pcscError(rc, "connecting to pcscd");
    return std::unique_ptr<PcscContext>(new PcscContext(context));
}

PcscContext::~PcscContext() {
    SCardReleaseContext(context_);
}

void PcscContext::cancel() {
    SCardCancel(context_);
}

Result<std::vector<std::string>> PcscContext::listReaders() {
    DWORD length = 0;
    LONG rc = SCardListReaders(context_, nullptr, nullptr, &length);
    if (rc == static_cast<LONG>(SCARD_E_NO_READERS_AVAILABLE)) return std::vector<std::string>{};
    if (rc != SCARD_S_SUCCESS) return pcscError(rc, "listing readers");
    std::string buffer(length, '\0');
    rc = SCardListReaders(context_, nullptr, buffer.data(), &length);
    if (rc == static_cast<LONG>(SCARD_E_NO_READERS_AVAILABLE)) return std::vector<std::string>{};
    if (rc != SCARD_S_SUCCESS) return pcscError(rc, "listing readers");
    std::vector<std::string> readers;
    for (const char* name = buffer.c_str(); *name != '\0'; name += std::strlen(name) + 1) {
        readers.emplace_back(name);
    }
    return readers;
}

Result<std::vector<ReaderEvent>> PcscContext::waitForChange(Milliseconds timeout) {
    auto readers = listReaders();
    if (!readers) return readers.error();
    if (readers.value() != known_) {
        known_ = readers.value();
        lastStates_.assign(known_.size(), SCARD_STATE_UNAWARE);
    }
    std::vector<SCARD_READERSTATE> states(known_.size() + 1);
    for (std::size_t i = 0; i < known_.size(); ++i) {
        states[i].szReader = known_[i].c_str();
        states[i].dwCurrentState = lastStates_[i];
    }
    states.back().szReader = kPnpReader;
    states.back().dwCurrentState = pnpState_;
    const LONG rc = SCardGetStatusChange(context_, static_cast<DWORD>(timeout.count()),
                                         states.data(), static_cast<DWORD>(states.size()));
    if (rc != SCARD_S_SUCCESS && rc != static_cast<LONG>(SCARD_E_TIMEOUT)) {
        return pcscError(rc, "waiting for cards");
    }
    std::vector<ReaderEvent> events;
    for (std::size_t i = 0; i < known_.size(); ++i) {
        lastStates_[i] = states[i].dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
        events.push_back({known_[i], (states[i].dwEventState & SCARD_STATE_PRESENT) != 0 &&
                                         (states[i].dwEventState & SCARD_STATE_MUTE) == 0});
    }
    pnpState_ = states.back().dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
    return events;
}

Result<std::unique_ptr<PcscCardSession>> PcscCardSession::open(PcscContext& context,
                                                               const std::string& reader) {
    SCARDHANDLE card = 0;
    DWORD protocol = 0;
    LONG rc = SCardConnect(context.handle(), reader.c_str(), SCARD_SHARE_SHARED,
                           SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card, &protocol);
    if (rc != SCARD_S_SUCCESS) return pcscError(rc, "connecting to the card");
    rc = SCardBeginTransaction(card);
    if (rc != SCARD_S_SUCCESS) {
        SCardDisconnect(card, SCARD_LEAVE_CARD);
        return pcscError(rc, "starting a transaction");
    }
    return std::unique_ptr<PcscCardSession>(new PcscCardSession(card, protocol));
}

PcscCardSession::~PcscCardSession() {
    SCardEndTransaction(card_, SCARD_LEAVE_CARD);
    SCardDisconnect(card_, SCARD_LEAVE_CARD);
}

Result<Bytes> PcscCardSession::transmit(std::span<const std::uint8_t> command) {
    std::array<BYTE, kMaxResponse_bytes> response{};
    DWORD length = response.size();
    const SCARD_IO_REQUEST* pci = protocol_ == SCARD_PROTOCOL_T1 ? SCARD_PCI_T1 : SCARD_PCI_T0;
    const LONG rc = SCardTransmit(card_, pci, command.data(), static_cast<DWORD>(command.size()),
                                  nullptr, response.data(), &length);
    if (rc != SCARD_S_SUCCESS) return pcscError(rc, "talking to the card");
    return Bytes(response.begin(), response.begin() + length);
}

}  // namespace lobby::smartcard
