#include "commands/ConflictPrompt.h"

#include "store/ConcurrentEditError.h"
#include "store/ProjectSession.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace {
ChangeSet::Aggregate aggregateOf(ConcurrentEditError::Subject subject)
{
    switch (subject) {
    case ConcurrentEditError::Subject::Code:
        return ChangeSet::Aggregate::Code;
    case ConcurrentEditError::Subject::Category:
        return ChangeSet::Aggregate::Category;
    case ConcurrentEditError::Subject::Actor:
        return ChangeSet::Aggregate::Actor;
    }
    return ChangeSet::Aggregate::Code;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("ConflictPrompt", text);
}
} // namespace

ConflictPrompt::ConflictPrompt(ProjectSession &store, QWidget *parent)
    : m_store(&store)
    , m_parent(parent)
{
}

StoreCommand::ConflictChoice ConflictPrompt::operator()(const ConcurrentEditError &conflict) const
{
    QMessageBox box(QMessageBox::Warning, tr("Changed by Someone Else"), conflict.message(),
                    QMessageBox::NoButton, m_parent);
    box.setObjectName(QStringLiteral("conflictMessage"));
    box.setTextFormat(Qt::PlainText); // the message quotes names as they are
    QPushButton *mine = nullptr;
    if (!conflict.deleted()) {
        mine = box.addButton(tr("Apply Mine Again"), QMessageBox::AcceptRole);
        mine->setObjectName(QStringLiteral("applyMineButton"));
    }
    QPushButton *reload = box.addButton(tr("Reload"), QMessageBox::RejectRole);
    reload->setObjectName(QStringLiteral("reloadButton"));
    // Taking theirs loses nothing of theirs: the safe default.
    box.setDefaultButton(reload);
    box.setEscapeButton(reload);
    box.exec();
    if (mine && box.clickedButton() == mine)
        return StoreCommand::ConflictChoice::ApplyMine;
    ChangeSet changes;
    if (conflict.deleted())
        changes.remove(aggregateOf(conflict.subject()), conflict.id());
    else
        changes.modify(aggregateOf(conflict.subject()), conflict.id());
    m_store->announceOutsideChanges(changes);
    return StoreCommand::ConflictChoice::Reload;
}
