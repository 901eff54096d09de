// SPDX-License-Identifier: MIT
// Reading the key figures of a verdict's figures JSON.
#include "report/keyfigures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace sixbtc::gui::report {

namespace {

constexpr int kFigureDigits = 6; // significant digits of a number shown in the verdict table

// The text of a scalar JSON value; false for arrays, objects, null and empty strings.
bool scalarText(const QJsonValue& value, std::string& text)
{
    if (value.isBool()) {
        text = value.toBool() ? "true" : "false";
        return true;
    }
    if (value.isDouble()) {
        text = QString::number(value.toDouble(), 'g', kFigureDigits).toStdString();
        return true;
    }
    if (value.isString() && !value.toString().isEmpty()) {
        text = value.toString().toStdString();
        return true;
    }
    return false;
}

} // namespace

common::Result<std::vector<KeyFigure>> keyFigures(const std::string& figuresJson)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(figuresJson), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return common::fail(common::ErrorCode::Input, "the verdict figures are not a JSON object");
    std::vector<KeyFigure> figures;
    const QJsonObject top = document.object();
    for (auto it = top.begin(); it != top.end(); ++it) {
        std::string text;
        if (scalarText(it.value(), text)) {
            figures.emplace_back(it.key().toStdString(), text);
            continue;
        }
        if (!it.value().isObject())
            continue;
        const QJsonObject inner = it.value().toObject();
        for (auto in = inner.begin(); in != inner.end(); ++in) {
            if (scalarText(in.value(), text))
                figures.emplace_back(it.key().toStdString() + "." + in.key().toStdString(), text);
        }
    }
    return figures;
}

} // namespace sixbtc::gui::report
