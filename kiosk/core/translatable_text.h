#pragma once
// A patient-facing sentence kept untranslated until shown, so a message already on screen
// follows a language switch. Mark sources with QT_TRANSLATE_NOOP(context, text) so lupdate
// finds them. Words that arrive already in both languages (the platform's refusals) are kept
// as such and shown in the current one.

#include <QCoreApplication>
#include <QString>

namespace lobby::core {

// True while the Chinese translation is installed.
bool showingChinese();

struct TranslatableText {
    TranslatableText() = default;
    TranslatableText(const char* context_, const char* source_)
        : context(context_), source(source_) {}

    const char* context = nullptr;
    const char* source = nullptr;
    QString zh, en;  // used when there is no source

    static TranslatableText bilingual(QString zh, QString en) {
        TranslatableText text;
        text.zh = std::move(zh);
        text.en = std::move(en);
        return text;
    }
    // Words the same in every language (a time, a doctor's name, an amount).
    static TranslatableText verbatim(const QString& text) { return bilingual(text, text); }
    bool isEmpty() const { return source == nullptr && zh.isEmpty() && en.isEmpty(); }
    QString translated() const {
        if (source != nullptr) return QCoreApplication::translate(context, source);
        return showingChinese() ? zh : en;
    }
};

}  // namespace lobby::core
