#pragma once
// Command-line options of lobby-kiosk.

#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

#include "journal/transaction_journal.h"

namespace lobby::app {

struct AppOptions {
    QString configPath;              // --config (else $LOBBY_KIOSK_CONFIG, else the default)
    bool selfTest = false;           // --self-test: load every QML file, then exit
    bool printConfigSchema = false;  // --print-config-schema
    bool windowed = false;           // --windowed: override display.fullscreen
    std::optional<QSize> size;       // --size WxH: override display.width/height
    QString screenshotDir;           // --screenshot-dir: a PNG of every screen shown
    QString journeyPath;             // --journey: a scripted patient journey (JSON)
    bool reportStartup = false;      // --report-startup: print the first frame's time on stdout
    bool reportTimings = false;      // --report-timings: each journey's time split, and the
                                     // process's RSS / fds / threads after each pass
    int journeyRepeat = 1;           // --journey-repeat N: walk the journey N times
    // --crash-at STEP/PHASE (the fault suite): SIGKILL once that journal step is durable.
    std::optional<std::pair<journal::Step, journal::Phase>> crashAt;
    qint64 mainEntered_ms = 0;  // wall clock when main() began, for the start-up report
};

// Parses argv; on a usage error prints it and returns nullopt.
std::optional<AppOptions> parseOptions(const QStringList& arguments);

}  // namespace lobby::app
