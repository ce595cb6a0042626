#include "reader/ReaderFilterMenus.h"

#include "reader/ReaderView.h"
#include "store/ProjectSession.h"

#include <QMenu>

ReaderFilterMenus::ReaderFilterMenus(ReaderView *reader, std::function<ProjectSession *()> store,
                                     QMenu *categories, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_session(std::move(store))
    , m_categories(categories)
{
    connect(m_categories, &QMenu::aboutToShow, this, &ReaderFilterMenus::fillCategories);
}

void ReaderFilterMenus::fillCategories()
{
    m_categories->clear();
    if (ProjectSession *store = m_session()) {
        for (const Category &category : store->codebook().categories())
            addToggle(m_categories, category.name, m_reader->isCategoryVisible(category.id),
                      [reader = m_reader, id = category.id](bool on) {
                          reader->setCategoryVisible(id, on);
                      });
    }
}

void ReaderFilterMenus::addToggle(QMenu *menu, const QString &label, bool visible,
                                  const std::function<void(bool)> &setVisible)
{
    QAction *action = menu->addAction(label);
    action->setCheckable(true);
    action->setChecked(visible);
    connect(action, &QAction::toggled, m_reader, setVisible);
}
