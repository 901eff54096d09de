// SPDX-License-Identifier: MIT
// Value types of generation jobs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "storage/api/strategystatus.h"

namespace sixbtc::storage {

enum class JobStatus { Queued, Running, Done, Failed, Cancelled };

/// A request to generate strategies, and how far it got.
struct GenerationJob
{
    std::string id; ///< canonical UUID
    GenerationMode mode = GenerationMode::Pattern;
    std::string parametersJson;
    std::int64_t requested = 0;
    std::int64_t produced = 0;
    JobStatus status = JobStatus::Queued;
    std::int64_t createdAtMs = 0;             ///< set by the store from its clock
    std::optional<std::int64_t> startedAtMs;  ///< set when it becomes Running
    std::optional<std::int64_t> finishedAtMs; ///< set when it becomes Done, Failed or Cancelled
    std::string error;

    bool operator==(const GenerationJob&) const = default;
};

/// Stored names: queued, running, done, failed, cancelled.
std::string_view jobStatusName(JobStatus status);
common::Result<JobStatus> parseJobStatus(std::string_view name);

} // namespace sixbtc::storage
