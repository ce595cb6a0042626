#pragma once

#include <QObject>

#include <functional>

class ProjectSession;
class QMenu;
class ReaderView;

// View > Show Categories: one checkable item per category of the project;
// unchecking hides that part of the highlighting in the reader. Filled each
// time the menu opens, so it follows codebook edits and project changes.
// (Coders have their own menu, CoderVisibilityActions: hiding a coder also
// hides their annotations from the lists.)
class ReaderFilterMenus final : public QObject
{
    Q_OBJECT

public:
    // `store` is asked for whenever the menu opens (the project can change).
    ReaderFilterMenus(ReaderView *reader, std::function<ProjectSession *()> store, QMenu *categories,
                      QObject *parent = nullptr);

    void fillCategories();

private:
    // A checkable item for one category, calling setVisible on toggle.
    void addToggle(QMenu *menu, const QString &label, bool visible,
                   const std::function<void(bool)> &setVisible);

    ReaderView *m_reader;
    std::function<ProjectSession *()> m_session;
    QMenu *m_categories;
};
