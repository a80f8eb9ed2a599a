#include "printer/slip_printer.h"

namespace lobby::printer {

namespace {
Error notReady(PrinterState state, const std::string& when) {
    return makeError(ErrorKind::Unavailable, "printer.not_ready",
                     "the printer is " + std::string(toString(state)) + " " + when);
}
}  // namespace

Result<PrintOutcome> SlipPrinter::printAndCheck(const std::string& reference, const Bytes& slip,
                                                Milliseconds timeout) {
    // A slip sent to a printer that cannot print would come out later, perhaps to the next
    // patient: it is not sent at all.
    if (direct_) {
        auto before = queryStatus(*direct_, timeout);
        if (!before) return before.error().withContext("checking the printer before " + reference);
        if (!canPrint(before.value())) return notReady(before.value(), "before " + reference);
    }
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
    if (!canPrint(state.value())) return notReady(state.value(), "after " + reference);
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
    if (direct_) {  // checked before the slip leaves the keep: a refusal keeps it
        auto state = queryStatus(*direct_, timeout);
        if (!state) return state.error();
        if (!canPrint(state.value())) return notReady(state.value(), "for the reprint");
    }
    const Bytes slip = kept->second;
    lost_.erase(kept);  // once: whatever happens now, this slip is not kept again
    auto outcome = printAndCheck(reference, slip, timeout);
    if (outcome && outcome.value() == PrintOutcome::PaperRanOut) lost_.erase(reference);
    return outcome;
}

}  // namespace lobby::printer
