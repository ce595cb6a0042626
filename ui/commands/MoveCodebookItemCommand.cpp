#include "commands/MoveCodebookItemCommand.h"

#include "store/ConcurrentEditError.h"
#include "store/ProjectSession.h"

MoveCodebookItemCommand::MoveCodebookItemCommand(ProjectSession &store, const Code &code,
                                                 qint64 categoryId, qint64 parentId, int row,
                                                 const QString &text, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_code(code)
    , m_categoryId(categoryId)
    , m_parentId(parentId)
    , m_row(row)
{
    setText(text);
}

MoveCodebookItemCommand::MoveCodebookItemCommand(ProjectSession &store, const Category &category,
                                                 int row, const QString &text, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_isCategory(true)
    , m_category(category)
    , m_row(row)
{
    setText(text);
}

void MoveCodebookItemCommand::moveItem()
{
    m_before = m_session.codebook().layout();
    if (m_isCategory)
        m_session.codebook().moveCategory(m_category, m_row);
    else
        m_session.codebook().moveCode(m_code, m_categoryId, m_parentId, m_row);
    m_after = m_session.codebook().layout();
    m_done = true;
}

void MoveCodebookItemCommand::claimItem(bool asLeft)
{
    // As this session's commands last left it, or (applying again) as it is.
    if (m_isCategory)
        m_session.codebook().claimCategory(asLeft ? expected(m_category) : m_category);
    else
        m_session.codebook().claimCode(asLeft ? expected(m_code) : m_code);
}

void MoveCodebookItemCommand::readItem()
{
    CodebookRepository &codebook = m_session.codebook();
    if (m_isCategory) {
        const auto now = codebook.category(m_category.id);
        if (!now)
            throw ConcurrentEditError::category(m_category, std::nullopt);
        m_category = *now;
        remember(m_category);
    } else {
        const auto now = codebook.code(m_code.id);
        if (!now)
            throw ConcurrentEditError::code(m_code, std::nullopt);
        m_code = *now;
        remember(m_code);
    }
}

void MoveCodebookItemCommand::redo()
{
    attempt(
        [this] {
            if (m_done) {
                claimItem(true);
                m_session.codebook().restoreLayout(m_after, m_before);
            } else {
                moveItem();
            }
            readItem();
        },
        [this] {
            // Mine again: over whatever the other coder moved meanwhile.
            readItem();
            if (m_done) {
                claimItem(false);
                m_session.codebook().restoreLayout(m_after);
            } else {
                moveItem();
            }
            readItem();
        });
}

void MoveCodebookItemCommand::undo()
{
    attempt(
        [this] {
            claimItem(true);
            m_session.codebook().restoreLayout(m_before, m_after);
            readItem();
        },
        [this] {
            readItem();
            claimItem(false);
            m_session.codebook().restoreLayout(m_before);
            readItem();
        });
}
