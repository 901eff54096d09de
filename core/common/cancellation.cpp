// SPDX-License-Identifier: MIT
// CancelToken: cooperative cancellation.
#include "common/cancellation.h"

namespace sixbtc::common {

CancelToken::CancelToken()
    : m_flag(std::make_shared<std::atomic<bool>>(false))
{
}

void CancelToken::requestStop() const
{
    m_flag->store(true, std::memory_order_relaxed);
}

bool CancelToken::stopRequested() const
{
    return m_flag->load(std::memory_order_relaxed);
}

} // namespace sixbtc::common
