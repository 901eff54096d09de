// SPDX-License-Identifier: MIT
// JobRunner: jobs on the global thread pool, results delivered by value through queued calls.
#include "app/jobrunner.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

#include "common/require.h"

namespace sixbtc::gui {

namespace {

/// Runs `call` on the GUI thread (the application object's thread) when `runner` still exists then. Posting to the
/// application object, never to the runner, keeps a runner destroyed meanwhile from being touched off its thread.
template <typename Call>
void postToRunner(const QPointer<JobRunner>& runner, Call call)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [runner, call = std::move(call)]() {
            if (runner)
                call(*runner);
        },
        Qt::QueuedConnection);
}

common::Result<QVariant> runWork(const JobRunner::StoreFactory& openStore, const JobRunner::Work& work,
                                 JobContext::ProgressFn progress, const common::CancelToken& cancel)
{
    auto store = openStore();
    if (!store)
        return tl::unexpected(store.error());
    JobContext context{**store, cancel, std::move(progress)};
    return work(context);
}

} // namespace

JobRunner::JobRunner(StoreFactory openStore, QObject* parent)
    : QObject(parent)
    , m_openStore(std::move(openStore))
{
    // Results are posted to the application object's thread, so the runner must live there.
    SIXBTC_REQUIRE(QCoreApplication::instance() && thread() == QCoreApplication::instance()->thread());
    qRegisterMetaType<sixbtc::common::Error>();
    qRegisterMetaType<sixbtc::gui::JobId>("sixbtc::gui::JobId");
}

JobRunner::~JobRunner()
{
    for (const Job& job : std::as_const(m_jobs))
        job.cancel.requestStop();
}

JobId JobRunner::start(const QString& key, Work work)
{
    const JobId id = ++m_lastId;
    if (const auto older = m_newestByKey.constFind(key); older != m_newestByKey.cend()) {
        if (const auto job = m_jobs.find(*older); job != m_jobs.end()) {
            job->stale = true;
            job->cancel.requestStop();
        }
    }
    Job job{key, common::CancelToken(), false, false};
    m_jobs.insert(id, job);
    m_newestByKey.insert(key, id);

    const QPointer<JobRunner> self(this);
    auto progress = [self, id](std::size_t done, std::size_t total) {
        postToRunner(self, [id, done, total](JobRunner& runner) {
            runner.reportProgress(id, static_cast<qint64>(done), static_cast<qint64>(total));
        });
    };
    QThreadPool::globalInstance()->start(
        [self, id, openStore = m_openStore, work = std::move(work), progress, cancel = job.cancel]() {
            common::Result<QVariant> result = runWork(openStore, work, progress, cancel);
            postToRunner(self, [id, result = std::move(result)](JobRunner& runner) { runner.deliver(id, result); });
        });
    return id;
}

void JobRunner::cancel(JobId id)
{
    const auto job = m_jobs.find(id);
    if (job == m_jobs.end())
        return;
    job->cancelled = true;
    job->cancel.requestStop();
}

bool JobRunner::isRunning(JobId id) const
{
    return m_jobs.contains(id);
}

int JobRunner::runningCount() const
{
    return static_cast<int>(m_jobs.size());
}

void JobRunner::deliver(JobId id, const common::Result<QVariant>& result)
{
    const auto found = m_jobs.find(id);
    if (found == m_jobs.end())
        return;
    const Job job = *found;
    m_jobs.erase(found);
    if (m_newestByKey.value(job.key) == id)
        m_newestByKey.remove(job.key);
    if (job.stale)
        return;
    if (job.cancelled && (result || result.error().code != common::ErrorCode::Cancelled))
        emit failed(id, common::Error{common::ErrorCode::Cancelled, "the job was cancelled", {}});
    else if (result)
        emit finished(id, *result);
    else
        emit failed(id, result.error());
}

void JobRunner::reportProgress(JobId id, qint64 done, qint64 total)
{
    const auto job = m_jobs.constFind(id);
    if (job == m_jobs.cend() || job->stale || job->cancelled)
        return;
    emit progress(id, done, total);
}

} // namespace sixbtc::gui
