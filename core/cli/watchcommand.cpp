// SPDX-License-Identifier: MIT
// `sixbtc exchange watch`: live Hyperliquid candles of one symbol and the state of their feed.
#include <chrono>
#include <iostream>
#include <random>

#include <QDateTime>
#include <QEventLoop>
#include <QTimer>

#include "cli/command.h"
#include "exchange/hyperliquid/http/infoclient.h"
#include "exchange/hyperliquid/http/ratelimiter.h"
#include "exchange/hyperliquid/websocket/candlefeed.h"
#include "exchange/hyperliquid/websocket/wsfeedmanager.h"

namespace sixbtc::cli {

namespace {

namespace hl = exchange::hyperliquid;

const QString symbolOption = QStringLiteral("symbol");
const QString timeframeOption = QStringLiteral("tf");
const QString secondsOption = QStringLiteral("seconds");

std::int64_t steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void printCandle(const hl::Candle& c)
{
    const QString open = QDateTime::fromMSecsSinceEpoch(c.openTimeMs, Qt::UTC).toString(Qt::ISODate);
    std::cout << "candle " << c.coin << ' ' << c.interval << ' ' << open.toStdString() << " o " << c.open << " h "
              << c.high << " l " << c.low << " c " << c.close << " v " << c.volume << " n " << c.trades << std::endl;
}

CommandResult exchangeWatch(CommandContext& context)
{
    const QCommandLineParser& parser = context.parser();
    if (!parser.isSet(symbolOption) || !parser.isSet(timeframeOption))
        return common::fail(common::ErrorCode::Usage, "exchange watch needs --symbol and --tf");
    auto timeframe = common::Timeframe::parse(parser.value(timeframeOption).toStdString());
    if (!timeframe)
        return tl::unexpected(timeframe.error());
    int seconds = 0;
    if (parser.isSet(secondsOption)) {
        bool ok = false;
        seconds = parser.value(secondsOption).toInt(&ok);
        if (!ok || seconds <= 0)
            return common::fail(common::ErrorCode::Usage, "--seconds must be a positive whole number");
    }
    auto config = context.loadConfig();
    if (!config)
        return tl::unexpected(config.error());
    const config::HyperliquidSettings& settings = config->hyperliquid;

    hl::RateLimiter limiter(settings.rateLimit, steadyNowMs);
    auto info = hl::InfoClient::create(settings, limiter);
    if (!info)
        return tl::unexpected(info.error());
    // The composition root draws the jitter seed: reconnect times must differ between processes.
    auto manager = hl::WsFeedManager::create(settings, std::random_device{}());
    if (!manager)
        return tl::unexpected(manager.error());
    hl::CandleFeed feed(**manager, **info, parser.value(symbolOption).toStdString(), *timeframe,
                        [] { return QDateTime::currentMSecsSinceEpoch(); });
    feed.setCandleHandler(printCandle);
    QObject::connect(&feed, &hl::CandleFeed::stateChanged,
                     [](bool live) { std::cout << "feed: " << (live ? "live" : "stale") << std::endl; });
    if (auto started = feed.start(); !started)
        return tl::unexpected(hl::toCommonError(started.error()));
    std::cout << "watching " << parser.value(symbolOption).toStdString() << ' ' << timeframe->name() << " on "
              << settings.wsUrl << (seconds > 0 ? " for " + std::to_string(seconds) + " s" : std::string())
              << std::endl;
    (*manager)->start();

    QEventLoop loop;
    QTimer stopCheck;
    QObject::connect(&stopCheck, &QTimer::timeout, &loop, [&context, &loop] {
        if (context.cancel().stopRequested())
            loop.quit();
    });
    stopCheck.start(200);
    if (seconds > 0)
        QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    std::cout << "feed: " << (feed.state() == hl::FeedState::Live ? "live" : "stale") << ", "
              << feed.series().candles().size() << " candles, " << feed.backfills() << " backfills, "
              << (*manager)->malformedFrames() << " malformed frames" << std::endl;
    (*manager)->stop();
    return ExitCode::Success;
}

} // namespace

void addWatchCommand(std::vector<Command>& commands)
{
    commands.push_back(Command{
        {"exchange", "watch"},
        "live Hyperliquid candles of one symbol and the state of their WebSocket feed",
        "",
        [](QCommandLineParser& parser) {
            parser.addOption(
                QCommandLineOption(symbolOption, QStringLiteral("The coin, e.g. BTC."), QStringLiteral("COIN")));
            parser.addOption(
                QCommandLineOption(timeframeOption, QStringLiteral("The timeframe, e.g. 5m."), QStringLiteral("TF")));
            parser.addOption(QCommandLineOption(
                secondsOption, QStringLiteral("Stop after this many seconds (default: Ctrl+C)."), QStringLiteral("N")));
        },
        exchangeWatch});
}

} // namespace sixbtc::cli
