// SPDX-License-Identifier: MIT
// JobRunner: background jobs on the thread pool, each with an id, a cancel token and its own store.
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QVariant>

#include <cstddef>
#include <functional>
#include <memory>

#include "common/cancellation.h"
#include "common/error.h"
#include "storage/api/store.h"

namespace sixbtc::gui {

/// A job's number, unique within its runner; never 0.
using JobId = quint64;

/// What a job's work gets, on its pool thread: a store opened for it alone, its cancel token, and a progress
/// reporter that may be called as often as the work likes.
struct JobContext
{
    using ProgressFn = std::function<void(std::size_t done, std::size_t total)>;

    storage::Store& store;
    common::CancelToken cancel;
    ProgressFn progress;
};

/// Runs jobs on QThreadPool::globalInstance() (STYLE.md rule 8). A job's result comes back by value through a
/// queued call into the GUI thread, guarded by a QPointer to the runner, and is emitted there as finished() or
/// failed(). A newer job with the same key (e.g. a strategy UUID) makes the older one stale: it is asked to stop and
/// whatever it delivers is dropped. cancel() asks a job to stop; it then ends with failed() and ErrorCode::Cancelled.
class JobRunner : public QObject
{
    Q_OBJECT

public:
    /// Opens a store for one job; called on the job's pool thread, so it must be safe to call from any thread.
    using StoreFactory = std::function<common::Result<std::unique_ptr<storage::Store>>()>;
    /// A job's work: its result as a QVariant (a value type), or an error. Runs on a pool thread: it must capture
    /// what it reads by value.
    using Work = std::function<common::Result<QVariant>(JobContext& context)>;

    /// \warning create it on the application's (GUI) thread, after the QCoreApplication.
    explicit JobRunner(StoreFactory openStore, QObject* parent = nullptr);
    /// Asks every running job to stop; their results are dropped.
    ~JobRunner() override;

    /// Starts `work` and returns its id. An earlier job with the same `key` that has not ended becomes stale.
    JobId start(const QString& key, Work work);
    /// Asks the job to stop; it ends with failed(id, Cancelled) whatever its work returns (its own error when that is
    /// a Cancelled one). Unknown or ended ids are ignored.
    void cancel(JobId id);
    /// True from start() until the job's finished() or failed() (or, for a stale job, its dropped result).
    bool isRunning(JobId id) const;
    /// The number of jobs that have not ended yet.
    int runningCount() const;

signals:
    void finished(sixbtc::gui::JobId id, const QVariant& result);
    void failed(sixbtc::gui::JobId id, const sixbtc::common::Error& error);
    void progress(sixbtc::gui::JobId id, qint64 done, qint64 total);

private:
    struct Job
    {
        QString key;
        common::CancelToken cancel;
        bool cancelled = false;
        bool stale = false;
    };

    void deliver(JobId id, const common::Result<QVariant>& result);
    void reportProgress(JobId id, qint64 done, qint64 total);

    StoreFactory m_openStore;
    JobId m_lastId = 0;
    QHash<JobId, Job> m_jobs;
    QHash<QString, JobId> m_newestByKey;
};

} // namespace sixbtc::gui

Q_DECLARE_METATYPE(sixbtc::common::Error)
