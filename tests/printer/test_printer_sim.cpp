// The printer simulator's view of a slip: ESC/POS from the driver decoded back into text, QR and
// barcode, drawn as a PNG, and the QR and barcode scanned back out of the picture with ZXing.
#include <gtest/gtest.h>

#include <ZXing/ReadBarcode.h>

#include <QGuiApplication>

#include <filesystem>

#include "printer/direct_channel.h"
#include "printer/escpos.h"
#include "sim/printer/escpos_decoder.h"
#include "sim/printer/printer_server.h"
#include "sim/printer/slip_renderer.h"

using namespace lobby;
using namespace lobby::printer;

namespace {

Bytes sampleSlip() {
    EscPos slip;
    slip.init().chineseMode(true).align(Align::Center).bold(true).line("示例市第一人民医院");
    slip.bold(false).size(3, 3).line("A023").size(1, 1);
    slip.align(Align::Left).line("内科 3诊室  张*丰");
    slip.qr("https://queue.example/s/A023", 6);
    slip.code128("V20261122-0042");
    slip.feed(2).cut();
    return slip.bytes();
}

std::vector<std::string> scan(const QImage& image, ZXing::BarcodeFormat format) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    const ZXing::ImageView view(rgb.constBits(), rgb.width(), rgb.height(), ZXing::ImageFormat::RGB,
                                static_cast<int>(rgb.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(format);
    std::vector<std::string> found;
    for (const auto& result : ZXing::ReadBarcodes(view, hints)) {
        const std::wstring text = result.text();
        found.emplace_back(text.begin(), text.end());
    }
    return found;
}

}  // namespace

TEST(PrinterSimulator, DecodesWhatTheDriverEncodes) {
    const Bytes bytes = sampleSlip();
    auto slip = sim::decodeEscPos(bytes);
    ASSERT_TRUE(slip.ok()) << slip.error().message;
    EXPECT_EQ(slip->text(), "示例市第一人民医院\nA023\n内科 3诊室  张*丰\n");
    const auto& queue = std::get<sim::SlipText>(slip->elements[1]);
    EXPECT_EQ(queue.width, 3);
    EXPECT_EQ(queue.align, Align::Center);
    EXPECT_TRUE(std::get<sim::SlipText>(slip->elements[0]).bold);
    EXPECT_EQ(std::get<sim::SlipQr>(slip->elements[3]).data, "https://queue.example/s/A023");
    EXPECT_EQ(std::get<sim::SlipBarcode>(slip->elements[4]).data, "V20261122-0042");
    EXPECT_TRUE(std::holds_alternative<sim::SlipCut>(slip->elements.back()));
}

TEST(PrinterSimulator, ThePictureScansBackToTheSameCodes) {
    auto slip = sim::decodeEscPos(sampleSlip());
    ASSERT_TRUE(slip.ok());
    const QImage image = sim::renderSlip(slip.value());
    EXPECT_EQ(image.width(), sim::kPaper80mm_dots);
    EXPECT_GT(image.height(), 300);
    EXPECT_EQ(scan(image, ZXing::BarcodeFormat::QRCode),
              std::vector<std::string>{"https://queue.example/s/A023"});
    EXPECT_EQ(scan(image, ZXing::BarcodeFormat::Code128),
              std::vector<std::string>{"V20261122-0042"});
    ASSERT_TRUE(image.save(QStringLiteral("printer-sim-sample.png")));
}

TEST(PrinterSimulator, MalformedStreamsAreTypedErrors) {
    Bytes bytes = sampleSlip();
    bytes.resize(bytes.size() - 3);  // the cut command cut short
    EXPECT_EQ(sim::decodeEscPos(bytes).error().code, "printer.bad_escpos");
    EXPECT_EQ(sim::decodeEscPos(Bytes{0x1B, 0x7F}).error().message,
              "unknown ESC command at byte 0");
    EXPECT_EQ(sim::decodeEscPos(Bytes{0x1D, 'k', 73, 200, '{'}).error().code, "printer.bad_escpos");
    EXPECT_EQ(sim::decodeEscPos(Bytes{0x1D, 'v', '0', 0, 0xFF, 0xFF, 0xFF, 0xFF}).error().code,
              "printer.bad_escpos");
    // Found by fuzz_escpos: a QR "store" whose length leaves no room for its parameter.
    EXPECT_EQ(sim::decodeEscPos(Bytes{0x1D, '(', 'k', 2, 0, 49, 80, 48}).error().code,
              "printer.bad_escpos");
}

TEST(PrinterSimulator, AnswersDleEotInEveryStateOverTcp) {
    auto server = sim::PrinterServer::start(0, {});
    ASSERT_TRUE(server.ok()) << server.error().message;
    const DirectAddress address{"127.0.0.1", server.value()->port()};
    for (const auto state : {PrinterState::Ready, PrinterState::PaperLow, PrinterState::PaperOut,
                             PrinterState::CoverOpen, PrinterState::Offline, PrinterState::Error}) {
        server.value()->setState(state);
        auto status = queryStatus(address, std::chrono::seconds(2));
        ASSERT_TRUE(status.ok()) << status.error().message;
        EXPECT_EQ(status.value(), state) << toString(state);
    }
}

TEST(PrinterSimulator, PrintsJobsAndRunsOutOfPaperMidSlip) {
    const auto out = std::filesystem::temp_directory_path() / "lobby-printer-sim-test";
    std::filesystem::remove_all(out);
    auto server = sim::PrinterServer::start(0, out);
    ASSERT_TRUE(server.ok());
    const DirectAddress address{"127.0.0.1", server.value()->port()};
    ASSERT_TRUE(sendRaw(address, sampleSlip(), std::chrono::seconds(2)).ok());
    ASSERT_TRUE(server.value()->waitForJobs(1, std::chrono::seconds(5)));
    EXPECT_TRUE(std::filesystem::exists(out / "job-0001.png"));
    EXPECT_TRUE(std::filesystem::exists(out / "job-0001.txt"));

    server.value()->paperOutAfter(2);  // the roll ends two lines into the next slip
    ASSERT_TRUE(sendRaw(address, sampleSlip(), std::chrono::seconds(2)).ok());
    ASSERT_TRUE(server.value()->waitForJobs(2, std::chrono::seconds(5)));
    const auto jobs = server.value()->jobs();
    EXPECT_FALSE(jobs[0].truncated);
    EXPECT_TRUE(jobs[1].truncated);
    EXPECT_EQ(jobs[1].slip->text(), "示例市第一人民医院\nA023\n");
    EXPECT_EQ(queryStatus(address, std::chrono::seconds(2)).value(), PrinterState::PaperOut);
    server.value()->setState(PrinterState::Ready);  // paper loaded
    EXPECT_EQ(queryStatus(address, std::chrono::seconds(2)).value(), PrinterState::Ready);
    std::filesystem::remove_all(out);
}

TEST(PrinterSimulator, UnreachablePrinterIsATypedError) {
    auto server = sim::PrinterServer::start(0, {});
    ASSERT_TRUE(server.ok());
    const DirectAddress address{"127.0.0.1", server.value()->port()};
    server.value().reset();  // nobody listens there any more
    auto status = queryStatus(address, std::chrono::seconds(2));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().kind, ErrorKind::Unavailable);
    EXPECT_EQ(queryStatus({"not-an-ip", 9100}, std::chrono::seconds(1)).error().code,
              "printer.bad_address");
}

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
