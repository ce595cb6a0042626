#include "commands/ImportCodebookCommand.h"

#include "base/ProjectError.h"
#include "store/ConcurrentEditError.h"
#include "store/ProjectSession.h"

#include <QCoreApplication>
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
            readAdded();
            return;
        }
        QSet<qint64> codesBefore, categoriesBefore;
        for (const Code &c : m_session.codebook().codes())
            codesBefore.insert(c.id);
        for (const Category &c : m_session.codebook().categories())
            categoriesBefore.insert(c.id);
        m_result = CodebookFile::merge(m_session, m_json, m_origin);
        QSet<qint64> added;
        for (const Code &c : m_session.codebook().codes()) {
            if (!codesBefore.contains(c.id)) {
                added.insert(c.id);
                m_addedCodes.append(c);
            }
        }
        for (const Code &c : std::as_const(m_addedCodes)) {
            if (!added.contains(c.parentId))
                m_topCodes.append(c.id);
        }
        for (const Category &c : m_session.codebook().categories()) {
            if (!categoriesBefore.contains(c.id))
                m_addedCategories.append(c);
        }
        readAdded();
        m_done = true;
    });
}

void ImportCodebookCommand::undo()
{
    attempt([this] { takeOut(true); }, [this] { takeOut(false); });
}

void ImportCodebookCommand::readAdded()
{
    CodebookRepository &codebook = m_session.codebook();
    for (Code &c : m_addedCodes) {
        if (const auto now = codebook.code(c.id))
            c = *now;
        remember(c);
    }
    for (Category &c : m_addedCategories) {
        if (const auto now = codebook.category(c.id))
            c = *now;
        remember(c);
    }
}

void ImportCodebookCommand::takeOut(bool asLeft)
{
    CodebookRepository &codebook = m_session.codebook();
    if (asLeft) {
        for (const Code &c : std::as_const(m_addedCodes)) {
            try {
                codebook.claimCode(expected(c));
            } catch (const ConcurrentEditError &e) {
                if (!e.deleted())
                    throw; // edited: ask; deleted: what undo wants anyway
            }
        }
    }
    m_removals.clear();
    for (qint64 id : std::as_const(m_topCodes)) {
        const auto code = codebook.code(id);
        if (!code)
            continue; // applying again: another coder deleted it meanwhile
        const CodeRemoval removal = codebook.removalPreview(id);
        if (removal.touchedAnnotations > 0)
            throw ProjectError(
                QCoreApplication::translate("ImportCodebookCommand",
                                            "The imported code “%1” now codes %n annotation(s); "
                                            "undoing the import would delete them. Delete the "
                                            "code from the codebook if that is what you mean.",
                                            nullptr, removal.touchedAnnotations)
                    .arg(code->name));
        m_removals.append(codebook.removeCode(id));
    }
    for (const Category &c : std::as_const(m_addedCategories)) {
        if (!codebook.category(c.id))
            continue;
        if (asLeft)
            codebook.removeCategory(expected(c));
        else
            codebook.removeCategory(c.id);
    }
}
