// SPDX-License-Identifier: MIT
// Probability of Backtest Overfitting by combinatorially symmetric cross-validation (Bailey, Borwein, Lopez de
// Prado, Zhu 2015).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/error.h"
#include "validation/returnstats.h"

namespace sixbtc::validation {

/// The block sums of N strategies over the same S partitions of their returns (blockSums() with the same S on
/// returns of the same length), strategy-major: cell(i, b) = cells[i * partitions + b].
struct BlockMatrix
{
    std::size_t strategies = 0;
    int partitions = 0;
    std::vector<BlockSums> cells;

    const BlockSums& cell(std::size_t strategy, int block) const
    {
        return cells[strategy * static_cast<std::size_t>(partitions) + static_cast<std::size_t>(block)];
    }
};

/// The CSCV result of one family.
struct PboResult
{
    double pbo = 0.0;           ///< share of combinations with logit <= 0
    std::vector<double> logits; ///< lambda_c = ln(omega_c / (1 - omega_c)), one per combination in enumeration order
    /// Least-squares fit OOS = intercept + slope * IS of the chosen strategies' per-bar Sharpe over the combinations
    /// (the paper's performance degradation); both 0 when every chosen IS Sharpe is equal.
    double degradationSlope = 0.0;
    double degradationIntercept = 0.0;

    std::int64_t combinations() const { return static_cast<std::int64_t>(logits.size()); }
};

/// PBO by CSCV. Combinations are the C(S, S/2) choices of in-sample blocks in lexicographic order of the block
/// indexes ({0..S/2-1} first); the out-of-sample set is the complement. Per combination: the strategy with the best
/// in-sample per-bar Sharpe (blockSharpe of the union; ties: lowest index) is chosen; its out-of-sample rank among
/// the N strategies (1 = worst; ties get the average of the ranks they span) gives omega = rank / (N + 1) and the
/// logit. Both unions are summed block by block (never as total minus in-sample), so a strategy flat out of sample
/// has exactly 0 there. Fails with ErrorCode::Input when N < 2, S is odd, < 4 or > 30, cells.size() != N * S, a
/// block is empty, or block b's size differs between strategies.
common::Result<PboResult> probabilityOfBacktestOverfitting(const BlockMatrix& matrix);

} // namespace sixbtc::validation
