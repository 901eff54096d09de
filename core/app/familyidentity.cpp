// SPDX-License-Identifier: MIT
// Identities of a parametric family: hashes, UUIDs, names and the rows of its base and expanded strategies.
#include "app/familyidentity.h"

#include <span>

#include "app/storedrecords.h"
#include "common/digest.h"
#include "common/uuid.h"

namespace sixbtc::app {

strategy::StrategyDocument withRisk(const strategy::StrategyDocument& doc, std::optional<strategy::RiskSettings> risk)
{
    return strategy::StrategyDocument(doc.type(), doc.timeframe(), doc.symbols(),
                                      {doc.rule(strategy::RuleSlot::LongEntry),
                                       doc.rule(strategy::RuleSlot::ShortEntry), doc.rule(strategy::RuleSlot::LongExit),
                                       doc.rule(strategy::RuleSlot::ShortExit)},
                                      risk);
}

std::string codeHashOf(const strategy::StrategyDocument& document)
{
    return common::sha256Hex(strategy::printStrategyDocument(withRisk(document, std::nullopt)));
}

std::string datasetHashOf(const backtest::BacktestData& data)
{
    common::Sha256 hash;
    const auto bytes = [&hash](const auto& values) {
        hash.update(
            std::span(reinterpret_cast<const unsigned char*>(values.data()), values.size() * sizeof(values[0])));
    };
    bytes(data.timestampMs());
    for (std::size_t s = 0; s < data.symbolCount(); ++s) {
        const auto& track = data.track(s);
        hash.update(track.symbol);
        bytes(track.open);
        bytes(track.high);
        bytes(track.low);
        bytes(track.close);
    }
    return hash.finishHex();
}

BaseIdentity baseIdentityOf(const strategy::StrategyDocument& document)
{
    BaseIdentity identity;
    identity.codeHash = codeHashOf(document);
    identity.uuid = common::uuid5(common::expansionNamespace(), "base/" + identity.codeHash).toString();
    identity.name =
        "PatStrat_" + std::string(strategy::strategyTypeName(document.type())) + "_" + identity.uuid.substr(0, 8);
    return identity;
}

namespace {

storage::StrategyRecord recordOf(const strategy::StrategyDocument& document, std::string uuid, std::string name,
                                 std::string code)
{
    storage::StrategyRecord record;
    record.uuid = std::move(uuid);
    record.name = std::move(name);
    record.type = std::string(strategy::strategyTypeName(document.type()));
    record.timeframe = std::string(document.timeframe().name());
    record.symbols = document.symbols();
    record.code = std::move(code);
    return record;
}

} // namespace

storage::NewStrategy newBaseStrategy(const strategy::StrategyDocument& document, const std::string& patternId)
{
    const BaseIdentity base = baseIdentityOf(document);
    storage::NewStrategy s;
    s.record =
        recordOf(document, base.uuid, base.name, strategy::printStrategyDocument(withRisk(document, std::nullopt)));
    s.record.parametersJson = "{}";
    s.record.generationMode = storage::GenerationMode::Pattern;
    s.lineage.source = storage::LineageSource::Pattern;
    s.lineage.patternId = patternId;
    s.lineage.codeHash = base.codeHash;
    s.lineage.engineVersion = engineVersion();
    return s;
}

storage::NewStrategy newExpandedStrategy(const strategy::StrategyDocument& document, const BaseIdentity& base,
                                         const backtest::ParamGrid& grid, std::size_t index)
{
    const auto& p = grid.params[index];
    const strategy::StrategyDocument expanded =
        withRisk(document, strategy::RiskSettings{p.slPct, p.tpPct, p.leverage, p.exitAfterBars});
    const std::string uuid = common::expansionUuid(base.codeHash, index).toString();
    storage::NewStrategy s;
    s.record =
        recordOf(document, uuid,
                 "Strategy_" + std::string(strategy::strategyTypeName(document.type())) + "_" + uuid.substr(0, 8),
                 strategy::printStrategyDocument(expanded));
    s.record.parametersJson = paramsText(p);
    s.record.generationMode = storage::GenerationMode::Optimized;
    s.record.baseUuid = base.uuid;
    s.lineage.source = storage::LineageSource::Expansion;
    s.lineage.gridIndex = static_cast<std::int64_t>(index);
    s.lineage.codeHash = common::sha256Hex(s.record.code);
    s.lineage.engineVersion = engineVersion();
    return s;
}

} // namespace sixbtc::app
