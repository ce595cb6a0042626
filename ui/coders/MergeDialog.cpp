#include "coders/MergeDialog.h"

#include "base/ProjectError.h"
#include "store/ProjectLocation.h"
#include "store/ProjectSession.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

MergeDialog::MergeDialog(ProjectSession &session, const QStringList &sources, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_sources(sources)
{
    setObjectName(QStringLiteral("mergeDialog"));
    setWindowTitle(tr("Merge Coders' Projects"));
    const QString target = ProjectLocation::displayName(session.path());

    auto *heading = new QLabel(tr("Merge into %1:").arg(target), this);
    heading->setTextFormat(Qt::PlainText);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("mergeSources"));
    for (const QString &path : sources)
        m_list->addItem(QDir::toNativeSeparators(path));
    m_list->setMaximumHeight(110);

    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("mergeWarning"));
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setText(
        tr("Categories, codes, articles, coders, actors, annotations and memos that %1 lacks are "
           "added; what it has already (the same UUID, article text or name) is kept, so merging "
           "a copy again adds nothing. If anything conflicts (a code renamed differently, an "
           "annotation moved), nothing is changed and the conflicts are listed.\n\n"
           "The merge is one step that cannot be undone: Undo (Ctrl+Z) will not take it back. "
           "Keep a copy of %1 if you may want it as it is now.")
            .arg(target));

    m_step = new QLabel(this);
    m_step->setTextFormat(Qt::PlainText);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_report = new QPlainTextEdit(this);
    m_report->setObjectName(QStringLiteral("mergeReport"));
    m_report->setReadOnly(true);
    m_report->setPlaceholderText(tr("The report appears here: what was added, what was already "
                                    "there, or the conflicts."));

    auto *buttons = new QDialogButtonBox(this);
    m_merge = buttons->addButton(tr("&Merge"), QDialogButtonBox::AcceptRole);
    m_merge->setObjectName(QStringLiteral("mergeButton"));
    m_close = buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_merge, &QPushButton::clicked, this, [this] { merge(); });
    connect(m_close, &QPushButton::clicked, this, &MergeDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_list);
    layout->addWidget(m_warning);
    layout->addWidget(m_step);
    layout->addWidget(m_progress);
    layout->addWidget(m_report, 1);
    layout->addWidget(buttons);
    resize(600, 480);
}

void MergeDialog::reject()
{
    if (m_running)
        m_cancelRequested = true;
    else
        QDialog::reject();
}

ProjectMerge::Report MergeDialog::merge()
{
    ProjectMerge::Report report;
    if (m_running || m_done)
        return report;
    m_running = true;
    m_cancelRequested = false;
    m_merge->setEnabled(false);
    m_report->clear();
    Q_EMIT mergeStarted();
    QString text;
    bool merged = false;
    try {
        report = ProjectMerge::tryMerge(m_session, m_sources,
                                        [this](int step, int steps, const QString &what) {
                                            m_progress->setRange(0, std::max(1, steps));
                                            m_progress->setValue(step);
                                            m_step->setText(what);
                                            QCoreApplication::processEvents();
                                            return !m_cancelRequested;
                                        });
        merged = !report.cancelled && report.conflicts.isEmpty();
        text = describe(report, int(m_sources.size()), ProjectLocation::displayName(m_session.path()));
    } catch (const ProjectError &e) {
        report = {};
        text = tr("The merge failed; nothing was changed.\n\n%1").arg(e.message());
    }
    m_running = false;
    // A merge that went through is done; a refused or cancelled one may be
    // tried again (after fixing the conflict in a copy, say).
    m_done = merged;
    m_merge->setEnabled(!merged);
    m_close->setText(tr("Close"));
    m_step->setText(merged ? tr("Done") : tr("Nothing was changed"));
    m_progress->setValue(m_progress->maximum());
    m_report->setPlainText(text);
    Q_EMIT mergeFinished(merged);
    return report;
}

QString MergeDialog::describe(const ProjectMerge::Report &r, int sources, const QString &target)
{
    if (r.cancelled)
        return tr("The merge was cancelled; nothing was changed.");
    if (!r.conflicts.isEmpty())
        return (r.conflicts.size() == 1
                    ? tr("The merge was refused; nothing was changed. 1 conflict:")
                    : tr("The merge was refused; nothing was changed. %1 conflicts:")
                          .arg(r.conflicts.size()))
            + QStringLiteral("\n\n  ") + r.conflicts.join(QStringLiteral("\n  "));
    QString text = sources == 1 ? tr("Merged 1 project into %1.").arg(target)
                                : tr("Merged %1 projects into %2.").arg(sources).arg(target);
    text += QStringLiteral("\n\n");
    const auto line = [&text](const QString &label, int n) {
        text += QStringLiteral("%1\t%2\n").arg(label).arg(n);
    };
    line(tr("Annotations added:"), r.annotationsAdded);
    line(tr("Annotations already there:"), r.annotationsPresent);
    line(tr("Articles added:"), r.articlesAdded);
    line(tr("Codes added:"), r.codesAdded);
    line(tr("Categories added:"), r.categoriesAdded);
    line(tr("Actors added:"), r.actorsAdded);
    line(tr("Memos added:"), r.memosAdded);
    text += tr("Coders whose annotations were added: %1\n")
                .arg(r.coders.isEmpty() ? tr("none") : r.coders.join(QStringLiteral(", ")));
    return text;
}

QString MergeDialog::reportText() const
{
    return m_report->toPlainText();
}
