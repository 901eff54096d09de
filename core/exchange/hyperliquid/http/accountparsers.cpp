// SPDX-License-Identifier: MIT
// Pure parsers of the per-account /info answers.
#include "exchange/hyperliquid/http/accountparsers.h"

#include "exchange/hyperliquid/http/jsonreader.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

using Fields = JsonFields;

Fields fieldsOf(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    return Fields(reader, value, path);
}

Side readSide(const Fields& f)
{
    const std::string side = f.string("side");
    if (side == "A")
        return Side::Sell;
    if (side != "B")
        f.reader.fail(f.at("side"), "\"B\" or \"A\"");
    return Side::Buy;
}

MarginSummary readMarginSummary(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const Fields f = fieldsOf(reader, value, path);
    return MarginSummary{f.decimal("accountValue"), f.decimal("totalNtlPos"), f.decimal("totalRawUsd"),
                         f.decimal("totalMarginUsed")};
}

Position readPosition(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const Fields f = fieldsOf(reader, value, path);
    Position position{};
    position.coin = f.string("coin");
    position.szi = f.decimal("szi");
    position.entryPx = reader.optionalDecimal(f.value("entryPx"), f.at("entryPx"));
    const Fields leverage = fieldsOf(reader, f.value("leverage"), f.at("leverage"));
    const std::string type = leverage.string("type");
    if (type != "cross" && type != "isolated")
        reader.fail(leverage.at("type"), "\"cross\" or \"isolated\"");
    position.crossLeverage = type == "cross";
    position.leverage = int(leverage.integer("value"));
    position.positionValue = f.decimal("positionValue");
    position.unrealizedPnl = f.decimal("unrealizedPnl");
    position.liquidationPx = reader.optionalDecimal(f.value("liquidationPx"), f.at("liquidationPx"));
    position.marginUsed = f.decimal("marginUsed");
    return position;
}

ClearinghouseState readClearinghouseState(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const Fields f = fieldsOf(reader, value, path);
    ClearinghouseState state{};
    state.marginSummary = readMarginSummary(reader, f.value("marginSummary"), f.at("marginSummary"));
    state.crossMarginSummary = readMarginSummary(reader, f.value("crossMarginSummary"), f.at("crossMarginSummary"));
    state.withdrawable = f.decimal("withdrawable");
    state.timeMs = f.integer("time");
    const std::string positionsPath = f.at("assetPositions");
    const QJsonArray positions = reader.array(f.value("assetPositions"), positionsPath);
    for (qsizetype i = 0; i < positions.size() && !reader.failed(); ++i) {
        const Fields entry = fieldsOf(reader, positions.at(i), jsonIndexPath(positionsPath, i));
        state.positions.push_back(readPosition(reader, entry.value("position"), entry.at("position")));
    }
    return state;
}

OpenOrder readOpenOrder(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const Fields f = fieldsOf(reader, value, path);
    OpenOrder order{};
    order.coin = f.string("coin");
    order.side = readSide(f);
    order.limitPx = f.decimal("limitPx");
    order.sz = f.decimal("sz");
    order.oid = f.integer("oid");
    order.timestampMs = f.integer("timestamp");
    order.origSz = f.decimal("origSz");
    order.cloid = f.optionalString("cloid");
    order.reduceOnly = reader.optionalBoolean(f.value("reduceOnly"), f.at("reduceOnly"), false);
    return order;
}

Fill readFill(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const Fields f = fieldsOf(reader, value, path);
    Fill fill{};
    fill.coin = f.string("coin");
    fill.px = f.decimal("px");
    fill.sz = f.decimal("sz");
    fill.side = readSide(f);
    fill.timeMs = f.integer("time");
    fill.dir = f.string("dir");
    fill.closedPnl = f.decimal("closedPnl");
    fill.oid = f.integer("oid");
    fill.tid = f.integer("tid");
    fill.crossed = reader.boolean(f.value("crossed"), f.at("crossed"));
    fill.fee = f.decimal("fee");
    fill.cloid = f.optionalString("cloid");
    return fill;
}

template <typename T, typename Read>
std::vector<T> readList(JsonReader& reader, const QJsonValue& value, Read read)
{
    const QJsonArray items = reader.array(value, "");
    std::vector<T> result;
    result.reserve(std::size_t(items.size()));
    for (qsizetype i = 0; i < items.size() && !reader.failed(); ++i)
        result.push_back(read(reader, items.at(i), jsonIndexPath("", i)));
    return result;
}

} // namespace

HlResult<ClearinghouseState> parseClearinghouseState(const QJsonDocument& document)
{
    JsonReader reader("clearinghouseState answer");
    ClearinghouseState state = readClearinghouseState(reader, jsonRoot(document), "");
    return finishParse(reader, std::move(state));
}

HlResult<std::vector<OpenOrder>> parseOpenOrders(const QJsonDocument& document)
{
    JsonReader reader("openOrders answer");
    auto orders = readList<OpenOrder>(reader, jsonRoot(document), readOpenOrder);
    return finishParse(reader, std::move(orders));
}

HlResult<std::vector<Fill>> parseUserFills(const QJsonDocument& document)
{
    JsonReader reader("userFills answer");
    auto fills = readList<Fill>(reader, jsonRoot(document), readFill);
    return finishParse(reader, std::move(fills));
}

HlResult<OrderStatus> parseOrderStatus(const QJsonDocument& document)
{
    JsonReader reader("orderStatus answer");
    const Fields root = fieldsOf(reader, jsonRoot(document), "");
    OrderStatus result{false, std::nullopt, {}, 0};
    const std::string status = root.string("status");
    if (status == "order") {
        const Fields entry = fieldsOf(reader, root.value("order"), root.at("order"));
        result.found = true;
        result.order = readOpenOrder(reader, entry.value("order"), entry.at("order"));
        result.status = entry.string("status");
        result.statusTimestampMs = entry.integer("statusTimestamp");
    } else if (status != "unknownOid" && !reader.failed()) {
        reader.fail(root.at("status"), "\"order\" or \"unknownOid\"");
    }
    return finishParse(reader, std::move(result));
}

HlResult<std::vector<SubAccount>> parseSubAccounts(const QJsonDocument& document)
{
    JsonReader reader("subAccounts answer");
    if (document.isNull())
        return std::vector<SubAccount>{};
    auto accounts = readList<SubAccount>(
        reader, jsonRoot(document), [](JsonReader& r, const QJsonValue& value, const std::string& path) {
            const Fields f = fieldsOf(r, value, path);
            return SubAccount{f.string("name"), f.string("subAccountUser"), f.string("master"),
                              readClearinghouseState(r, f.value("clearinghouseState"), f.at("clearinghouseState"))};
        });
    return finishParse(reader, std::move(accounts));
}

} // namespace sixbtc::exchange::hyperliquid
