#pragma once

#include <QWidget>

class CodebookModel;
class ProjectStore;
class QTreeView;

// The codebook tree. Activating a code (double-click or Enter) asks for it
// to be applied to the reader's selection.
class CodebookPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit CodebookPanel(ProjectStore &store, QWidget *parent = nullptr);

    CodebookModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void codeActivated(qint64 codeId);

private:
    CodebookModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
};
