#include "reader/ReaderFilterMenus.h"

#include "reader/ReaderView.h"
#include "store/ProjectSession.h"

#include <QMenu>

ReaderFilterMenus::ReaderFilterMenus(ReaderView *reader, std::function<ProjectSession *()> store,
                                     QMenu *categories, QMenu *coders, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_session(std::move(store))
    , m_categories(categories)
    , m_coders(coders)
{
    connect(m_categories, &QMenu::aboutToShow, this, &ReaderFilterMenus::fillCategories);
    connect(m_coders, &QMenu::aboutToShow, this, &ReaderFilterMenus::fillCoders);
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

void ReaderFilterMenus::fillCoders()
{
    m_coders->clear();
    if (ProjectSession *store = m_session()) {
        for (const Coder &coder : store->coders().all())
            addToggle(m_coders, coder.name, m_reader->isCoderVisible(coder.name),
                      [reader = m_reader, name = coder.name](bool on) {
                          reader->setCoderVisible(name, on);
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
