#include "actors/ActorListModel.h"

#include "store/ProjectSession.h"

ActorListModel::ActorListModel(ProjectSession &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(store)
{
    // Actors are few; mention counts change when links to them do.
    connect(&m_session, &ProjectSession::changed, this, [this](const ChangeSet &changes) {
        if (changes.touches(ChangeSet::Aggregate::Actor) || !changes.actorUsage().isEmpty())
            refresh();
    });
    refresh();
}

void ActorListModel::refresh()
{
    beginResetModel();
    m_actors = m_session.actors().all();
    // Counting reads every annotation; without actors there is nothing to count.
    m_mentions = m_actors.isEmpty() ? QHash<qint64, int>{} : m_session.actors().mentionCounts();
    endResetModel();
}

int ActorListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_actors.size());
}

int ActorListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ActorListModel::rowOf(qint64 actorId) const
{
    for (qsizetype i = 0; i < m_actors.size(); ++i) {
        if (m_actors[i].id == actorId)
            return int(i);
    }
    return -1;
}

QVariant ActorListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Actor &a = m_actors[index.row()];
    switch (role) {
    case ActorIdRole:
        return a.id;
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return a.name;
        case Aliases:
            return a.aliases.join(QStringLiteral(", "));
        case Mentions:
            return m_mentions.value(a.id);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Mentions)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole: {
        QString tip
            = QStringLiteral("<b>%1</b> (%2)").arg(a.name.toHtmlEscaped(), a.kind.toHtmlEscaped());
        if (!a.aliases.isEmpty())
            tip += QStringLiteral("<br>")
                + tr("Also: %1").arg(a.aliases.join(QStringLiteral(", ")).toHtmlEscaped());
        if (!a.description.isEmpty())
            tip += QStringLiteral("<br><i>%1</i>").arg(a.description.toHtmlEscaped());
        return tip;
    }
    }
    return {};
}

QVariant ActorListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Actor");
    case Aliases:
        return tr("Aliases");
    case Mentions:
        return tr("Mentions");
    }
    return {};
}
