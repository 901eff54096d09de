// SPDX-License-Identifier: MIT
// The fake WebSocket server's streams: market channels on every bar, account channels on every publish.
#include <QHash>
#include <QJsonArray>

#include "fakes/hyperliquid/fakewsconnection.h"
#include "fakes/hyperliquid/fakewsfeed.h"
#include "fakes/hyperliquid/fakewsserver.h"

namespace sixbtc::fakes::hyperliquid {

namespace {

QJsonArray slice(const QJsonArray& all, std::size_t from)
{
    QJsonArray out;
    for (qsizetype i = static_cast<qsizetype>(from); i < all.size(); ++i)
        out.append(all.at(i));
    return out;
}

} // namespace

bool FakeWsServer::advance(int candles)
{
    for (int i = 0; i < candles; ++i) {
        const bool advanced = m_feed->advanceOne();
        if (advanced)
            streamBar();
        publish();
        if (!advanced)
            return false;
    }
    return true;
}

void FakeWsServer::streamBar()
{
    QHash<QString, QJsonArray> trades;
    for (const auto& connection : m_connections) {
        for (const FakeWsSubscription& subscription : connection->subscriptions) {
            const QString coin = subscription.request.value(QStringLiteral("coin")).toString();
            if (subscription.type == QStringLiteral("candle")) {
                send(connection.get(), QStringLiteral("candle"), m_feed->candle(coin, true));
                send(connection.get(), QStringLiteral("candle"), m_feed->candle(coin, false));
            } else if (subscription.type == QStringLiteral("allMids")) {
                send(connection.get(), QStringLiteral("allMids"), m_feed->allMids());
            } else if (subscription.type == QStringLiteral("l2Book")) {
                send(connection.get(), QStringLiteral("l2Book"), m_feed->l2Book(coin));
            } else if (subscription.type == QStringLiteral("trades")) {
                if (!trades.contains(coin))
                    trades.insert(coin, m_feed->trades(coin));
                send(connection.get(), QStringLiteral("trades"), trades.value(coin));
            }
        }
    }
}

void FakeWsServer::publish()
{
    const std::vector<FakeWsOrderChange> changes = m_feed->orderChanges();
    QHash<QString, QJsonArray> fillsByUser;
    const auto fillsOf = [&](const QString& user) -> const QJsonArray& {
        if (!fillsByUser.contains(user))
            fillsByUser.insert(user, m_feed->fills(user.toStdString()));
        return fillsByUser[user];
    };
    for (const auto& connection : m_connections) {
        for (FakeWsSubscription& subscription : connection->subscriptions) {
            const QString& user = subscription.key;
            if (subscription.type == QStringLiteral("orderUpdates")) {
                QJsonArray updates;
                for (const FakeWsOrderChange& change : changes) {
                    if (QString::fromStdString(change.user) == user)
                        updates.append(change.update);
                }
                if (!updates.isEmpty())
                    send(connection.get(), QStringLiteral("orderUpdates"), updates);
                continue;
            }
            const bool userFills = subscription.type == QStringLiteral("userFills");
            if (!userFills && subscription.type != QStringLiteral("userEvents"))
                continue;
            const QJsonArray& fills = fillsOf(user);
            if (static_cast<std::size_t>(fills.size()) > subscription.fillsSent) {
                const QJsonArray fresh = slice(fills, subscription.fillsSent);
                subscription.fillsSent = static_cast<std::size_t>(fills.size());
                if (userFills)
                    send(connection.get(), QStringLiteral("userFills"),
                         QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("fills"), fresh}});
                else
                    send(connection.get(), QStringLiteral("user"), QJsonObject{{QStringLiteral("fills"), fresh}});
            }
            if (userFills)
                continue;
            QJsonArray cancels;
            for (const FakeWsOrderChange& change : changes) {
                if (change.nonUserCancel && QString::fromStdString(change.user) == user)
                    cancels.append(*change.nonUserCancel);
            }
            if (!cancels.isEmpty())
                send(connection.get(), QStringLiteral("user"), QJsonObject{{QStringLiteral("nonUserCancel"), cancels}});
        }
    }
}

} // namespace sixbtc::fakes::hyperliquid
