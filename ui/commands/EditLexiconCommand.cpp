#include "commands/EditLexiconCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

EditLexiconCommand::EditLexiconCommand(ProjectSession &store, QHash<QString, QStringList> lists,
                                       ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_after(std::move(lists))
{
    setText(QCoreApplication::translate("EditLexiconCommand", "Edit Lens Lexicons"));
}

QHash<QString, QStringList> EditLexiconCommand::put(const QHash<QString, QStringList> &lists)
{
    QHash<QString, QStringList> replaced;
    UnitOfWork unit(m_session.database());
    for (auto it = lists.cbegin(); it != lists.cend(); ++it) {
        const QString language = it.key().section(QLatin1Char('/'), 0, 0);
        const QString cue = it.key().section(QLatin1Char('/'), 1);
        replaced.insert(it.key(), m_session.lexicon().setTerms(cue, language, it.value()));
    }
    unit.commit();
    return replaced;
}

void EditLexiconCommand::redo()
{
    attempt([this] { m_before = put(m_after); });
}

void EditLexiconCommand::undo()
{
    attempt([this] { put(m_before); });
}
