#include "app/app_options.h"

#include "journal/transaction_journal.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <cstdio>

namespace lobby::app {

std::optional<AppOptions> parseOptions(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Lobby Kiosk: the hospital lobby self-service terminal.");
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption config("config", "Configuration file (kiosk.json).", "path");
    const QCommandLineOption selfTest("self-test", "Load every QML file and exit 0 if all load.");
    const QCommandLineOption schema("print-config-schema", "Print the JSON schema of kiosk.json.");
    const QCommandLineOption windowed("windowed", "Run in a normal window, not full screen.");
    const QCommandLineOption size("size", "Window size, e.g. 1080x1920.", "WxH");
    const QCommandLineOption shots("screenshot-dir", "Save a PNG of each screen shown.", "dir");
    const QCommandLineOption journey("journey", "Walk a scripted journey, then exit.", "file");
    const QCommandLineOption startup("report-startup", "Print the first frame's time.");
    const QCommandLineOption timings("report-timings",
                                     "Print each journey's time split and the process's "
                                     "resources after each pass (JSON lines).");
    const QCommandLineOption repeat("journey-repeat", "Walk the journey N times.", "N");
    const QCommandLineOption crashAt(
        "crash-at",
        "Fault suite only: SIGKILL the kiosk once this journal step is on disk "
        "(STEP/before|after, e.g. payment_started/after).",
        "STEP/PHASE");
    parser.addOptions({config, selfTest, schema, windowed, size, shots, journey, startup, timings,
                       repeat, crashAt});
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "lobby-kiosk: %s\n", qPrintable(parser.errorText()));
        return std::nullopt;
    }
    if (parser.isSet("help")) parser.showHelp(0);
    if (parser.isSet("version")) parser.showVersion();

    AppOptions options;
    options.configPath = parser.value(config);
    options.selfTest = parser.isSet(selfTest);
    options.windowed = parser.isSet(windowed);
    options.screenshotDir = parser.value(shots);
    options.journeyPath = parser.value(journey);
    options.reportStartup = parser.isSet(startup);
    options.reportTimings = parser.isSet(timings);
    if (parser.isSet(repeat)) {
        bool ok = false;
        options.journeyRepeat = parser.value(repeat).toInt(&ok);
        if (!ok || options.journeyRepeat < 1 || options.journeyRepeat > 1'000'000) {
            std::fprintf(stderr, "lobby-kiosk: --journey-repeat wants a count from 1\n");
            return std::nullopt;
        }
    }
    if (parser.isSet(crashAt)) {
        const QStringList parts = parser.value(crashAt).split(QLatin1Char('/'));
        const auto step =
            parts.size() == 2 ? journal::stepNamed(parts[0].toStdString()) : std::nullopt;
        if (!step || (parts[1] != QLatin1String("before") && parts[1] != QLatin1String("after"))) {
            std::fprintf(stderr, "lobby-kiosk: --crash-at takes STEP/before|after\n");
            return std::nullopt;
        }
        options.crashAt =
            std::make_pair(*step, parts[1] == QLatin1String("before") ? journal::Phase::Before
                                                                      : journal::Phase::After);
    }
    if (parser.isSet(size)) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{3,4})x(\\d{3,4})$"));
        const auto match = pattern.match(parser.value(size));
        if (!match.hasMatch()) {
            std::fprintf(stderr, "lobby-kiosk: --size takes WxH, e.g. 1080x1920\n");
            return std::nullopt;
        }
        options.size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    }
    return options;
}

}  // namespace lobby::app
