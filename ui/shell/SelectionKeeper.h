#pragma once

#include <QObject>

#include <functional>

class QAbstractItemView;

// Keeps a list's selected row (found again by an id role) and its scroll
// position across its model's resets. The annotation, memo and actor lists
// read everything again on each change, another coder's commit on a team
// project included, and would otherwise drop the user's place. With a
// listKey (the annotation list's article), a reset to another list starts
// afresh.
class SelectionKeeper : public QObject
{
public:
    SelectionKeeper(QAbstractItemView *view, int idRole, std::function<qint64()> listKey = {});

private:
    void remember();
    void restore();

    QAbstractItemView *m_view;
    int m_idRole;
    std::function<qint64()> m_listKey;
    qint64 m_selected = 0;
    qint64 m_key = 0;
    int m_scroll = 0;
};
