#pragma once
// Update events as the platform hears them (POST /v1/terminals/self/update-events), kept in a
// spool file until it does: each event is appended (the file replaced whole, never half written)
// before it is sent, and sent oldest first; one the platform refuses as malformed is dropped, one
// that cannot reach it waits for the next flush. The spool keeps the newest kMaxSpooled events.

#include <functional>
#include <string>

#include "common/error.h"
#include "update/update_ports.h"

namespace lobby::updater {

inline constexpr std::size_t kMaxSpooled = 200;

// The contract's UpdateEvent.
std::string eventJson(const update::UpdateEvent& event);

class SpooledReporter final : public update::UpdateReporter {
public:
    using Send = std::function<Status(const std::string& eventJson)>;
    SpooledReporter(std::string spoolPath, Send send)
        : spool_(std::move(spoolPath)), send_(std::move(send)) {}

    void report(const update::UpdateEvent& event) override;
    // Sends what is spooled, oldest first, until the platform cannot be reached; the number left.
    std::size_t flush();

private:
    std::string spool_;
    Send send_;
};

}  // namespace lobby::updater
