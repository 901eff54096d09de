// SPDX-License-Identifier: MIT
// JobRepository: generation jobs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "storage/api/jobrecords.h"

namespace sixbtc::storage {

/// Generation jobs. Not thread-safe: one store per thread.
class JobRepository
{
public:
    virtual ~JobRepository() = default;

    /// Stores a new Queued job (time from the clock).
    virtual common::Result<void> createJob(const GenerationJob& job) = 0;
    /// Sets status, produced count and error; stamps the start (Running) or finish (Done, Failed, Cancelled).
    virtual common::Result<void> updateJob(const std::string& id, JobStatus status, std::int64_t produced,
                                           const std::string& error) = 0;
    virtual common::Result<GenerationJob> job(const std::string& id) = 0;
    /// Jobs, oldest first, optionally only those with one status.
    virtual common::Result<std::vector<GenerationJob>> jobs(std::optional<JobStatus> status) = 0;
};

} // namespace sixbtc::storage
