#pragma once

#include <QObject>

#include <functional>

class ProjectSession;
class QMenu;
class ReaderView;

// View > Show Categories and View > Show Coders: one checkable item per
// category and per coder of the project; unchecking hides that part of the
// highlighting in the reader. Filled each time a menu opens, so the lists
// follow codebook edits and project changes.
class ReaderFilterMenus final : public QObject
{
    Q_OBJECT

public:
    // `store` is asked for whenever a menu opens (the project can change).
    ReaderFilterMenus(ReaderView *reader, std::function<ProjectSession *()> store, QMenu *categories,
                      QMenu *coders, QObject *parent = nullptr);

    void fillCategories();
    void fillCoders();

private:
    // A checkable item for one category or coder, calling setVisible on toggle.
    void addToggle(QMenu *menu, const QString &label, bool visible,
                   const std::function<void(bool)> &setVisible);

    ReaderView *m_reader;
    std::function<ProjectSession *()> m_session;
    QMenu *m_categories;
    QMenu *m_coders;
};
