#pragma once
// Puts a VirtualSscCard into pcscd's vpcd reader: connects to the vpcd driver's port on
// 127.0.0.1 and answers its messages (2-byte big-endian length + payload; a 1-byte payload is a
// control code: 0 power off, 1 power on, 2 reset, 4 get ATR; anything else is an APDU answered
// with data + SW). Inserting the card is connecting; pulling it is disconnecting.

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>

#include "common/error.h"
#include "sim/smartcard/virtual_ssc.h"

namespace lobby::sim {

class VpcdCard {
public:
    explicit VpcdCard(unsigned short port) : port_(port) {}
    ~VpcdCard() { remove(); }

    Status insert(const SscHolder& holder, SscFault fault = SscFault::None);
    void remove();
    void setLatency(std::chrono::milliseconds perApdu) { latency_ms_ = perApdu.count(); }
    bool inserted() const { return socket_ >= 0; }
    int apdusAnswered() const { return apdus_.load(); }  // since the last insert

private:
    void serve(int socket, std::unique_ptr<VirtualSscCard> card);

    unsigned short port_;
    std::atomic<long> latency_ms_{0};
    std::atomic<int> apdus_{0};
    int socket_ = -1;
    std::thread thread_;
};

}  // namespace lobby::sim
