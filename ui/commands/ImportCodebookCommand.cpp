#include "commands/ImportCodebookCommand.h"

#include "store/ProjectSession.h"

#include <QSet>

ImportCodebookCommand::ImportCodebookCommand(ProjectSession &store, const QByteArray &json,
                                             const QString &origin, const QString &text,
                                             ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_json(json)
    , m_origin(origin)
{
    setText(text);
}

void ImportCodebookCommand::redo()
{
    attempt([this] {
        if (m_done) {
            for (const Category &c : std::as_const(m_addedCategories))
                m_session.codebook().restoreCategory(c);
            for (const CodeRemoval &r : std::as_const(m_removals))
                m_session.codebook().restoreCode(r);
            return;
        }
        QSet<qint64> codesBefore, categoriesBefore;
        for (const Code &c : m_session.codebook().codes())
            codesBefore.insert(c.id);
        for (const Category &c : m_session.codebook().categories())
            categoriesBefore.insert(c.id);
        m_result = CodebookFile::merge(m_session, m_json, m_origin);
        const QList<Code> codesAfter = m_session.codebook().codes();
        QSet<qint64> added;
        for (const Code &c : codesAfter) {
            if (!codesBefore.contains(c.id))
                added.insert(c.id);
        }
        for (const Code &c : codesAfter) {
            if (added.contains(c.id) && !added.contains(c.parentId))
                m_addedCodes.append(c.id);
        }
        for (const Category &c : m_session.codebook().categories()) {
            if (!categoriesBefore.contains(c.id))
                m_addedCategories.append(c);
        }
        m_done = true;
    });
}

void ImportCodebookCommand::undo()
{
    attempt([this] {
        m_removals.clear();
        for (qint64 id : std::as_const(m_addedCodes))
            m_removals.append(m_session.codebook().removeCode(id));
        for (const Category &c : std::as_const(m_addedCategories))
            m_session.codebook().removeCategory(c.id);
    });
}
