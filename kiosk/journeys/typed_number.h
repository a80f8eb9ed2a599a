#pragma once
// How a number the patient types on the kiosk's keypad is shown: grouped as it is printed on a
// card or said aloud (ID 6-8-4: "110105 19491231 002X"; mobile 3-4-4: "138 0013 8000"), so an
// elderly patient can check it group by group; masked once they have left the field, so the
// queue behind them cannot read it.

#include <QString>

namespace lobby::journeys {

QString shownIdNumber(const QString& typed, bool masked);
QString shownPhone(const QString& typed, bool masked);
// 11 digits starting with 1: a mainland mobile number.
bool isMobileNumber(const QString& phone);
// Exactly `length` digits (a booking code, a texted code).
bool isDigits(const QString& text, int length);

}  // namespace lobby::journeys
