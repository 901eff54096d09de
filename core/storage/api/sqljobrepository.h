// SPDX-License-Identifier: MIT
// SqlJobRepository: JobRepository over any SqlConnection.
#pragma once

#include "storage/api/clock.h"
#include "storage/api/jobrepository.h"
#include "storage/api/sqlconnection.h"

namespace sixbtc::storage {

/// Generation jobs written once for every backend.
class SqlJobRepository final : public JobRepository
{
public:
    SqlJobRepository(SqlConnection& connection, const Clock& clock);

    common::Result<void> createJob(const GenerationJob& job) override;
    common::Result<void> updateJob(const std::string& id, JobStatus status, std::int64_t produced,
                                   const std::string& error) override;
    common::Result<GenerationJob> job(const std::string& id) override;
    common::Result<std::vector<GenerationJob>> jobs(std::optional<JobStatus> status) override;

private:
    common::Result<std::vector<GenerationJob>> selectJobs(const std::string& where, const SqlParams& params);

    SqlConnection& m_connection;
    const Clock& m_clock;
};

} // namespace sixbtc::storage
