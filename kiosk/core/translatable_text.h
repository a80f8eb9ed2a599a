#pragma once
// A patient-facing sentence kept untranslated until shown, so a message already on screen
// follows a language switch. Mark sources with QT_TRANSLATE_NOOP(context, text) so lupdate
// finds them.

#include <QCoreApplication>
#include <QString>

namespace lobby::core {

struct TranslatableText {
    const char* context = nullptr;
    const char* source = nullptr;

    bool isEmpty() const { return source == nullptr; }
    QString translated() const {
        return isEmpty() ? QString() : QCoreApplication::translate(context, source);
    }
};

}  // namespace lobby::core
