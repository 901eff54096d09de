// SPDX-License-Identifier: MIT
// Helpers of the signing-vector test.
#include "vectorsupport.h"

#include <QJsonArray>
#include <QtTest>

#include "exchange/hyperliquid/signing/actions.h"
#include "exchange/hyperliquid/signing/address.h"
#include "exchange/hyperliquid/signing/hex.h"

namespace sixbtc::exchange::hyperliquid::test {

namespace {

QString defaultVectorFilePath()
{
    return QStringLiteral(SIXBTC_TEST_DATA_DIR) + QStringLiteral("/hyperliquid/hyperliquid-signing-vectors.json");
}

std::string text(const QJsonValue& value)
{
    return value.toString().toStdString();
}

OrderRequest orderFromVector(const QJsonObject& wire, bool& ok)
{
    OrderRequest order{static_cast<std::uint32_t>(wire.value(QStringLiteral("a")).toInteger()),
                       wire.value(QStringLiteral("b")).toBool(),
                       text(wire.value(QStringLiteral("p"))),
                       text(wire.value(QStringLiteral("s"))),
                       wire.value(QStringLiteral("r")).toBool(),
                       LimitOrderType{Tif::Gtc},
                       std::nullopt};
    const QJsonObject type = wire.value(QStringLiteral("t")).toObject();
    if (type.contains(QStringLiteral("limit"))) {
        const QString tif = type.value(QStringLiteral("limit")).toObject().value(QStringLiteral("tif")).toString();
        if (tif == QStringLiteral("Gtc"))
            order.type = LimitOrderType{Tif::Gtc};
        else if (tif == QStringLiteral("Ioc"))
            order.type = LimitOrderType{Tif::Ioc};
        else if (tif == QStringLiteral("Alo"))
            order.type = LimitOrderType{Tif::Alo};
        else
            ok = false;
    } else {
        const QJsonObject trigger = type.value(QStringLiteral("trigger")).toObject();
        const QString tpsl = trigger.value(QStringLiteral("tpsl")).toString();
        ok = ok && (tpsl == QStringLiteral("tp") || tpsl == QStringLiteral("sl"));
        order.type = TriggerOrderType{trigger.value(QStringLiteral("isMarket")).toBool(),
                                      text(trigger.value(QStringLiteral("triggerPx"))),
                                      tpsl == QStringLiteral("tp") ? TpSl::TakeProfit : TpSl::StopLoss};
    }
    if (wire.contains(QStringLiteral("c"))) {
        const auto cloid = Cloid::fromHex(text(wire.value(QStringLiteral("c"))));
        ok = ok && cloid.has_value();
        if (cloid)
            order.cloid = *cloid;
    }
    return order;
}

WireValue orderActionFromVector(const QJsonObject& action, bool& ok)
{
    std::vector<OrderRequest> orders;
    const QJsonArray wires = action.value(QStringLiteral("orders")).toArray();
    for (const auto& wire : wires)
        orders.push_back(orderFromVector(wire.toObject(), ok));
    const QString grouping = action.value(QStringLiteral("grouping")).toString();
    Grouping group = Grouping::Na;
    if (grouping == QStringLiteral("normalTpsl"))
        group = Grouping::NormalTpsl;
    else if (grouping == QStringLiteral("positionTpsl"))
        group = Grouping::PositionTpsl;
    else if (grouping != QStringLiteral("na"))
        ok = false;
    ok = ok && !orders.empty() && !action.contains(QStringLiteral("builder"));
    return orders.empty() ? WireValue::map() : orderAction(orders, group);
}

} // namespace

QString vectorFilePath()
{
    const QByteArray overridden = qgetenv("SIXBTC_SIGNING_VECTORS");
    return overridden.isEmpty() ? defaultVectorFilePath() : QString::fromLocal8Bit(overridden);
}

bool usingProjectVectorFile()
{
    return vectorFilePath() == defaultVectorFilePath();
}

Hash32 word256(const QString& hex)
{
    Hash32 word{};
    QString digits = hex.startsWith(QStringLiteral("0x")) ? hex.mid(2) : hex;
    if (digits.isEmpty() || digits.size() > 64) {
        qWarning("not a 256-bit hex number: %s", qPrintable(hex));
        QTest::qFail("malformed 256-bit hex number", __FILE__, __LINE__);
        return word;
    }
    digits = QString(64 - digits.size(), QLatin1Char('0')) + digits;
    if (!decodeHexInto(digits.toStdString(), word))
        QTest::qFail("malformed 256-bit hex number", __FILE__, __LINE__);
    return word;
}

QString hex0x(std::span<const std::uint8_t> bytes)
{
    return QString::fromStdString(toHex0x(bytes));
}

WireValue actionFromVector(const QJsonObject& action, bool& ok)
{
    ok = true;
    const QString type = action.value(QStringLiteral("type")).toString();
    if (type == QStringLiteral("order"))
        return orderActionFromVector(action, ok);
    if (type == QStringLiteral("createSubAccount"))
        return createSubAccountAction(text(action.value(QStringLiteral("name"))));
    if (type == QStringLiteral("subAccountTransfer")) {
        const auto user = Address::fromHex(text(action.value(QStringLiteral("subAccountUser"))));
        ok = user.has_value();
        return user ? subAccountTransferAction(*user, action.value(QStringLiteral("isDeposit")).toBool(),
                                               std::uint64_t(action.value(QStringLiteral("usd")).toInteger()))
                    : WireValue::map();
    }
    if (type == QStringLiteral("scheduleCancel")) {
        const QJsonValue time = action.value(QStringLiteral("time"));
        return scheduleCancelAction(time.isUndefined() ? std::nullopt : std::optional<std::uint64_t>(time.toInteger()));
    }
    if (type == QStringLiteral("dummy")) {
        // Not a real action: a pure signing vector whose key order is the file's (type, num).
        WireValue dummy = WireValue::map();
        dummy.add("type", WireValue::string("dummy"));
        dummy.add("num", WireValue::unsignedInteger(std::uint64_t(action.value(QStringLiteral("num")).toInteger())));
        ok = action.size() == 2;
        return dummy;
    }
    ok = false;
    QTest::qFail(qPrintable(QStringLiteral("vector action type without a builder: ") + type), __FILE__, __LINE__);
    return WireValue::map();
}

} // namespace sixbtc::exchange::hyperliquid::test
