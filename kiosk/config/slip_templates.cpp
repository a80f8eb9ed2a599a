#include "config/slip_templates.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lobby::config {
namespace {

Error templateError(const QString& where, const QString& why) {
    return makeError(ErrorKind::InvalidConfig, "slip.invalid", (where + ": " + why).toStdString());
}

Result<printer::Align> parseAlign(const QJsonValue& value, const QString& where) {
    if (value.isUndefined()) return printer::Align::Left;
    const QString name = value.toString();
    if (name == "left") return printer::Align::Left;
    if (name == "center") return printer::Align::Center;
    if (name == "right") return printer::Align::Right;
    return templateError(where, "align must be left, center or right");
}

Result<printer::SlipLine> parseLine(const QJsonObject& object, const QString& where) {
    static const QStringList kKinds = {"text", "qr", "barcode", "rule", "feed", "cut", "logo"};
    static const QStringList kStyle = {"align", "bold", "size"};
    printer::SlipLine line;
    QString kind;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (kKinds.contains(it.key())) {
            if (!kind.isEmpty())
                return templateError(where, "has both " + kind + " and " + it.key());
            kind = it.key();
        } else if (!kStyle.contains(it.key())) {
            return templateError(where, "unknown key '" + it.key() + "'");
        }
    }
    if (kind.isEmpty()) return templateError(where, "says nothing to print");
    const QJsonValue value = object.value(kind);
    if (kind == "text" || kind == "qr" || kind == "barcode") {
        if (!value.isString() || value.toString().isEmpty()) {
            return templateError(where, kind + " must be a non-empty string");
        }
        line.content = value.toString().toStdString();
        line.kind = kind == "text" ? printer::SlipLine::Kind::Text
                    : kind == "qr" ? printer::SlipLine::Kind::Qr
                                   : printer::SlipLine::Kind::Barcode;
    } else if (kind == "feed") {
        if (!value.isDouble() || value.toInt() < 1 || value.toInt() > 10) {
            return templateError(where, "feed must be 1..10 lines");
        }
        line.kind = printer::SlipLine::Kind::Feed;
        line.feedLines = value.toInt();
    } else {
        if (value != QJsonValue(true)) return templateError(where, kind + " must be true");
        line.kind = kind == "rule"  ? printer::SlipLine::Kind::Rule
                    : kind == "cut" ? printer::SlipLine::Kind::Cut
                                    : printer::SlipLine::Kind::Logo;
    }
    auto align = parseAlign(object.value("align"), where);
    if (!align) return align.error();
    line.align = align.value();
    if (object.contains("bold")) {
        if (!object.value("bold").isBool())
            return templateError(where, "bold must be true or false");
        line.bold = object.value("bold").toBool();
    }
    if (object.contains("size")) {
        const QJsonValue size = object.value("size");
        if (!size.isDouble() || size.toInt() < 1 || size.toInt() > 3 ||
            size.toDouble() != size.toInt()) {
            return templateError(where, "size must be 1, 2 or 3");
        }
        line.size = size.toInt();
    }
    return line;
}

}  // namespace

Result<printer::SlipTemplate> parseSlipTemplate(const QByteArray& json) {
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return templateError("slip template", "not a JSON object");
    }
    const QJsonObject root = document.object();
    for (const QString& key : root.keys()) {
        if (key != "kind" && key != "lines")
            return templateError("slip template", "unknown key '" + key + "'");
    }
    if (!root.value("kind").isString())
        return templateError("slip template", "kind must be a string");
    if (!root.value("lines").isArray())
        return templateError("slip template", "lines must be an array");
    printer::SlipTemplate slip;
    slip.kind = root.value("kind").toString().toStdString();
    const QJsonArray lines = root.value("lines").toArray();
    for (int i = 0; i < lines.size(); ++i) {
        const QString where = QStringLiteral("line %1").arg(i + 1);
        if (!lines[i].isObject()) return templateError(where, "must be an object");
        auto line = parseLine(lines[i].toObject(), where);
        if (!line) return line.error().withContext(slip.kind);
        slip.lines.push_back(line.value());
    }
    return slip;
}

Result<printer::SlipTemplate> loadSlipTemplate(const QString& kind, const QString& overrideDir) {
    QString path = QStringLiteral(":/lobby/slips/%1.json").arg(kind);
    if (!overrideDir.isEmpty() && QFile::exists(QDir(overrideDir).filePath(kind + ".json"))) {
        path = QDir(overrideDir).filePath(kind + ".json");
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorKind::NotFound, "slip.missing",
                         "no slip template '" + kind.toStdString() + "'");
    }
    return parseSlipTemplate(file.readAll()).withContext(path.toStdString());
}

}  // namespace lobby::config
