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
    std::unique_ptr<TestDatabase> m_db;
    ManualClock m_clock{kStartMs};
    std::unique_ptr<Store> m_store;

    JobRepository& repo() { return m_store->jobs(); }

private slots:
    void init()
    {
        m_clock.set(kStartMs);
        m_db = std::make_unique<TestDatabase>(backendUnderTest(), Start::Migrated);
        QVERIFY2(m_db->setupError().empty(), m_db->setupError().c_str());
        auto store = m_db->open(m_clock);
        SIXBTC_VERIFY_OK(store);
        m_store = std::move(*store);
    }
    void cleanup()
    {
        m_store.reset();
        m_db.reset();
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
