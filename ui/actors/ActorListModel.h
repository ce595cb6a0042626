#pragma once

#include "domain/Actor.h"

#include <QAbstractTableModel>
#include <QHash>

class ProjectSession;

// The project's canonical actors with their aliases and how often they are
// mentioned across all articles; follows the store.
class ActorListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Aliases,
        Mentions,
        ColumnCount
    };
    enum Role
    {
        ActorIdRole = Qt::UserRole + 1
    };

    explicit ActorListModel(ProjectSession &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    Actor actor(int row) const { return m_actors.value(row); }
    int rowOf(qint64 actorId) const; // -1 if absent
    int mentions(qint64 actorId) const { return m_mentions.value(actorId); }
    void refresh();

private:
    ProjectSession &m_session;
    QList<Actor> m_actors;
    QHash<qint64, int> m_mentions;
};
