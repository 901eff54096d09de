// SPDX-License-Identifier: MIT
// Fixed /info answers in the shapes of hyperliquid.md section 3.
#include "fakes/hyperliquid/cannedinfo.h"

#include <QHash>

namespace sixbtc::fakes::hyperliquid {

namespace {

// meta: three perps; SOLX is delisted and isolated-only, as real universes keep delisted assets in place.
const char* const kMeta = R"({"universe":[
 {"name":"BTC","szDecimals":5,"maxLeverage":40,"marginTableId":56},
 {"name":"ETH","szDecimals":4,"maxLeverage":25,"marginTableId":55},
 {"name":"SOLX","szDecimals":2,"maxLeverage":3,"onlyIsolated":true,"isDelisted":true}],
 "marginTables":[[55,{"description":"","marginTiers":[{"lowerBound":"0.0","maxLeverage":25}]}]],
 "collateralToken":0})";

const char* const kAssetCtxs = R"([
 {"prevDayPx":"66500.0","dayNtlVlm":"1234567890.5","markPx":"67010.0","midPx":"67000.5","funding":"0.0000125",
  "openInterest":"25000.12","premium":"0.0001","oraclePx":"67005.0","impactPxs":["66999.0","67002.0"],
  "dayBaseVlm":"18500.3"},
 {"prevDayPx":"3500.1","dayNtlVlm":"456789.0","markPx":"3512.4","midPx":null,"funding":"-0.00001",
  "openInterest":"120000.5","premium":null,"oraclePx":"3511.9","impactPxs":null,"dayBaseVlm":"130.0"},
 {"prevDayPx":"1.5","dayNtlVlm":"0.0","markPx":"1.5","midPx":null,"funding":"0.0","openInterest":"0.0",
  "premium":null,"oraclePx":"1.5","impactPxs":null,"dayBaseVlm":"0.0"}])";

const char* const kAllMids = R"({"BTC":"67000.5","ETH":"3512.25","@107":"0.00123"})";

const char* const kClearinghouseState = R"({
 "marginSummary":{"accountValue":"10250.75","totalNtlPos":"3356.2","totalRawUsd":"13606.95","totalMarginUsed":"167.81"},
 "crossMarginSummary":{"accountValue":"10250.75","totalNtlPos":"3356.2","totalRawUsd":"13606.95",
  "totalMarginUsed":"167.81"},
 "crossMaintenanceMarginUsed":"55.9","withdrawable":"10082.94","time":1700000000123,
 "assetPositions":[
  {"type":"oneWay","position":{"coin":"ETH","szi":"-0.5","entryPx":"3400.0",
   "leverage":{"type":"cross","value":20},"positionValue":"1756.2","unrealizedPnl":"-56.2",
   "returnOnEquity":"-0.66","liquidationPx":"22000.5","marginUsed":"87.81","maxLeverage":25,
   "cumFunding":{"allTime":"1.2","sinceOpen":"0.3","sinceChange":"0.3"}}},
  {"type":"oneWay","position":{"coin":"BTC","szi":"0.02","entryPx":"66000.0",
   "leverage":{"type":"isolated","value":10,"rawUsd":"-1240.0"},"positionValue":"1600.0","unrealizedPnl":"20.0",
   "returnOnEquity":"0.15","liquidationPx":null,"marginUsed":"80.0","maxLeverage":40,
   "cumFunding":{"allTime":"0.1","sinceOpen":"0.1","sinceChange":"0.1"}}}]})";

const char* const kOpenOrders = R"([
 {"coin":"BTC","side":"B","limitPx":"65000.0","sz":"0.01","oid":91490942,"timestamp":1700000001000,
  "origSz":"0.02","cloid":"0x00000000000000000000000000000001","reduceOnly":false},
 {"coin":"ETH","side":"A","limitPx":"3600.5","sz":"0.5","oid":91490943,"timestamp":1700000002000,
  "origSz":"0.5"}])";

const char* const kUserFills = R"([
 {"coin":"BTC","px":"65000.0","sz":"0.01","side":"B","time":1700000003000,"startPosition":"0.01",
  "dir":"Open Long","closedPnl":"0.0","hash":"0xabc","oid":91490942,"crossed":false,"fee":"0.195",
  "tid":118906512037719,"feeToken":"USDC","twapId":null,"cloid":"0x00000000000000000000000000000001"},
 {"coin":"ETH","px":"3400.0","sz":"0.5","side":"A","time":1700000004000,"startPosition":"0.0",
  "dir":"Open Short","closedPnl":"0.0","hash":"0xdef","oid":91490900,"crossed":true,"fee":"0.765",
  "tid":118906512037720,"feeToken":"USDC","twapId":null}])";

const char* const kCandleSnapshot = R"([
 {"t":1700000100000,"T":1700000999999,"s":"BTC","i":"15m","o":"66900.0","c":"67010.0","h":"67050.5",
  "l":"66880.0","v":"12.345","n":321},
 {"t":1700001000000,"T":1700001899999,"s":"BTC","i":"15m","o":"67010.0","c":"66950.0","h":"67100.0",
  "l":"66940.0","v":"8.5","n":210}])";

const char* const kSubAccounts = R"([
 {"name":"alpha","subAccountUser":"0x1111111111111111111111111111111111111111",
  "master":"0x14791697260e4c9a71f18484c9f997b308e59325",
  "clearinghouseState":{"marginSummary":{"accountValue":"500.0","totalNtlPos":"0.0","totalRawUsd":"500.0",
   "totalMarginUsed":"0.0"},"crossMarginSummary":{"accountValue":"500.0","totalNtlPos":"0.0",
   "totalRawUsd":"500.0","totalMarginUsed":"0.0"},"crossMaintenanceMarginUsed":"0.0","withdrawable":"500.0",
   "time":1700000005000,"assetPositions":[]},
  "spotState":{"balances":[]}}])";

} // namespace

QString cannedUser()
{
    return QStringLiteral("0x14791697260e4c9a71f18484c9f997b308e59325");
}

QByteArray cannedInfo(const QString& type)
{
    static const QHash<QString, QByteArray> answers{
        {QStringLiteral("meta"), QByteArray(kMeta)},
        {QStringLiteral("metaAndAssetCtxs"), QByteArray("[") + kMeta + "," + kAssetCtxs + "]"},
        {QStringLiteral("allMids"), QByteArray(kAllMids)},
        {QStringLiteral("clearinghouseState"), QByteArray(kClearinghouseState)},
        {QStringLiteral("openOrders"), QByteArray(kOpenOrders)},
        {QStringLiteral("userFills"), QByteArray(kUserFills)},
        {QStringLiteral("candleSnapshot"), QByteArray(kCandleSnapshot)},
        {QStringLiteral("subAccounts"), QByteArray(kSubAccounts)},
    };
    return answers.value(type, QByteArrayLiteral("[]"));
}

} // namespace sixbtc::fakes::hyperliquid
