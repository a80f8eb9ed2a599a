// PDFs from the platform are checked before they reach the A4 printer: a PDF, small enough,
// not encrypted, with pages; and the printer's IPP reasons mean what a kiosk needs them to.
#include <gtest/gtest.h>

#include "a4_documents.h"
#include "printer/a4_printer.h"
#include "printer/pdf_document.h"

using namespace lobby;
using namespace lobby::printer;

TEST(PdfDocument, ARealReportIsAcceptedWithItsPageCount) {
    auto one = checkPdf(test::labReportPdf(5));
    ASSERT_TRUE(one.ok()) << one.error().message;
    EXPECT_EQ(one->pages, 1);
    auto two = checkPdf(test::labReportPdf(40));
    ASSERT_TRUE(two.ok()) << two.error().message;
    EXPECT_EQ(two->pages, 2);
}

TEST(PdfDocument, WhatIsNotAPrintablePdfIsRefusedWithItsReason) {
    const std::string html = "<html><body>502 Bad Gateway</body></html>";
    EXPECT_EQ(checkPdf({html.begin(), html.end()}).error().code, "pdf.not_pdf");
    EXPECT_EQ(checkPdf({}).error().code, "pdf.not_pdf");

    auto report = test::labReportPdf(40);
    EXPECT_EQ(checkPdf(report, report.size() - 1).error().code, "pdf.too_large");

    auto truncated = report;
    truncated.resize(truncated.size() / 3);
    const auto damaged = checkPdf(truncated);
    ASSERT_FALSE(damaged.ok());
    EXPECT_EQ(damaged.error().code, "pdf.damaged");
    EXPECT_EQ(damaged.error().message, "the document is damaged");  // nothing of its bytes

    EXPECT_EQ(checkPdf(test::encryptedPdf()).error().code, "pdf.encrypted");
    EXPECT_EQ(checkPdf(test::pagelessPdf()).error().code, "pdf.no_pages");
}

TEST(A4State, EachReasonWhateverItsSeverityWithdrawsOrWarns) {
    const std::vector<int> noLevels;
    EXPECT_EQ(a4StateFromReasons({}, noLevels, "idle"), A4State::Ready);
    EXPECT_EQ(a4StateFromReasons({"media-jam-report"}, noLevels, "idle"), A4State::Jammed);
    EXPECT_EQ(a4StateFromReasons({"media-jam-error"}, noLevels, "idle"), A4State::Jammed);
    EXPECT_EQ(a4StateFromReasons({"media-empty-error"}, noLevels, "idle"), A4State::PaperOut);
    EXPECT_EQ(a4StateFromReasons({"toner-empty-warning"}, noLevels, "idle"), A4State::TonerOut);
    EXPECT_EQ(a4StateFromReasons({"door-open-report"}, noLevels, "idle"), A4State::CoverOpen);
    EXPECT_EQ(a4StateFromReasons({"toner-low-report"}, noLevels, "idle"), A4State::TonerLow);
    EXPECT_EQ(a4StateFromReasons({"media-low-report"}, noLevels, "idle"), A4State::PaperLow);
    EXPECT_EQ(a4StateFromReasons({"fuser-over-temp-error"}, noLevels, "idle"), A4State::Error);
    EXPECT_EQ(a4StateFromReasons({"fuser-over-temp-warning"}, noLevels, "idle"), A4State::Ready);
    EXPECT_EQ(a4StateFromReasons({}, noLevels, "stopped"), A4State::Offline);
    // The worst of several wins; an empty marker is empty even without a reason saying so.
    EXPECT_EQ(a4StateFromReasons({"toner-low-report", "door-open-report"}, noLevels, "idle"),
              A4State::CoverOpen);
    EXPECT_EQ(a4StateFromReasons({}, {0}, "idle"), A4State::TonerOut);
    EXPECT_EQ(a4StateFromReasons({}, {4}, "idle"), A4State::TonerLow);
    EXPECT_EQ(a4StateFromReasons({}, {-2, 80}, "idle"), A4State::Ready);

    for (auto state : {A4State::Ready, A4State::TonerLow, A4State::PaperLow})
        EXPECT_TRUE(a4CanPrint(state)) << toString(state);
    for (auto state : {A4State::Offline, A4State::CoverOpen, A4State::Jammed, A4State::PaperOut,
                       A4State::TonerOut, A4State::Error})
        EXPECT_FALSE(a4CanPrint(state)) << toString(state);
}
