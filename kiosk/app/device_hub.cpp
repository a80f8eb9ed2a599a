#include "app/device_hub.h"

#include "app/simulation.h"
#include "idcard/serial_transport.h"
#include "idcard/usb_transport.h"
#include "logging/categories.h"
#include "setup/from_settings.h"

namespace lobby::app {
namespace {
const char* const kPaymentCodeNotIdentity = QT_TRANSLATE_NOOP(
    "DeviceHub", "This is a payment code. To identify yourself, use your ID card or e-voucher.");
}  // namespace

DeviceHub::DeviceHub(const config::Settings& settings, core::SessionController& session,
                     core::FunctionCatalog& catalog)
    : session_(session), catalog_(catalog) {
    buildIdCardReader(settings);
    buildSmartCardReader(settings);
    buildScanner(settings);
    buildPrinter(settings);
    buildA4Printer(settings);
}

DeviceHub::~DeviceHub() = default;

void DeviceHub::start() {
    if (idCards_) idCards_->start();
    if (socialSecurityCards_) socialSecurityCards_->start();
    if (scanner_) scanner_->start();
    if (printer_) printer_->start();
    if (a4Printer_) a4Printer_->start();
}

void DeviceHub::buildA4Printer(const config::Settings& settings) {
    using namespace config::keys;
    if (settings.stringValue(kA4PrinterBackend) == QLatin1String("none")) {
        qCInfo(lcPrinter) << "no A4 printer configured";
        return;
    }
    devices::A4PrinterSetup setup;
    setup.queue = setup::a4Queue(settings);
    setup.pollInterval = std::chrono::seconds(settings.intValue(kA4PrinterPoll_s));
    a4Printer_ = std::make_unique<devices::A4PrinterService>(std::move(setup));
    // Listed, but not offered until the printer says it is ready.
    catalog_.setA4Printer(core::A4Readiness::NotReady);
    connect(a4Printer_.get(), &devices::A4PrinterService::stateChanged, this,
            [this](printer::A4State state) {
                a4State_ = state;
                emit healthChanged();
                catalog_.setA4Printer(printer::a4CanPrint(state) ? core::A4Readiness::Ready
                                                                 : core::A4Readiness::NotReady);
            });
}

void DeviceHub::buildPrinter(const config::Settings& settings) {
    using namespace config::keys;
    if (settings.stringValue(kPrinterBackend) == QLatin1String("none")) {
        qCInfo(lcPrinter) << "no slip printer configured";
        return;
    }
    auto endpoint = setup::printerEndpoint(settings);
    if (!endpoint) {
        qCCritical(lcPrinter) << endpoint.error().message.c_str() << "- no slips will be printed";
        return;
    }
    devices::PrinterSetup setup;
    setup.endpoint = std::move(endpoint).value();
    setup.pollInterval = std::chrono::seconds(settings.intValue(kPrinterPoll_s));
    printer_ = std::make_unique<devices::PrinterService>(std::move(setup));
    connect(printer_.get(), &devices::PrinterService::stateChanged, this, &DeviceHub::setPrinter);
}

void DeviceHub::buildIdCardReader(const config::Settings& settings) {
    using namespace config::keys;
    const QString backend = settings.stringValue(kIdCardBackend);
    const int baud = settings.intValue(kIdCardBaud);
    std::unique_ptr<idcard::Transport> transport;
    if (backend == QLatin1String("simulated")) {
        auto* simulators = this->simulators(lcIdCard(), "devices.idcard.backend");
        if (simulators == nullptr) return;
        transport = simulators->idCardTransport(
            baud, std::chrono::milliseconds(settings.intValue(kIdCardSimulatedRead_ms)));
    } else if (backend == QLatin1String("serial")) {
        auto serial = idcard::SerialTransport::create(
            settings.stringValue(kIdCardSerialDevice).toStdString(), baud);
        if (!serial) {
            qCCritical(lcIdCard) << serial.error().message.c_str();
            return;
        }
        transport = std::move(serial.value());
    } else if (backend == QLatin1String("usb")) {
        auto id = idcard::parseUsbId(settings.stringValue(kIdCardUsbId).toStdString());
        auto usb = id ? idcard::UsbTransport::create(id.value())
                      : Result<std::unique_ptr<idcard::UsbTransport>>(id.error());
        if (!usb) {
            qCCritical(lcIdCard) << usb.error().message.c_str();
            return;
        }
        transport = std::move(usb.value());
    } else {
        qCInfo(lcIdCard) << "no ID card reader configured";
        return;
    }
    qCInfo(lcIdCard).noquote() << "ID card reader:" << backend;
    std::unique_ptr<idcard::WltDecoder> photoDecoder;
    if (const QString path = settings.stringValue(kIdCardWltDecoder); !path.isEmpty()) {
        auto loaded = idcard::WltDecoder::load(path.toStdString());
        if (loaded) {
            photoDecoder = std::move(loaded.value());
        } else {
            qCWarning(lcIdCard) << loaded.error().message.c_str() << "- showing a placeholder";
        }
    }
    cardPhotos_ = std::make_unique<devices::CardPhoto>(std::move(photoDecoder));
    qCInfo(lcIdCard) << "card photos:"
                     << (cardPhotos_->canDecode() ? "vendor decoder" : "placeholder");
    idcard::WatchOptions options;
    options.pollInterval = std::chrono::milliseconds(settings.intValue(kIdCardPollInterval_ms));
    idCards_ = std::make_unique<devices::IdCardService>(
        std::make_unique<idcard::SamReader>(std::move(transport)), std::move(options));
    connect(idCards_.get(), &devices::IdCardService::cardPlaced, &session_,
            &core::SessionController::identityPresented);
    connect(idCards_.get(), &devices::IdCardService::cardPlaced, this, &DeviceHub::cardPresented);
    connect(idCards_.get(), &devices::IdCardService::cardRead, this, &DeviceHub::identityRead);
    connect(idCards_.get(), &devices::IdCardService::cardRejected, &session_,
            &core::SessionController::identificationFailed);
    setReader(idCardState_, core::IdentityMeans::IdCard, idCards_->present());
    connect(idCards_.get(), &devices::IdCardService::presenceChanged, this, [this](bool present) {
        setReader(idCardState_, core::IdentityMeans::IdCard, present);
    });
    // A resident ID card is read in one go and may be lifted at once, so its removal does not
    // end the session (an inserted social-security card's removal will).
}

void DeviceHub::buildSmartCardReader(const config::Settings& settings) {
    using namespace config::keys;
    const QString backend = settings.stringValue(kSscBackend);
    if (backend == QLatin1String("none")) {
        qCInfo(lcSmartCard) << "no social-security card reader configured";
        return;
    }
    if (backend == QLatin1String("simulated")) {
        auto* simulators = this->simulators(lcSmartCard(), "devices.ssc.backend");
        if (simulators == nullptr) return;
        simulators->startVirtualSsc(static_cast<unsigned short>(settings.intValue(kSscVpcdPort)));
    }
    qCInfo(lcSmartCard).noquote() << "social-security card reader: PC/SC" << backend;
    smartcard::SscWatchOptions options;
    if (const QString reader = settings.stringValue(kSscReader); !reader.isEmpty()) {
        options.reader = reader.toStdString();
    }
    socialSecurityCards_ = std::make_unique<devices::SscService>(std::move(options));
    auto* service = socialSecurityCards_.get();
    connect(service, &devices::SscService::cardInserted, &session_,
            &core::SessionController::identityPresented);
    connect(service, &devices::SscService::cardInserted, this, &DeviceHub::cardPresented);
    connect(service, &devices::SscService::insuranceCardRead, this, &DeviceHub::insuranceCardRead);
    connect(service, &devices::SscService::cardRead, this, &DeviceHub::identityRead);
    connect(service, &devices::SscService::cardRejected, &session_,
            &core::SessionController::identificationFailed);
    // The card stays in its slot while the patient is served: pulling it out ends the session.
    connect(service, &devices::SscService::cardRemoved, &session_,
            &core::SessionController::cardRemoved);
    setReader(sscState_, core::IdentityMeans::SocialSecurityCard, true);
    connect(service, &devices::SscService::presenceChanged, this, [this](bool present) {
        setReader(sscState_, core::IdentityMeans::SocialSecurityCard, present);
    });
}

void DeviceHub::buildScanner(const config::Settings& settings) {
    using namespace config::keys;
    const QString backend = settings.stringValue(kScannerBackend);
    if (backend == QLatin1String("none")) {
        qCInfo(lcScanner) << "no scanner configured";
        return;
    }
    auto rules = scanner::parseRules(settings.stringValue(kScannerRules).toStdString());
    if (!rules) {
        qCCritical(lcScanner) << rules.error().message.c_str() << "- scanner disabled";
        return;
    }
    const std::string device = settings.stringValue(kScannerDevice).toStdString();
    const int baud = settings.intValue(kScannerBaud);
    const auto suffix = settings.stringValue(kScannerSuffix) == QLatin1String("tab")
                            ? scanner::ScanSuffix::Tab
                            : scanner::ScanSuffix::Enter;
    devices::ScannerService::SourceFactory open;
    if (backend == QLatin1String("serial")) {
        open = [device, baud, suffix] { return scanner::openSerialScanner(device, baud, suffix); };
    } else if (backend == QLatin1String("simulated")) {
        auto* simulators = this->simulators(lcScanner(), "devices.scanner.backend");
        if (simulators == nullptr) return;
        open = simulators->scanSource();
    } else {
        open = [device, suffix] { return scanner::openEvdevScanner(device, suffix); };
    }
    qCInfo(lcScanner).noquote() << "scanner:" << backend;
    scanner_ = std::make_unique<devices::ScannerService>(std::move(open), std::move(rules.value()));
    setReader(scannerState_, core::IdentityMeans::Scanner, true);
    connect(scanner_.get(), &devices::ScannerService::presenceChanged, this, [this](bool present) {
        setReader(scannerState_, core::IdentityMeans::Scanner, present);
    });
    connect(scanner_.get(), &devices::ScannerService::scanned, &session_,
            [this](const QString& kind, const QString& token) {
                if (scanTaker_ && scanTaker_(kind, token)) return;
                if (kind == QLatin1String("payment_code")) {
                    // A payment code is money, not identity: it is never sent anywhere.
                    session_.identityPresented();
                    session_.identificationFailed({"DeviceHub", kPaymentCodeNotIdentity});
                    return;
                }
                session_.identityPresented();
                emit tokenScanned(kind, token);
            });
}

void DeviceHub::setReader(devices::ReaderState& slot, core::IdentityMeans means, bool present) {
    const auto state = present ? devices::ReaderState::Ready : devices::ReaderState::Lost;
    catalog_.setIdentityMeans(means, present);
    if (slot == state) return;
    const bool wasConfigured = slot != devices::ReaderState::Absent;
    slot = state;
    if (wasConfigured) emit healthChanged();  // not for the first state, known at start-up
}

void DeviceHub::setPrinter(printer::PrinterState state) {
    printerState_ = state;
    emit healthChanged();
    using R = core::PrinterReadiness;
    catalog_.setPrinter(printer::canPrint(state)                    ? R::Ready
                        : state == printer::PrinterState::PaperOut  ? R::PaperOut
                        : state == printer::PrinterState::CoverOpen ? R::CoverOpen
                                                                    : R::NotReady);
}

std::vector<std::pair<std::string, std::string>> DeviceHub::health() const {
    std::vector<std::pair<std::string, std::string>> states;
    states.emplace_back("idcard_reader", devices::toString(idCardState_));
    states.emplace_back("ssc_reader", devices::toString(sscState_));
    states.emplace_back("scanner", devices::toString(scannerState_));
    if (printer_) states.emplace_back("printer", printer::toString(printerState_));
    if (a4Printer_) states.emplace_back("a4_printer", printer::toString(a4State_));
    return states;
}

Status DeviceHub::control(const QString& action, const QString& argument) {
    if (!simulators_) {
        return makeError(ErrorKind::InvalidArgument, "journey.no_simulator",
                         "device steps need a device with backend = simulated");
    }
    return simulators_->control(action, argument);
}

SimulatedDevices* DeviceHub::simulators(const QLoggingCategory& log, const char* key) {
    if (!simulators_) simulators_ = makeSimulatedDevices();
    if (!simulators_) {
        qCCritical(log) << key << "= simulated, but this build has no simulators"
                        << "(lobby-kiosk-demo has them) - device disabled";
    }
    return simulators_.get();
}

}  // namespace lobby::app
