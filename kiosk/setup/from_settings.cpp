#include "setup/from_settings.h"

namespace lobby::setup {

using namespace config::keys;

platform::ClientConfig platformClient(const config::Settings& settings) {
    platform::ClientConfig client;
    client.baseUrl = settings.stringValue(kPlatformBaseUrl).toStdString();
    client.caBundle = settings.stringValue(kPlatformCaBundle).toStdString();
    client.pinnedPublicKey = settings.stringValue(kPlatformPinnedKey).toStdString();
    client.clientCertificate = settings.stringValue(kPlatformClientCert).toStdString();
    client.clientKey = settings.stringValue(kPlatformClientKey).toStdString();
    client.callTimeout = std::chrono::milliseconds(settings.intValue(kPlatformCallTimeout_ms));
    return client;
}

std::unique_ptr<scene::SceneStore> sceneStore(const config::Settings& settings) {
    return std::make_unique<scene::SceneStore>(
        settings.stringValue(kSceneStateDir).toStdString(),
        settings.stringValue(kSceneTrustDir).toStdString(),
        scene::SceneBinding{settings.stringValue(kTerminalGroup).toStdString(), {}, {}});
}

Result<printer::PrinterEndpoint> printerEndpoint(const config::Settings& settings) {
    printer::PrinterEndpoint endpoint;
    endpoint.queue = {settings.stringValue(kPrinterCupsServer).toStdString(),
                      settings.stringValue(kPrinterQueue).toStdString()};
    if (auto direct =
            printer::setDirect(endpoint, settings.stringValue(kPrinterDirect).toStdString());
        !direct) {
        return direct.error();
    }
    auto paper = printer::parsePaperWidth(settings.stringValue(kPrinterPaper_mm).toStdString());
    if (!paper) return paper.error();
    endpoint.paper = paper.value();
    return endpoint;
}

printer::CupsQueue a4Queue(const config::Settings& settings) {
    return {settings.stringValue(kA4PrinterCupsServer).toStdString(),
            settings.stringValue(kA4PrinterQueue).toStdString()};
}

}  // namespace lobby::setup
