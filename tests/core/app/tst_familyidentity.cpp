// SPDX-License-Identifier: MIT
// The identity of a stored family: the code hash covers the rules only, the dataset hash every aligned bar.
#include <QTest>

#include <string>

#include "app/familystore.h"
#include "common/digest.h"
#include "strategy/strategydocument.h"

using namespace sixbtc;

namespace {

constexpr const char* kRules = R"(type: REV
timeframe: 1h
symbols: [BTC]
signals:
  long_entry: "rsi(close, 7)[1] < 25 and rsi(close, 7) >= 25"
)";

strategy::StrategyDocument parse(const std::string& text)
{
    auto parsed = strategy::parseStrategyDocument(text, "identity.yaml");
    if (!parsed.document)
        qFatal("the test document does not parse");
    return std::move(*parsed.document);
}

backtest::BacktestData oneBarData(double close)
{
    common::CandleSeries series("BTC", common::Timeframe(common::Timeframe::Id::H1));
    series.append(0, 100.0, 101.0, 99.0, 100.5, 1.0);
    series.append(3'600'000, 100.5, 102.0, 100.0, close, 1.0);
    static const std::vector<std::uint8_t> none(2, 0);
    const backtest::SymbolInput input{&series, {none, none, none, none}};
    auto data = backtest::BacktestData::build(std::span(&input, 1));
    if (!data)
        qFatal("the test data does not build");
    return std::move(*data);
}

} // namespace

class TstFamilyIdentity : public QObject
{
    Q_OBJECT

private slots:
    void codeHashIgnoresTheRiskBlock()
    {
        const std::string rulesOnly = strategy::printStrategyDocument(parse(kRules));
        const std::string expected = common::sha256Hex(rulesOnly);
        QCOMPARE(app::codeHashOf(parse(kRules)), expected);
        QCOMPARE(app::codeHashOf(parse(std::string(kRules) +
                                       "risk: {sl_pct: 0.01, tp_pct: 0.02, leverage: 2, exit_after_bars: 0}\n")),
                 expected);
        QCOMPARE(app::codeHashOf(parse(std::string(kRules) +
                                       "risk: {sl_pct: 0.03, tp_pct: 0.01, leverage: 5, exit_after_bars: 12}\n")),
                 expected);
    }

    void codeHashFollowsTheRules()
    {
        std::string other = kRules;
        other.replace(other.find("25 and"), 2, "20");
        QVERIFY(app::codeHashOf(parse(other)) != app::codeHashOf(parse(kRules)));
    }

    void datasetHashCoversEveryPrice()
    {
        const std::string a = app::datasetHashOf(oneBarData(101.0));
        QCOMPARE(a.size(), std::size_t{64});
        QCOMPARE(app::datasetHashOf(oneBarData(101.0)), a);
        QVERIFY(app::datasetHashOf(oneBarData(101.0000001)) != a);
    }
};

QTEST_GUILESS_MAIN(TstFamilyIdentity)
#include "tst_familyidentity.moc"
