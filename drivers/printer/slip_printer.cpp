#include "printer/slip_printer.h"

namespace lobby::printer {

Result<PrintOutcome> SlipPrinter::printAndCheck(const std::string& reference, const Bytes& slip,
                                                Milliseconds timeout) {
    auto job = submitRawJob(queue_, slip, reference, timeout);
    if (!job) return job.error().withContext("printing " + reference);
    if (auto done = waitForJob(queue_, job.value(), timeout); !done) {
        lost_[reference] = slip;
        return done.error().withContext("printing " + reference);
    }
    if (!direct_) return PrintOutcome::Printed;
    auto state = queryStatus(*direct_, timeout);
    if (!state) return state.error().withContext("checking the printer after " + reference);
    if (state.value() == PrinterState::PaperOut) {
        lost_[reference] = slip;
        return PrintOutcome::PaperRanOut;
    }
    lost_.erase(reference);
    return PrintOutcome::Printed;
}

Result<PrintOutcome> SlipPrinter::print(const std::string& reference, const Bytes& slip,
                                        Milliseconds timeout) {
    return printAndCheck(reference, slip, timeout);
}

std::vector<std::string> SlipPrinter::pendingReprints() const {
    std::vector<std::string> references;
    for (const auto& [reference, slip] : lost_)
        references.push_back(reference);
    return references;
}

Result<PrintOutcome> SlipPrinter::reprint(const std::string& reference, Milliseconds timeout) {
    const auto kept = lost_.find(reference);
    if (kept == lost_.end()) {
        return makeError(ErrorKind::InvalidArgument, "printer.no_reprint",
                         reference + " has no slip waiting to be reprinted");
    }
    if (direct_) {
        auto state = queryStatus(*direct_, timeout);
        if (!state) return state.error();
        if (state.value() != PrinterState::Ready && state.value() != PrinterState::PaperLow) {
            return makeError(ErrorKind::Unavailable, "printer.not_ready",
                             "the printer is " + std::string(toString(state.value())));
        }
    }
    const Bytes slip = kept->second;
    lost_.erase(kept);  // once: whatever happens now, this slip is not kept again
    auto outcome = printAndCheck(reference, slip, timeout);
    if (outcome && outcome.value() == PrintOutcome::PaperRanOut) lost_.erase(reference);
    return outcome;
}

}  // namespace lobby::printer
