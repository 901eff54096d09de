// SPDX-License-Identifier: MIT
// Conformance tests of JobRepository: generation jobs and their status stamps.
#include <QtTest>

#include "storagetestenv.h"

using namespace sixbtc::storage;
using namespace sixbtc::storage::testing;
using sixbtc::common::ErrorCode;

namespace {

constexpr std::int64_t kStartMs = 1'700'000'000'000;
const std::string kJob = "0b6f4a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

} // namespace

class TstJobRepository : public QObject
{
    Q_OBJECT

private:
    MigratedStore m_fixture{kStartMs};
    ManualClock& m_clock = m_fixture.clock();

    JobRepository& repo() { return m_fixture.store().jobs(); }

private slots:
    void init()
    {
        const std::string error = m_fixture.open();
        QVERIFY2(error.empty(), error.c_str());
    }
    void cleanup()
    {
        m_fixture.close();
    }

    void lifecycleOfAJob()
    {
        GenerationJob job;
        job.id = kJob;
        job.mode = GenerationMode::AiAssigned;
        job.parametersJson = R"({"count":20})";
        job.requested = 20;
        auto created = repo().createJob(job);
        SIXBTC_VERIFY_OK(created);
        m_clock.advance(1000);
        auto updated = repo().updateJob(kJob, JobStatus::Running, 0, "");
        SIXBTC_VERIFY_OK(updated);
        m_clock.advance(1000);
        updated = repo().updateJob(kJob, JobStatus::Failed, 7, "provider timed out");
        SIXBTC_VERIFY_OK(updated);
        auto stored = repo().job(kJob);
        SIXBTC_VERIFY_OK(stored);
        const GenerationJob expected{kJob,
                                     GenerationMode::AiAssigned,
                                     R"({"count":20})",
                                     20,
                                     7,
                                     JobStatus::Failed,
                                     kStartMs,
                                     kStartMs + 1000,
                                     kStartMs + 2000,
                                     "provider timed out"};
        QVERIFY(*stored == expected);
        QCOMPARE(repo().jobs(JobStatus::Failed)->size(), std::size_t(1));
        QVERIFY(repo().jobs(JobStatus::Queued)->empty());
        QCOMPARE(repo().jobs(std::nullopt)->size(), std::size_t(1));
    }

    void refusals()
    {
        GenerationJob job;
        job.id = "not-a-uuid";
        QCOMPARE(repo().createJob(job).error().code, ErrorCode::Invalid);
        QCOMPARE(repo().updateJob(kJob, JobStatus::Done, 1, "").error().code, ErrorCode::Input);
        QCOMPARE(repo().job(kJob).error().code, ErrorCode::Input);
    }
};

QTEST_GUILESS_MAIN(TstJobRepository)
#include "tst_jobrepository.moc"
