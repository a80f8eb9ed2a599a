// The A4 printer for real: a private cupsd with an IPP Everywhere queue to CUPS's own
// ippeveprinter (with_cupsd.sh --a4). What the printer saved is rasterised back with poppler and
// compared page by page with the document sent; the printer's faults are set on ippeveprinter.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "a4_documents.h"
#include "printer/a4_printer.h"
#include "printer/pdf_document.h"

using namespace lobby;
using namespace lobby::printer;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

CupsQueue a4Queue() {
    return {env("CUPS_SERVER"), env("LOBBY_A4_QUEUE")};
}

void setPrinterState(const std::string& changes) {
    const std::string script = std::string(LOBBY_TESTS_DIR) + "/printer/a4/set_state.sh " + changes;
    ASSERT_EQ(std::system(script.c_str()), 0) << script;
}

void control(const std::string& file, const std::string& text) {
    std::ofstream(fs::path(env("LOBBY_A4_CONTROL")) / file) << text;
}

std::vector<fs::path> printedJobs() {
    std::vector<fs::path> jobs;
    for (const auto& entry : fs::directory_iterator(env("LOBBY_A4_OUT"))) {
        if (entry.path().filename().string().rfind("job-", 0) == 0) jobs.push_back(entry.path());
    }
    std::sort(jobs.begin(), jobs.end());
    return jobs;
}

std::string readFile(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

// Each page of a PDF as a greyscale raster (PGM) at 40 dpi, rendered by poppler's pdftoppm.
std::vector<std::string> rasterise(const fs::path& pdf, const fs::path& dir) {
    fs::create_directories(dir);
    const std::string command =
        "pdftoppm -r 40 -gray '" + pdf.string() + "' '" + (dir / "page").string() + "'";
    if (std::system(command.c_str()) != 0) return {};
    std::vector<fs::path> pages;
    for (const auto& entry : fs::directory_iterator(dir))
        pages.push_back(entry.path());
    std::sort(pages.begin(), pages.end());
    std::vector<std::string> rasters;
    for (const auto& page : pages)
        rasters.push_back(readFile(page));
    return rasters;
}

std::string pageText(const fs::path& pdf, int page, const fs::path& dir) {
    const fs::path out = dir / ("text-" + std::to_string(page) + ".txt");
    const std::string command = "pdftotext -layout -f " + std::to_string(page) + " -l " +
                                std::to_string(page) + " '" + pdf.string() + "' '" + out.string() +
                                "'";
    if (std::system(command.c_str()) != 0) return "pdftotext failed";
    return readFile(out);
}

struct Raster {
    int width = 0, height = 0;
    std::string pixels;
};

Raster parsePgm(const std::string& pgm) {
    std::istringstream in(pgm);
    std::string magic;
    int width = 0, height = 0, maximum = 0;
    in >> magic >> width >> height >> maximum;
    in.get();
    Raster raster{width, height, {}};
    if (magic != "P5" || maximum != 255 || width <= 0 || height <= 0) return raster;
    raster.pixels = pgm.substr(static_cast<std::size_t>(in.tellg()));
    return raster;
}

// How much of the ink (anything darker than light grey) of either page has no ink within one
// pixel on the other: the printer's copy may move a rule to the next row of pixels (CUPS
// rewrites the page size 595.28 pt as 595.276 pt), nothing more.
double differingShare(const std::string& pgmA, const std::string& pgmB) {
    const Raster a = parsePgm(pgmA), b = parsePgm(pgmB);
    if (a.width != b.width || a.height != b.height || a.pixels.size() != b.pixels.size() ||
        a.pixels.empty()) {
        return 1.0;
    }
    auto inked = [](const Raster& r, int x, int y) {
        if (x < 0 || y < 0 || x >= r.width || y >= r.height) return false;
        return static_cast<unsigned char>(
                   r.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) +
                            static_cast<std::size_t>(x)]) < 200;
    };
    auto inkNear = [&](const Raster& r, int x, int y) {
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx)
                if (inked(r, x + dx, y + dy)) return true;
        return false;
    };
    std::size_t ink = 0, unmatched = 0;
    for (int y = 0; y < a.height; ++y) {
        for (int x = 0; x < a.width; ++x) {
            if (inked(a, x, y)) {
                ++ink;
                if (!inkNear(b, x, y)) ++unmatched;
            }
            if (inked(b, x, y)) {
                ++ink;
                if (!inkNear(a, x, y)) ++unmatched;
            }
        }
    }
    return ink == 0 ? 0.0 : static_cast<double>(unmatched) / static_cast<double>(ink);
}

// A blank page and the report differ: the comparison can fail.
TEST(A4Raster, TheComparisonTellsAReportFromABlankPage) {
    const std::string blank = "P5\n4 4\n255\n" + std::string(16, '\xff');
    std::string text = blank;
    for (std::size_t i = 11; i < text.size(); i += 2)
        text[i] = '\0';
    EXPECT_EQ(differingShare(blank, blank), 0.0);
    EXPECT_EQ(differingShare(text, blank), 1.0);
}

class A4 : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_FALSE(env("LOBBY_A4_QUEUE").empty()) << "run under with_cupsd.sh --a4";
        scratch_ = fs::temp_directory_path() / ("a4-test-" + std::to_string(::getpid()));
        fs::create_directories(scratch_);
    }
    void TearDown() override {
        fs::remove_all(scratch_);
        fs::remove(fs::path(env("LOBBY_A4_CONTROL")) / "jam");
    }
    fs::path scratch_;
};

}  // namespace

TEST_F(A4, TheStateComesFromThePrinterItselfThroughTheQueuesDeviceUri) {
    auto status = queryA4(a4Queue(), 5s);
    ASSERT_TRUE(status.ok()) << status.error().message;
    EXPECT_TRUE(status->fromPrinter);
    EXPECT_EQ(status->deviceUri, env("LOBBY_A4_URI"));
    EXPECT_EQ(status->state, A4State::Ready) << toString(status->state);
    EXPECT_TRUE(status->duplex);
    ASSERT_EQ(status->markerLevels.size(), 1u);
    EXPECT_EQ(status->markerLevels[0], 80);
}

TEST_F(A4, ATwoPageReportIsPrintedBothSidedAndWhatThePrinterSavedIsTheReportPageByPage) {
    auto document = checkPdf(test::labReportPdf(40));
    ASSERT_TRUE(document.ok());
    const auto before = printedJobs().size();
    A4Printer printer(a4Queue());
    auto printed = printer.print(document.value(), "report-R1", true, 60s);
    ASSERT_TRUE(printed.ok()) << printed.error().message;
    EXPECT_EQ(printer.purgeFailures(), 0);
    EXPECT_EQ(printed->pages, 2);
    EXPECT_EQ(printed->attempts, 1);
    // Nothing of the report stays in CUPS's spool (its files are named d<job>-<doc>).
    for (const auto& entry : fs::directory_iterator(env("LOBBY_CUPS_SPOOL"))) {
        EXPECT_NE(entry.path().filename().string().rfind("d0", 0), 0u) << entry.path();
    }
    const auto jobs = printedJobs();
    ASSERT_EQ(jobs.size(), before + 1);

    const fs::path sent = scratch_ / "sent.pdf";
    std::ofstream(sent, std::ios::binary)
        .write(reinterpret_cast<const char*>(document->bytes.data()),
               static_cast<std::streamsize>(document->bytes.size()));
    const auto expected = rasterise(sent, scratch_ / "sent");
    const auto got = rasterise(jobs.back(), scratch_ / "got");
    ASSERT_EQ(expected.size(), 2u);
    ASSERT_EQ(got.size(), expected.size());
    for (std::size_t page = 0; page < got.size(); ++page) {
        EXPECT_LT(differingShare(expected[page], got[page]), 0.01) << "page " << page + 1;
    }
    // The comparison tells pages apart: page 1 printed is not page 2 sent.
    EXPECT_GT(differingShare(expected[1], got[0]), 0.05);
    // And the text on each page is the report's, word for word.
    for (int page = 1; page <= 2; ++page) {
        EXPECT_EQ(pageText(sent, page, scratch_), pageText(jobs.back(), page, scratch_))
            << "page " << page;
    }
}

TEST_F(A4, PaperTonerAndDoorFaultsOnThePrinterWithdrawItAndClearingThemBringsItBack) {
    const std::vector<std::pair<std::string, A4State>> faults{
        {"toner-empty-error", A4State::TonerOut},
        {"cover-open-error", A4State::CoverOpen},
        {"media-jam-error", A4State::Jammed},
    };
    for (const auto& [reason, meaning] : faults) {
        setPrinterState("+" + reason);
        auto status = queryA4(a4Queue(), 5s);
        ASSERT_TRUE(status.ok());
        EXPECT_EQ(status->state, meaning) << reason << " -> " << toString(status->state);
        EXPECT_FALSE(a4CanPrint(status->state));
        setPrinterState("-" + reason);
        EXPECT_EQ(queryA4(a4Queue(), 5s)->state, A4State::Ready) << "after clearing " << reason;
    }
    setPrinterState("+toner-low-report");
    EXPECT_EQ(queryA4(a4Queue(), 5s)->state, A4State::TonerLow);
    EXPECT_TRUE(a4CanPrint(A4State::TonerLow));
    setPrinterState("-toner-low-report");
}

TEST_F(A4, AJobLostToAJamIsSentOnceMoreAndASecondLossIsAnErrorWithNothingInTheTray) {
    auto document = checkPdf(test::labReportPdf(5));
    ASSERT_TRUE(document.ok());
    A4Printer printer(a4Queue());

    control("jam", "once");
    auto before = printedJobs().size();
    auto retried = printer.print(document.value(), "report-R2", true, 60s);
    ASSERT_TRUE(retried.ok()) << retried.error().message;
    EXPECT_EQ(retried->attempts, 2);
    EXPECT_EQ(retried->pages, 1);
    EXPECT_EQ(printedJobs().size(), before + 1);

    control("jam", "always");
    before = printedJobs().size();
    auto lost = printer.print(document.value(), "report-R3", true, 60s);
    ASSERT_FALSE(lost.ok());
    EXPECT_EQ(lost.error().code, "printer.job_lost");
    EXPECT_EQ(printedJobs().size(), before);
    EXPECT_EQ(queryA4(a4Queue(), 5s)->state, A4State::Jammed);
    fs::remove(fs::path(env("LOBBY_A4_CONTROL")) / "jam");
    setPrinterState("-media-jam-error");
}

TEST_F(A4, AQueueThatStoppedOrRefusesJobsIsOffline) {
    ASSERT_EQ(std::system("cupsreject a4"), 0);
    EXPECT_EQ(queryA4(a4Queue(), 5s)->state, A4State::Offline);
    ASSERT_EQ(std::system("cupsaccept a4"), 0);
    ASSERT_EQ(std::system("cupsdisable a4"), 0);
    EXPECT_EQ(queryA4(a4Queue(), 5s)->state, A4State::Offline);
    ASSERT_EQ(std::system("cupsenable a4"), 0);
    EXPECT_EQ(queryA4(a4Queue(), 5s)->state, A4State::Ready);
}

// Last: ippeveprinter keeps an emptied tray empty (media-needed) until its web form reloads it.
TEST_F(A4, ZzAnEmptyTrayWithdrawsThePrinter) {
    setPrinterState("+media-empty-error");
    auto status = queryA4(a4Queue(), 5s);
    ASSERT_TRUE(status.ok());
    EXPECT_EQ(status->state, A4State::PaperOut) << toString(status->state);
}
