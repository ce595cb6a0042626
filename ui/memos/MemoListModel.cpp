#include "memos/MemoListModel.h"

#include "shell/LiteralText.h"
#include "store/ProjectSession.h"

#include <QLocale>

MemoListModel::MemoListModel(ProjectSession &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(store)
{
    refresh();
    // Memos are few; their targets are shown by name, so renames count too.
    connect(&m_session, &ProjectSession::changed, this, [this](const ChangeSet &changes) {
        using A = ChangeSet::Aggregate;
        if (changes.touches(A::Memo) || changes.touches(A::Coder)
            || (!m_memos.isEmpty()
                && (changes.touches(A::Code) || changes.touches(A::Article)
                    || changes.touches(A::Actor) || changes.touches(A::Annotation))))
            refresh();
    });
}

void MemoListModel::refresh()
{
    beginResetModel();
    m_memos = m_session.memos().all();
    m_targets.clear();
    for (const Memo &m : std::as_const(m_memos))
        m_targets.append(targetText(m));
    m_coders.clear();
    for (const ::Coder &c : m_session.coders().all())
        m_coders.insert(c.id, c.name);
    endResetModel();
}

int MemoListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_memos.size());
}

int MemoListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int MemoListModel::rowOf(qint64 memoId) const
{
    for (int i = 0; i < m_memos.size(); ++i) {
        if (m_memos[i].id == memoId)
            return i;
    }
    return -1;
}

QString MemoListModel::targetText(const Memo &m) const
{
    switch (m.target) {
    case Memo::Target::Project:
        return tr("Project");
    case Memo::Target::Article: {
        const auto a = m_session.articles().get(m.targetId);
        return a ? tr("Article: %1").arg(a->title) : tr("Article (deleted)");
    }
    case Memo::Target::Code: {
        const auto c = m_session.codebook().code(m.targetId);
        return c ? tr("Code: %1").arg(c->name) : tr("Code (deleted)");
    }
    case Memo::Target::Annotation: {
        const auto a = m_session.annotations().get(m.targetId);
        return a ? tr("Annotation: “%1”").arg(a->quote.simplified().left(40))
                 : tr("Annotation (deleted)");
    }
    case Memo::Target::Actor:
        return tr("Actor #%1").arg(m.targetId);
    }
    return {};
}

QVariant MemoListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Memo &m = m_memos.at(index.row());
    if (role == MemoIdRole)
        return m.id;
    if (role == Qt::ToolTipRole)
        return LiteralText::html(m.body);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Target:
        return m_targets.value(index.row());
    case Title:
        return m.title;
    case FirstLine:
        return m.body.section(QLatin1Char('\n'), 0, 0);
    case Coder:
        return m_coders.value(m.coderId);
    case Date:
        return QLocale().toString(m.modified.toLocalTime(), QLocale::ShortFormat);
    }
    return {};
}

QVariant MemoListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Target:
        return tr("About");
    case Title:
        return tr("Title");
    case FirstLine:
        return tr("Memo");
    case Coder:
        return tr("Coder");
    case Date:
        return tr("Date");
    }
    return {};
}
