// SPDX-License-Identifier: MIT
// The payloads of the fake's WebSocket channels, built from the live book and the replayed candles.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include "fakes/hyperliquid/fakeexchange.h"
#include "fakes/hyperliquid/fakeexchangesetup.h"

namespace sixbtc::fakes::hyperliquid {

/// An order whose state or remaining size changed, as an orderUpdates entry of its account.
struct FakeWsOrderChange
{
    std::string user;
    QJsonObject update;                       ///< {order:{..}, status, statusTimestamp}
    std::optional<QJsonObject> nonUserCancel; ///< {coin, oid} when the dead man's switch cancelled it
};

/// Keeps the bar index of each replayed market in step with the exchange and renders channel data.
class FakeWsFeed
{
public:
    FakeWsFeed(FakeExchange& exchange, std::vector<FakeMarketSetup> markets);

    /// Advances the exchange one bar (every market, stopping at the first that ran out, as the ledger does).
    bool advanceOne();
    /// REQUIRE: every market's price is the close of the bar this feed thinks is current.
    void checkInStep() const;

    bool hasCoin(const QString& coin) const;
    /// The replayed timeframe of `coin` ("5m"). \warning REQUIRE: hasCoin(coin).
    QString interval(const QString& coin) const;
    /// The coins of the replayed markets.
    QList<QString> coins() const;

    /// The current bar of `coin`: complete, or as just opened (o=h=l=c=open, v "0", n 0).
    /// \warning REQUIRE: checkInStep() holds (the exchange was not advanced behind the feed's back).
    QJsonObject candle(const QString& coin, bool opening) const;
    /// The /info candleSnapshot answer: the complete bars of `coin` at `interval` from the first replayed bar up to
    /// the current one with open times in [startMs, endMs]; nullopt for an unknown coin or another interval.
    std::optional<QJsonArray> candleSnapshot(const QString& coin, const QString& interval, std::int64_t startMs,
                                             std::int64_t endMs) const;
    QJsonObject allMids() const;
    QJsonObject l2Book(const QString& coin) const;
    /// One synthetic trade at the current close, with a fresh tid.
    QJsonArray trades(const QString& coin);

    /// Every fill of `user`, oldest first, in the userFills shape of /info.
    QJsonArray fills(const std::string& user) const;
    /// Orders whose state or size changed since the previous call (every order on the first call).
    std::vector<FakeWsOrderChange> orderChanges();

private:
    struct Replay
    {
        FakeMarketSetup setup;
        std::size_t index;
    };
    const Replay& replay(const QString& coin) const;
    QJsonObject candleAt(const Replay& market, std::size_t i, bool opening) const;

    FakeExchange& m_exchange;
    std::vector<Replay> m_replays;
    std::map<std::uint64_t, std::pair<FakeOrderState, double>> m_seenOrders;
    std::uint64_t m_nextTradeTid = 900000000;
};

} // namespace sixbtc::fakes::hyperliquid
