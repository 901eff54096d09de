// SPDX-License-Identifier: MIT
// CSCV: every half of the S blocks as in-sample set, the best in-sample strategy ranked out of sample.
#include "validation/pbo.h"

#include <cmath>
#include <string>

namespace sixbtc::validation {

namespace {

constexpr int kMaxPartitions = 30;

common::Result<void> checkMatrix(const BlockMatrix& m)
{
    using common::ErrorCode;
    if (m.strategies < 2)
        return common::fail(ErrorCode::Input, "PBO needs at least 2 strategies, got " + std::to_string(m.strategies));
    if (m.partitions < 4 || m.partitions % 2 != 0 || m.partitions > kMaxPartitions)
        return common::fail(ErrorCode::Input, "PBO needs an even number of partitions from 4 to " +
                                                  std::to_string(kMaxPartitions) + ", got " +
                                                  std::to_string(m.partitions));
    if (m.cells.size() != m.strategies * static_cast<std::size_t>(m.partitions))
        return common::fail(ErrorCode::Input, "PBO block matrix holds " + std::to_string(m.cells.size()) +
                                                  " cells instead of strategies x partitions");
    for (int b = 0; b < m.partitions; ++b) {
        if (m.cell(0, b).n < 1)
            return common::fail(ErrorCode::Input, "PBO block " + std::to_string(b) + " is empty");
        for (std::size_t i = 1; i < m.strategies; ++i) {
            if (m.cell(i, b).n != m.cell(0, b).n)
                return common::fail(ErrorCode::Input, "PBO block " + std::to_string(b) + " of strategy " +
                                                          std::to_string(i) + " differs in size from strategy 0's");
        }
    }
    return {};
}

/// Advances `chosen` (k ascending indexes in [0, s)) to the next combination in lexicographic order.
bool nextCombination(std::vector<int>& chosen, int s)
{
    const int k = static_cast<int>(chosen.size());
    int i = k - 1;
    while (i >= 0 && chosen[static_cast<std::size_t>(i)] == s - k + i)
        --i;
    if (i < 0)
        return false;
    ++chosen[static_cast<std::size_t>(i)];
    for (int j = i + 1; j < k; ++j)
        chosen[static_cast<std::size_t>(j)] = chosen[static_cast<std::size_t>(j - 1)] + 1;
    return true;
}

/// The sums of strategy `i` over the blocks `blocks`, added in the given order.
BlockSums unionOf(const BlockMatrix& m, std::size_t i, const std::vector<int>& blocks)
{
    BlockSums total;
    for (int b : blocks)
        accumulate(total, m.cell(i, b));
    return total;
}

void fitDegradation(const std::vector<double>& is, const std::vector<double>& oos, PboResult& result)
{
    const double n = static_cast<double>(is.size());
    double sumIs = 0.0;
    double sumOos = 0.0;
    for (std::size_t c = 0; c < is.size(); ++c) {
        sumIs = sumIs + is[c];
        sumOos = sumOos + oos[c];
    }
    const double meanIs = sumIs / n;
    const double meanOos = sumOos / n;
    double sxx = 0.0;
    double sxy = 0.0;
    for (std::size_t c = 0; c < is.size(); ++c) {
        sxx = sxx + (is[c] - meanIs) * (is[c] - meanIs);
        sxy = sxy + (is[c] - meanIs) * (oos[c] - meanOos);
    }
    if (!(sxx > 0.0))
        return;
    result.degradationSlope = sxy / sxx;
    result.degradationIntercept = meanOos - result.degradationSlope * meanIs;
}

} // namespace

common::Result<PboResult> probabilityOfBacktestOverfitting(const BlockMatrix& matrix)
{
    if (auto ok = checkMatrix(matrix); !ok)
        return tl::unexpected(ok.error());
    const std::size_t n = matrix.strategies;
    const int s = matrix.partitions;
    std::vector<int> inSample(static_cast<std::size_t>(s / 2));
    for (int b = 0; b < s / 2; ++b)
        inSample[static_cast<std::size_t>(b)] = b;
    std::vector<int> outOfSample(inSample.size());
    std::vector<double> oosSharpe(n);
    std::vector<double> chosenIs;
    std::vector<double> chosenOos;
    PboResult result;
    std::int64_t overfit = 0;
    do {
        std::size_t next = 0;
        std::size_t o = 0;
        for (int b = 0; b < s; ++b) {
            if (next < inSample.size() && inSample[next] == b)
                ++next;
            else
                outOfSample[o++] = b;
        }
        std::size_t best = 0;
        double bestIs = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double is = blockSharpe(unionOf(matrix, i, inSample));
            if (i == 0 || is > bestIs) {
                best = i;
                bestIs = is;
            }
            oosSharpe[i] = blockSharpe(unionOf(matrix, i, outOfSample));
        }
        // Rank 1 = worst out of sample; strategies tied with the chosen one share the average of their ranks.
        std::size_t below = 0;
        std::size_t tied = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (oosSharpe[i] < oosSharpe[best])
                ++below;
            else if (oosSharpe[i] == oosSharpe[best])
                ++tied;
        }
        const double rank = static_cast<double>(below) + (static_cast<double>(tied) + 1.0) / 2.0;
        const double omega = rank / (static_cast<double>(n) + 1.0);
        const double logit = std::log(omega / (1.0 - omega));
        result.logits.push_back(logit);
        if (logit <= 0.0)
            ++overfit;
        chosenIs.push_back(bestIs);
        chosenOos.push_back(oosSharpe[best]);
    } while (nextCombination(inSample, s));
    result.pbo = static_cast<double>(overfit) / static_cast<double>(result.logits.size());
    fitDegradation(chosenIs, chosenOos, result);
    return result;
}

} // namespace sixbtc::validation
