#pragma once
// The updater's MaintenanceLease: asks the running kiosk over its lease socket (lease_protocol.h).
// A kiosk that does not answer (not running, socket missing, silent for 5 s) is an error
// ("update.kiosk_unreachable"), a refusal is "update.lease_refused". Qt-free.

#include <cstdint>
#include <functional>
#include <string>

#include "update/lease_protocol.h"
#include "update/update_ports.h"

namespace lobby::update {

class SocketLease : public MaintenanceLease {
public:
    // `now_ms` is the clock the install machine's `until_ms` is on.
    SocketLease(std::string socketPath, std::function<std::int64_t()> now_ms);

    Status acquire(std::int64_t until_ms) override;
    void release() override;

    // One request, its answer: for kioskctl and tests too.
    Result<LeaseAnswer> ask(const LeaseRequest& request) const;

private:
    std::string path_;
    std::function<std::int64_t()> now_ms_;
};

}  // namespace lobby::update
