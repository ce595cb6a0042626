#pragma once

#include "store/ConcurrentEditError.h"

#include <QHash>
#include <QObject>
#include <QPair>

class ProjectSession;

// The version each code, category and actor had when this session's own
// commands last wrote it. Undo and redo expect that version: the window's
// own later edits of the row (undone by then) raised it too, and are no
// conflict; a version beyond it is another coder's commit in between.
// Lives as a child of the session, so it goes with the project.
class VersionLedger final : public QObject
{
    Q_OBJECT

public:
    static VersionLedger &of(ProjectSession &session);

    // The version last written here, or `fallback` if none was.
    int version(ConcurrentEditError::Subject subject, qint64 id, int fallback) const;
    void record(ConcurrentEditError::Subject subject, qint64 id, int version);

private:
    explicit VersionLedger(ProjectSession &session);

    QHash<QPair<int, qint64>, int> m_versions;
};
