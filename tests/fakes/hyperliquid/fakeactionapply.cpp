// SPDX-License-Identifier: MIT
// The effect and answer of every /exchange action the fake serves.
#include "fakes/hyperliquid/fakeactionapply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sixbtc::fakes::hyperliquid {

namespace {

template <typename... F>
struct Overloaded : F...
{
    using F::operator()...;
};

FakeAnswer statuses(const QString& type, const QJsonArray& list)
{
    return exchangeOk(type, QJsonObject{{QStringLiteral("statuses"), list}});
}

FakeAnswer placeOrders(FakeLedger& ledger, const FakeOrderAction& action, const FakeActor& actor,
                       std::optional<double> partialFill)
{
    QJsonArray list;
    std::optional<std::uint64_t> parent;
    bool parentFilled = false;
    for (std::size_t i = 0; i < action.orders.size(); ++i) {
        const FakeOrderRequest& request = action.orders[i];
        const bool child = action.grouping == "normalTpsl" && i > 0 && request.triggerPx.has_value();
        if (child && !parent) {
            list.append(QJsonObject{{QStringLiteral("error"), QStringLiteral("Parent order was rejected.")}});
            continue;
        }
        const FakePlacement placement{action.grouping == "positionTpsl", child ? parent : std::nullopt,
                                      child && parentFilled};
        const QJsonValue status = ledger.place(actor.user, request, placement, partialFill);
        if (action.grouping == "normalTpsl" && i == 0) {
            const QJsonObject object = status.toObject();
            const QJsonObject detail = object.value(QStringLiteral("resting")).isObject()
                                           ? object.value(QStringLiteral("resting")).toObject()
                                           : object.value(QStringLiteral("filled")).toObject();
            if (detail.contains(QStringLiteral("oid")))
                parent = static_cast<std::uint64_t>(detail.value(QStringLiteral("oid")).toInteger());
            parentFilled = parent && object.contains(QStringLiteral("filled")) &&
                           ledger.orders().at(*parent).state == FakeOrderState::Filled;
        }
        list.append(status);
    }
    return statuses(QStringLiteral("order"), list);
}

FakeAnswer modifyOrders(FakeLedger& ledger, const FakeModifyAction& action, const FakeActor& actor,
                        std::optional<double> partialFill)
{
    QJsonArray list;
    for (const auto& [ref, request] : action.modifies)
        list.append(ledger.modify(actor.user, ref, request, partialFill));
    if (action.batch)
        return statuses(QStringLiteral("order"), list);
    const QJsonObject only = list.first().toObject();
    if (only.contains(QStringLiteral("error")))
        return exchangeError(only.value(QStringLiteral("error")).toString().toStdString());
    return exchangeOk(QStringLiteral("default"));
}

FakeAnswer orDefault(const std::optional<std::string>& error)
{
    return error ? exchangeError(*error) : exchangeOk(QStringLiteral("default"));
}

} // namespace

FakeAnswer exchangeError(const std::string& message)
{
    const QJsonObject body{{QStringLiteral("status"), QStringLiteral("err")},
                           {QStringLiteral("response"), QString::fromStdString(message)}};
    return {200, QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

FakeAnswer exchangeOk(const QString& type, const std::optional<QJsonValue>& data)
{
    QJsonObject response{{QStringLiteral("type"), type}};
    if (data)
        response.insert(QStringLiteral("data"), *data);
    const QJsonObject body{{QStringLiteral("status"), QStringLiteral("ok")}, {QStringLiteral("response"), response}};
    return {200, QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

FakeAnswer applyFakeAction(FakeLedger& ledger, const FakeAction& action, const FakeActor& actor,
                           std::optional<double> partialFill)
{
    const bool onOwnAccount = actor.user == actor.master;
    return std::visit(
        Overloaded{
            [&](const FakeOrderAction& order) { return placeOrders(ledger, order, actor, partialFill); },
            [&](const FakeCancelAction& cancel) {
                QJsonArray list;
                for (const auto& [asset, ref] : cancel.cancels)
                    list.append(ledger.cancel(actor.user, asset, ref));
                return statuses(QStringLiteral("cancel"), list);
            },
            [&](const FakeModifyAction& modify) { return modifyOrders(ledger, modify, actor, partialFill); },
            [&](const FakeLeverageAction& leverage) {
                return orDefault(ledger.updateLeverage(actor.user, leverage.asset, leverage.leverage));
            },
            [&](const FakeScheduleCancelAction& schedule) {
                return orDefault(ledger.scheduleCancel(actor.user, schedule.timeMs));
            },
            [&](const FakeCreateSubAccountAction& create) {
                if (!onOwnAccount)
                    return exchangeError("createSubAccount must be signed without a vault.");
                const auto created = ledger.createSubAccount(actor.master, create.name);
                if (created.index() == 1)
                    return exchangeError(std::get<1>(created));
                return exchangeOk(QStringLiteral("createSubAccount"), QString::fromStdString(std::get<0>(created)));
            },
            [&](const FakeSubAccountTransferAction& transfer) {
                const FakeAccount* sub = ledger.account(transfer.subAccount);
                if (!onOwnAccount || !sub || sub->master != actor.master)
                    return exchangeError("Invalid sub-account transfer: " + transfer.subAccount +
                                         " is not a sub-account of " + actor.master + ".");
                const double usd = static_cast<double>(transfer.usdMicros) / 1e6;
                return orDefault(transfer.isDeposit ? ledger.transfer(actor.master, transfer.subAccount, usd)
                                                    : ledger.transfer(transfer.subAccount, actor.master, usd));
            },
            [&](const FakeApproveAgentAction& approve) {
                if (actor.signer != actor.master)
                    return exchangeError("approveAgent must be signed by the master account.");
                ledger.approveAgent(actor.master, approve.agent, approve.name);
                return exchangeOk(QStringLiteral("default"));
            },
            [&](const FakeUsdSendAction& send) {
                if (actor.signer != actor.master)
                    return exchangeError("usdSend must be signed by the master account.");
                if (!ledger.account(send.destination))
                    ledger.addAccount(send.destination, 0.0);
                return orDefault(ledger.transfer(actor.master, send.destination, send.amount));
            },
            [&](const FakeNoopAction&) { return exchangeOk(QStringLiteral("default")); },
        },
        action);
}

} // namespace sixbtc::fakes::hyperliquid
