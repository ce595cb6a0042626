#include "ReaderFilterMenus.h"

#include "ReaderView.h"
#include "store/ProjectStore.h"

#include <QMenu>

ReaderFilterMenus::ReaderFilterMenus(ReaderView *reader, std::function<ProjectStore *()> store,
                                     QMenu *categories, QMenu *coders, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_store(std::move(store))
    , m_categories(categories)
    , m_coders(coders)
{
    connect(m_categories, &QMenu::aboutToShow, this, &ReaderFilterMenus::fillCategories);
    connect(m_coders, &QMenu::aboutToShow, this, &ReaderFilterMenus::fillCoders);
}

void ReaderFilterMenus::fillCategories()
{
    m_categories->clear();
    ProjectStore *store = m_store();
    if (!store)
        return;
    for (const Category &category : store->categories()) {
        QAction *action = m_categories->addAction(category.name);
        action->setCheckable(true);
        action->setChecked(m_reader->isCategoryVisible(category.id));
        const qint64 id = category.id;
        connect(action, &QAction::toggled, m_reader, [reader = m_reader, id](bool on) {
            reader->setCategoryVisible(id, on);
        });
    }
}

void ReaderFilterMenus::fillCoders()
{
    m_coders->clear();
    ProjectStore *store = m_store();
    if (!store)
        return;
    for (const Coder &coder : store->coders()) {
        QAction *action = m_coders->addAction(coder.name);
        action->setCheckable(true);
        action->setChecked(m_reader->isCoderVisible(coder.name));
        const QString name = coder.name;
        connect(action, &QAction::toggled, m_reader, [reader = m_reader, name](bool on) {
            reader->setCoderVisible(name, on);
        });
    }
}
