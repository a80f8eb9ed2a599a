#pragma once
// The A4 printer (reports, e-invoices): a CUPS IPP Everywhere queue whose jobs are PDF. Its
// state comes from the printer itself over IPP (the queue's ipp:// device URI; CUPS knows a
// remote printer's state only while it sends it a job), together with the queue's own (not
// accepting, stopped). A report is printed at most twice: a job the printer lost (a jam: CUPS
// reports it cancelled or aborted) is sent once more, and a second loss is the caller's error.

#include <string>
#include <string_view>
#include <vector>

#include "printer/cups_queue.h"
#include "printer/pdf_document.h"

namespace lobby::printer {

// Worst first, so the worst of several reasons wins.
enum class A4State {
    Offline,    // no answer, the queue stopped or not accepting
    CoverOpen,  // a door or cover open
    Jammed,     // media jam
    PaperOut,   // media empty or needed
    TonerOut,   // toner / marker supply empty
    Error,      // any other "-error" reason
    TonerLow,   // prints, but a technician should come
    PaperLow,   // prints, but a technician should come
    Ready,
};

std::string_view toString(A4State state);  // "offline", "cover_open", ..., "ready"
bool a4CanPrint(A4State state);            // Ready, TonerLow, PaperLow

// What the printer's reasons and marker levels mean for a kiosk. A reason counts whatever its
// severity suffix (-error, -warning, -report): a jam reported as a "report" still jams.
A4State a4StateFromReasons(const std::vector<std::string>& reasons,
                           const std::vector<int>& markerLevels, const std::string& state);

struct A4Status {
    A4State state = A4State::Offline;
    bool accepting = false;
    std::string deviceUri;
    std::vector<std::string> reasons;  // the queue's and the printer's
    std::vector<int> markerLevels;
    std::vector<std::string> markerNames;
    bool duplex = false;       // the printer prints both sides
    bool fromPrinter = false;  // the printer answered itself (else: the queue's view)
};

Result<A4Status> queryA4(const CupsQueue& queue, Milliseconds timeout);

struct A4Printed {
    int pages = 0;     // as the printer counted them (the document's when it does not say)
    int attempts = 0;  // 1, or 2 after a lost job
};

class A4Printer {
public:
    explicit A4Printer(CupsQueue queue) : queue_(std::move(queue)) {}

    // Prints the document (two-sided when it has more than one page and the printer can) and
    // follows it to the end. `reference` names it without personal data. printer.job_lost when
    // the printer lost it twice; a timeout cancels the job so it cannot print after the
    // patient has gone.
    Result<A4Printed> print(const PdfDocument& document, const std::string& reference, bool duplex,
                            Milliseconds timeout);

    const CupsQueue& queue() const { return queue_; }
    // Jobs CUPS would not purge from its spool (each a technician's matter: the kiosk logs it).
    int purgeFailures() const { return purgeFailures_; }

private:
    CupsQueue queue_;
    int purgeFailures_ = 0;
};

}  // namespace lobby::printer
