#pragma once
// A Chinese name typed on the kiosk's own letter keyboard by pinyin, for a child who has no ID
// card to read: letters give candidates a page at a time, a tap on one adds it to the name.
// The name and the letters live here only until the patient leaves; nothing is learnt from them.
// Exposed to QML as `NameEntry`.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QStringList>
#include <memory>
#include <string>

#include "core/session_controller.h"

namespace lobby::input {
class PinyinDecoder;
}  // namespace lobby::input

namespace lobby::journeys {

class NameEntry : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(NameEntry)
    QML_SINGLETON
    Q_PROPERTY(QString letters READ letters NOTIFY changed)
    // The name so far: the characters chosen, then any still pending for the letters typed.
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QStringList candidates READ candidates NOTIFY changed)
    Q_PROPERTY(bool canPageBack READ canPageBack NOTIFY changed)
    Q_PROPERTY(bool canPageOn READ canPageOn NOTIFY changed)
    Q_PROPERTY(bool complete READ complete NOTIFY changed)
    // Whether Chinese can be typed here at all (the pinyin dictionary opened).
    Q_PROPERTY(bool available READ available NOTIFY changed)
public:
    static constexpr int kPageSize = 8;
    static constexpr int kMinCharacters = 2;
    static constexpr int kMaxCharacters = 15;

    NameEntry(core::SessionController& session, std::string dictionary, QObject* parent = nullptr);
    ~NameEntry() override;
    static NameEntry* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "nameEntry";

    // A name as the household register writes it: 2–15 Chinese characters.
    static bool isChineseName(const QString& name);

    QString letters() const { return letters_; }
    QString name() const { return chosen_ + pending_; }
    QStringList candidates() const;
    bool canPageBack() const { return page_ > 0; }
    bool canPageOn() const { return (page_ + 1) * kPageSize < all_.size(); }
    bool complete() const { return letters_.isEmpty() && isChineseName(chosen_); }
    bool available() const;
    // The finished name; empty until it is complete.
    QString chosenName() const { return complete() ? chosen_ : QString(); }

    Q_INVOKABLE void typeLetter(const QString& letter);
    // The last letter typed, or with none the last character of the name.
    Q_INVOKABLE void erase();
    Q_INVOKABLE void clear();
    Q_INVOKABLE void choose(int indexOnPage);
    Q_INVOKABLE void pageBack();
    Q_INVOKABLE void pageOn();

signals:
    void changed();

private:
    bool decoderReady();
    void search();
    void showCandidates();

    std::string dictionary_;
    std::unique_ptr<input::PinyinDecoder> decoder_;
    bool unavailable_ = false;
    QString letters_;
    QString chosen_;
    QString pending_;
    QStringList all_;
    int page_ = 0;
};

}  // namespace lobby::journeys
