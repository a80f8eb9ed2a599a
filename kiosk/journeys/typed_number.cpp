#include "journeys/typed_number.h"

#include <algorithm>
#include <initializer_list>

#include "common/privacy.h"

namespace lobby::journeys {
namespace {

// `text` in groups of `sizes` separated by a space; what is beyond the last group is appended
// to it (the keypad never types more).
QString grouped(const QString& text, std::initializer_list<int> sizes) {
    QString out;
    qsizetype at = 0;
    for (const int size : sizes) {
        if (at >= text.size()) break;
        if (at > 0) out += QLatin1Char(' ');
        out += text.mid(at, size);
        at += size;
    }
    if (at < text.size()) out += text.mid(at);
    return out;
}

}  // namespace

QString shownIdNumber(const QString& typed, bool masked) {
    const QString text =
        masked ? QString::fromStdString(privacy::maskIdNumber(typed.toStdString())) : typed;
    return grouped(text, {6, 8, 4});
}

bool isDigits(const QString& text, int length) {
    return text.size() == length && std::all_of(text.begin(), text.end(), [](QChar c) {
               return c >= QLatin1Char('0') && c <= QLatin1Char('9');
           });
}

bool isMobileNumber(const QString& phone) {
    return isDigits(phone, 11) && phone.front() == QLatin1Char('1');
}

QString shownPhone(const QString& typed, bool masked) {
    const QString text =
        masked ? QString::fromStdString(privacy::maskPhone(typed.toStdString())) : typed;
    return grouped(text, {3, 4, 4});
}

}  // namespace lobby::journeys
