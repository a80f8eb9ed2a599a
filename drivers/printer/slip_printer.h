#pragma once
// Prints paid-for slips and makes sure a slip lost to paper running out can be printed again,
// once, without the patient paying again. After each job the printer itself is asked
// (DLE EOT over the direct channel): CUPS's socket backend reports a job "completed" even when
// the roll ended halfway.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "printer/cups_queue.h"
#include "printer/direct_channel.h"

namespace lobby::printer {

enum class PrintOutcome {
    Printed,
    PaperRanOut,  // the slip is kept for one reprint (reprint(reference))
};

class SlipPrinter {
public:
    SlipPrinter(CupsQueue queue, std::optional<DirectAddress> direct)
        : queue_(std::move(queue)), direct_(std::move(direct)) {}

    // `reference` names the slip without personal data (e.g. the booking id).
    Result<PrintOutcome> print(const std::string& reference, const Bytes& slip,
                               Milliseconds timeout);
    // The slips waiting for their one reprint.
    std::vector<std::string> pendingReprints() const;
    // Prints a kept slip again; refused while the printer is not ready (it stays kept) and
    // for a slip that is not kept (never lost, or already reprinted).
    Result<PrintOutcome> reprint(const std::string& reference, Milliseconds timeout);

private:
    Result<PrintOutcome> printAndCheck(const std::string& reference, const Bytes& slip,
                                       Milliseconds timeout);

    CupsQueue queue_;
    std::optional<DirectAddress> direct_;
    std::map<std::string, Bytes> lost_;
};

}  // namespace lobby::printer
