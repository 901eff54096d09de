// SPDX-License-Identifier: MIT
// CancelToken: cooperative cancellation shared between a job and whoever may stop it.
#pragma once

#include <atomic>
#include <memory>

namespace sixbtc::common {

/// A cheap, copyable handle to one shared stop flag. Jobs poll stopRequested() between units of work.
class CancelToken
{
public:
    CancelToken();

    void requestStop() const;
    bool stopRequested() const;

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

} // namespace sixbtc::common
