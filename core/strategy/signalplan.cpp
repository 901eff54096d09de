// SPDX-License-Identifier: MIT
// Evaluation of a SignalPlan: nodes in order, one vectorised kernel each, columns released after their last use.
#include "strategy/signalplan.h"

#include <algorithm>

#include "common/require.h"
#include "strategy/builtincompute.h"
#include "strategy/kernels.h"

namespace sixbtc::strategy {

namespace {

std::span<const double> priceColumn(const indicators::PriceColumns& prices, dsl::PriceField field)
{
    switch (field) {
    case dsl::PriceField::Open: return prices.open;
    case dsl::PriceField::High: return prices.high;
    case dsl::PriceField::Low: return prices.low;
    case dsl::PriceField::Close: return prices.close;
    case dsl::PriceField::Volume: return prices.volume;
    }
    return prices.close;
}

} // namespace

BarSignals signalsAt(const SignalColumns& columns, std::size_t bar)
{
    SIXBTC_REQUIRE(bar < columns.size());
    return {columns.rules[0][bar] != 0, columns.rules[1][bar] != 0, columns.rules[2][bar] != 0,
            columns.rules[3][bar] != 0};
}

std::int64_t SignalPlan::warmupBars() const
{
    std::int64_t warmup = 0;
    for (const auto& roots : m_roots) {
        for (int root : roots) {
            if (root >= 0)
                warmup = std::max(warmup, m_nodes[static_cast<std::size_t>(root)].firstDefinedBar);
        }
    }
    return warmup;
}

std::vector<SignalColumns> SignalPlan::evaluate(IndicatorCache& cache, const NodeObserver& observer) const
{
    std::vector<SignalColumns> results;
    evaluateInto(cache, results, observer);
    return results;
}

void SignalPlan::evaluateInto(IndicatorCache& cache, std::vector<SignalColumns>& results,
                              const NodeObserver& observer) const
{
    const std::size_t n = cache.size();
    const std::size_t count = m_nodes.size();
    ColumnPool& pool = cache.pool();
    std::vector<std::span<const double>> numbers(count);
    std::vector<std::vector<double>> numberStore(count);
    std::vector<std::vector<std::uint8_t>> conditions(count);
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> rootsOf(count);
    results.resize(m_roots.size());
    for (std::size_t s = 0; s < m_roots.size(); ++s) {
        for (std::size_t slot = 0; slot < 4; ++slot) {
            results[s].rules[slot].assign(n, 0);
            if (m_roots[s][slot] >= 0)
                rootsOf[static_cast<std::size_t>(m_roots[s][slot])].emplace_back(s, slot);
        }
    }
    const auto operand = [&](int index) {
        const PlanNode& node = m_nodes[static_cast<std::size_t>(index)];
        return node.op == PlanOp::Constant ? kernels::Operand{nullptr, node.constant}
                                           : kernels::Operand{numbers[static_cast<std::size_t>(index)].data(), 0.0};
    };
    const auto input = [&](const PlanNode& node, std::size_t k) { return static_cast<std::size_t>(node.inputs[k]); };
    const auto ownNumbers = [&](std::size_t i) {
        numberStore[i] = pool.takeNumbers(n);
        numbers[i] = numberStore[i];
        return std::span<double>(numberStore[i]);
    };
    const auto ownCondition = [&](std::size_t i) {
        conditions[i] = pool.takeConditions(n);
        return std::span<std::uint8_t>(conditions[i]);
    };

    for (std::size_t i = 0; i < count; ++i) {
        const PlanNode& node = m_nodes[i];
        switch (node.op) {
        case PlanOp::Constant: break;
        case PlanOp::Price: numbers[i] = priceColumn(cache.window().prices(), node.price); break;
        case PlanOp::Builtin:
            numbers[i] = cache.column(node.key, [&](std::span<double> out) {
                std::vector<std::vector<double>> materialised;
                std::vector<std::span<const double>> inputs;
                materialised.reserve(node.inputs.size());
                for (std::size_t k = 0; k < node.inputs.size(); ++k) {
                    const PlanNode& source = m_nodes[input(node, k)];
                    if (source.op == PlanOp::Constant) {
                        materialised.push_back(pool.takeNumbers(n));
                        std::fill(materialised.back().begin(), materialised.back().end(), source.constant);
                        inputs.emplace_back(materialised.back());
                    } else {
                        inputs.push_back(numbers[input(node, k)]);
                    }
                }
                computeBuiltin(node, inputs, cache.window().prices(), out);
                for (auto& column : materialised)
                    pool.give(std::move(column));
            });
            break;
        case PlanOp::Negate:
        case PlanOp::Abs: kernels::unary(node.op, operand(node.inputs[0]), ownNumbers(i)); break;
        case PlanOp::Add:
        case PlanOp::Sub:
        case PlanOp::Mul:
        case PlanOp::Div:
        case PlanOp::Min:
        case PlanOp::Max:
            kernels::arithmetic(node.op, operand(node.inputs[0]), operand(node.inputs[1]), ownNumbers(i));
            break;
        case PlanOp::Less:
        case PlanOp::LessEqual:
        case PlanOp::Greater:
        case PlanOp::GreaterEqual:
        case PlanOp::Equal:
        case PlanOp::NotEqual:
            kernels::compare(node.op, operand(node.inputs[0]), operand(node.inputs[1]), ownCondition(i));
            break;
        case PlanOp::And:
        case PlanOp::Or:
            kernels::logic(node.op, conditions[input(node, 0)], conditions[input(node, 1)], ownCondition(i));
            break;
        case PlanOp::Not: kernels::negateCondition(conditions[input(node, 0)], ownCondition(i)); break;
        case PlanOp::Shift:
            if (node.boolean)
                kernels::shiftCondition(conditions[input(node, 0)], node.periods[0], ownCondition(i));
            else
                kernels::shift(operand(node.inputs[0]), node.periods[0], ownNumbers(i));
            break;
        }
        if (observer && !node.boolean && node.op != PlanOp::Constant)
            observer(node, numbers[i]);
        for (const auto& [strategy, slot] : rootsOf[i])
            kernels::toSignal(conditions[i], results[strategy].rules[slot]);
        // Hand back inputs whose last reader is this node; indicator columns stay in the cache.
        for (int in : node.inputs) {
            const auto k = static_cast<std::size_t>(in);
            if (m_lastUse[k] == static_cast<int>(i)) {
                pool.give(std::move(numberStore[k]));
                pool.give(std::move(conditions[k]));
            }
        }
    }
    // Roots and other columns nobody reads after them.
    for (std::size_t i = 0; i < count; ++i) {
        pool.give(std::move(numberStore[i]));
        pool.give(std::move(conditions[i]));
    }
}

} // namespace sixbtc::strategy
