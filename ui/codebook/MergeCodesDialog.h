#pragma once

#include <QDialog>

class ProjectSession;
class QComboBox;
class QLabel;

// Picks the code that another one is merged into. Its own sub-codes are
// not offered: a code cannot be merged into them.
class MergeCodesDialog final : public QDialog
{
    Q_OBJECT

public:
    MergeCodesDialog(const ProjectSession &store, qint64 sourceId, QWidget *parent = nullptr);

    qint64 targetId() const;
    QComboBox *targetBox() const { return m_targets; }

private:
    QComboBox *m_targets = nullptr;
    QLabel *m_summary = nullptr;
};
