#pragma once
// One logging category per module. Driver messages arrive through lobby::drivers::LogSink and
// are routed to their "lobby.driver.*" category by DriverLogBridge.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcKiosk)      // lobby.kiosk: start-up, composition, shutdown
Q_DECLARE_LOGGING_CATEGORY(lcConfig)     // lobby.config
Q_DECLARE_LOGGING_CATEGORY(lcSession)    // lobby.session: state machine transitions
Q_DECLARE_LOGGING_CATEGORY(lcUi)         // lobby.ui: QML, screenshots, journeys
Q_DECLARE_LOGGING_CATEGORY(lcIdCard)     // lobby.driver.idcard
Q_DECLARE_LOGGING_CATEGORY(lcSmartCard)  // lobby.driver.smartcard
Q_DECLARE_LOGGING_CATEGORY(lcScanner)    // lobby.driver.scanner
Q_DECLARE_LOGGING_CATEGORY(lcPrinter)    // lobby.driver.printer
Q_DECLARE_LOGGING_CATEGORY(lcPlatform)   // lobby.platform: the appointment platform's calls
Q_DECLARE_LOGGING_CATEGORY(lcJourney)    // lobby.journey: pick-up, booking, cancel flows
