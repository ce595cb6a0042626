#pragma once

#include "project/ProjectMerge.h"

#include <QDialog>

class ProjectSession;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

// File ▸ Merge Coders' Projects…: other coders' copies of this project
// merged into it by the merge `framewise merge` runs (ProjectMerge). First
// the chosen files and what merging does, that it is one step Undo cannot
// take back; then its progress (Cancel keeps nothing); then the report:
// what was added and what was already there, or the conflicts for which
// nothing was changed.
class MergeDialog final : public QDialog
{
    Q_OBJECT

public:
    MergeDialog(ProjectSession &session, const QStringList &sources, QWidget *parent = nullptr);

    // Runs the merge (the Merge button does); shows the report.
    ProjectMerge::Report merge();
    // The report as shown: counts, conflicts or why nothing changed.
    static QString describe(const ProjectMerge::Report &report, int sources, const QString &target);

    QStringList sources() const { return m_sources; }
    QString reportText() const;
    QLabel *warningLabel() const { return m_warning; }
    QPushButton *mergeButton() const { return m_merge; }
    QPushButton *closeButton() const { return m_close; }
    QProgressBar *progressBar() const { return m_progress; }
    bool isRunning() const { return m_running; }
    void cancel() { m_cancelRequested = true; }

    // While running, closing the window cancels instead.
    void reject() override;

Q_SIGNALS:
    void mergeStarted();
    // merged: it went through (a refused, cancelled or failed merge changes
    // nothing).
    void mergeFinished(bool merged);

private:
    ProjectSession &m_session;
    QStringList m_sources;
    QListWidget *m_list = nullptr;
    QLabel *m_warning = nullptr;
    QLabel *m_step = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_report = nullptr;
    QPushButton *m_merge = nullptr;
    QPushButton *m_close = nullptr;
    bool m_running = false;
    bool m_done = false;
    bool m_cancelRequested = false;
};
