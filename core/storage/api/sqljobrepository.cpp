// SPDX-License-Identifier: MIT
// Generation jobs over SQL.
#include "storage/api/sqljobrepository.h"

#include <array>
#include <utility>

#include "storage/api/strategyrecord.h"

namespace sixbtc::storage {

using common::ErrorCode;
using common::Result;

namespace {

constexpr std::array<std::pair<JobStatus, std::string_view>, 5> kNames{{
    {JobStatus::Queued, "queued"},
    {JobStatus::Running, "running"},
    {JobStatus::Done, "done"},
    {JobStatus::Failed, "failed"},
    {JobStatus::Cancelled, "cancelled"},
}};

constexpr const char* kColumns = "id, mode, parameters, requested, produced, status, created_at_ms, started_at_ms, "
                                 "finished_at_ms, error";

} // namespace

std::string_view jobStatusName(JobStatus status)
{
    for (const auto& [value, name] : kNames) {
        if (value == status)
            return name;
    }
    return "unknown";
}

Result<JobStatus> parseJobStatus(std::string_view name)
{
    for (const auto& [value, text] : kNames) {
        if (text == name)
            return value;
    }
    return common::fail(ErrorCode::Input, "unknown job status '" + std::string(name) +
                                              "' (expected queued, running, done, failed or cancelled)");
}

SqlJobRepository::SqlJobRepository(SqlConnection& connection, const Clock& clock)
    : m_connection(connection)
    , m_clock(clock)
{
}

Result<void> SqlJobRepository::createJob(const GenerationJob& job)
{
    if (!isCanonicalUuid(job.id))
        return common::fail(ErrorCode::Invalid, "job id '" + job.id + "' is not a canonical lowercase UUID");
    auto inserted =
        m_connection.execute(std::string("INSERT INTO generation_jobs (") + kColumns +
                                 ") VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL, '')",
                             {job.id, std::string(generationModeName(job.mode)), job.parametersJson, job.requested,
                              std::int64_t(0), std::string(jobStatusName(JobStatus::Queued)), m_clock.nowMs()});
    if (!inserted)
        return common::fail(ErrorCode::Database,
                            "cannot store generation job " + job.id + ": " + inserted.error().message);
    return {};
}

Result<void> SqlJobRepository::updateJob(const std::string& id, JobStatus status, std::int64_t produced,
                                         const std::string& error)
{
    const std::int64_t nowMs = m_clock.nowMs();
    const bool finished = status == JobStatus::Done || status == JobStatus::Failed || status == JobStatus::Cancelled;
    auto updated = m_connection.execute(
        "UPDATE generation_jobs SET status = $1, produced = $2, error = $3, "
        "started_at_ms = COALESCE(started_at_ms, $4), finished_at_ms = $5 WHERE id = $6",
        {std::string(jobStatusName(status)), produced, error,
         status == JobStatus::Running ? SqlValue(nowMs) : SqlValue(), finished ? SqlValue(nowMs) : SqlValue(), id});
    if (!updated)
        return tl::unexpected(updated.error());
    if (*updated == 0)
        return common::fail(ErrorCode::Input, "no generation job with id " + id);
    return {};
}

Result<std::vector<GenerationJob>> SqlJobRepository::selectJobs(const std::string& where, const SqlParams& params)
{
    auto rows = m_connection.query(
        std::string("SELECT ") + kColumns + " FROM generation_jobs" + where + " ORDER BY created_at_ms, id", params);
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<GenerationJob> jobs;
    for (const SqlRow& r : *rows) {
        auto mode = parseGenerationMode(r.text(1));
        auto status = parseJobStatus(r.text(5));
        if (!mode || !status)
            return common::fail(ErrorCode::Database, "stored generation job " + r.text(0) + " is unreadable");
        jobs.push_back(GenerationJob{r.text(0), *mode, r.text(2), r.integer(3), r.integer(4), *status, r.integer(6),
                                     r.optionalInteger(7), r.optionalInteger(8), r.text(9)});
    }
    return jobs;
}

Result<GenerationJob> SqlJobRepository::job(const std::string& id)
{
    auto jobs = selectJobs(" WHERE id = $1", {id});
    if (!jobs)
        return tl::unexpected(jobs.error());
    if (jobs->empty())
        return common::fail(ErrorCode::Input, "no generation job with id " + id);
    return jobs->front();
}

Result<std::vector<GenerationJob>> SqlJobRepository::jobs(std::optional<JobStatus> status)
{
    if (status)
        return selectJobs(" WHERE status = $1", {std::string(jobStatusName(*status))});
    return selectJobs("", {});
}

} // namespace sixbtc::storage
