#include "library/ArticleActions.h"

#include "base/ProjectError.h"
#include "commands/DeleteArticlesCommand.h"
#include "commands/ImportArticlesCommand.h"
#include "commands/RewriteTextCommand.h"
#include "import/ReExtraction.h"
#include "store/ProjectSession.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QUndoStack>
#include <QWidget>

ArticleActions::ArticleActions(QUndoStack &undo, QWidget *window, StoreCommand::ErrorHandler onError)
    : QObject(window)
    , m_undo(undo)
    , m_window(window)
    , m_onError(std::move(onError))
{
    m_delete = new QAction(tr("&Delete Articles…"), this);
    m_delete->setObjectName(QStringLiteral("deleteArticlesAction"));
    m_delete->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_delete, &QAction::triggered, this, [this] {
        if (m_selected)
            deleteArticles(m_selected());
    });
    m_reextract = new QAction(tr("&Re-extract Text from Stored Page"), this);
    m_reextract->setObjectName(QStringLiteral("reextractAction"));
    m_reextract->setToolTip(tr("Run main-text extraction again on the page this article was "
                               "imported from; the text changes only if every annotation keeps "
                               "its place"));
    connect(m_reextract, &QAction::triggered, this, [this] {
        if (m_current && m_current())
            reextract(m_current());
    });
}

void ArticleActions::setSession(ProjectSession *session)
{
    m_session = session;
    const bool writable = session && !session->isReadOnly();
    m_delete->setEnabled(writable);
    m_reextract->setEnabled(writable);
}

void ArticleActions::setSelection(Selection selected, std::function<qint64()> current)
{
    m_selected = std::move(selected);
    m_current = std::move(current);
}

bool ArticleActions::deleteArticles(const QList<qint64> &ids, bool confirm)
{
    if (!m_session || ids.isEmpty())
        return false;
    if (confirm) {
        ArticleDeletion preview;
        try {
            preview = m_session->articles().removalPreview(ids);
        } catch (const ProjectError &e) {
            m_onError(e.message());
            return false;
        }
        const QString what = preview.articles.size() == 1
            ? tr("“%1”").arg(preview.articles.constFirst().title.toHtmlEscaped())
            : tr("%n articles", nullptr, int(preview.articles.size()));
        QString text = tr("Delete %1?").arg(what);
        QStringList with;
        if (!preview.annotations.isEmpty())
            with << tr("%n annotation(s)", nullptr, int(preview.annotations.size()));
        if (!preview.memos.isEmpty())
            with << tr("%n memo(s)", nullptr, int(preview.memos.size()));
        if (!with.isEmpty())
            text += QStringLiteral("<br>") + tr("Their %1 go too.").arg(with.join(tr(" and ")));
        text += QStringLiteral("<br><br>") + tr("Edit ▸ Undo brings everything back.");
        QMessageBox box(QMessageBox::Warning, tr("Delete Articles"), text,
                        QMessageBox::Cancel, m_window);
        box.setTextFormat(Qt::RichText);
        box.setObjectName(QStringLiteral("deleteArticlesConfirmation"));
        QPushButton *yes = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != static_cast<QAbstractButton *>(yes))
            return false;
    }
    auto failed = std::make_shared<bool>(false);
    auto onError = [failed, report = m_onError](const QString &message) {
        *failed = true;
        report(message);
    };
    m_undo.push(new DeleteArticlesCommand(*m_session, ids, onError));
    return !*failed;
}

bool ArticleActions::reextract(qint64 articleId, bool quiet)
{
    if (!m_session)
        return false;
    ReExtraction::Plan plan;
    try {
        plan = ReExtraction::plan(*m_session, articleId);
    } catch (const ProjectError &e) {
        m_onError(e.message());
        return false;
    }
    const auto tell = [&](QMessageBox::Icon icon, const QString &text, const QString &details = {}) {
        if (quiet)
            return;
        QMessageBox box(icon, tr("Re-extract Text"), text, QMessageBox::Ok, m_window);
        box.setObjectName(QStringLiteral("reextractReport"));
        box.setTextFormat(Qt::PlainText);
        box.setDetailedText(details);
        box.exec();
    };
    if (!plan.textChanged) {
        tell(QMessageBox::Information, tr("Extraction gives the same text as before; nothing changed."));
        return false;
    }
    if (!plan.unplaced.isEmpty()) {
        QStringList lines;
        for (const Annotation &a : std::as_const(plan.unplaced))
            lines << tr("%1–%2: “%3”").arg(a.start).arg(a.end).arg(a.quote);
        tell(QMessageBox::Warning,
             tr("The new extraction was not applied: %n annotation(s) would lose their place. "
                "The article is unchanged.",
                nullptr, int(plan.unplaced.size())),
             lines.join(QLatin1Char('\n')));
        return false;
    }
    auto failed = std::make_shared<bool>(false);
    auto onError = [failed, report = m_onError](const QString &message) {
        *failed = true;
        report(message);
    };
    m_undo.push(new RewriteTextCommand(*m_session, plan.rewrite, onError));
    if (!*failed)
        tell(QMessageBox::Information,
             tr("The text was replaced by the new extraction; %n annotation(s) moved with it.",
                nullptr, plan.placed));
    return !*failed;
}

void ArticleActions::recordImport(const QList<qint64> &addedIds)
{
    if (m_session && !addedIds.isEmpty())
        m_undo.push(new ImportArticlesCommand(*m_session, addedIds, m_onError));
}
