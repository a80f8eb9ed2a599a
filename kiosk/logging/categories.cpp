#include "logging/categories.h"

Q_LOGGING_CATEGORY(lcKiosk, "lobby.kiosk")
Q_LOGGING_CATEGORY(lcConfig, "lobby.config")
Q_LOGGING_CATEGORY(lcSession, "lobby.session")
Q_LOGGING_CATEGORY(lcUi, "lobby.ui")
Q_LOGGING_CATEGORY(lcIdCard, "lobby.driver.idcard")
Q_LOGGING_CATEGORY(lcSmartCard, "lobby.driver.smartcard")
Q_LOGGING_CATEGORY(lcScanner, "lobby.driver.scanner")
Q_LOGGING_CATEGORY(lcPrinter, "lobby.driver.printer")
Q_LOGGING_CATEGORY(lcPlatform, "lobby.platform")
Q_LOGGING_CATEGORY(lcJourney, "lobby.journey")
