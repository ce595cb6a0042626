#include "AddAnnotationsCommand.h"

#include "store/ProjectStore.h"

#include <QCoreApplication>

AddAnnotationsCommand::AddAnnotationsCommand(ProjectStore &store,
                                             const QList<NewAnnotation> &requests,
                                             ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_requests(requests)
{
    setText(QCoreApplication::translate("AddAnnotationsCommand", "Code %1 Occurrences")
                .arg(requests.size()));
}

void AddAnnotationsCommand::redo()
{
    attempt([this] {
        if (!m_saved.isEmpty()) {
            m_store.restoreAnnotations(m_saved);
            return;
        }
        for (qint64 id : m_store.addAnnotations(m_requests)) {
            if (auto a = m_store.annotation(id))
                m_saved.append(*a);
        }
    });
}

void AddAnnotationsCommand::undo()
{
    QList<qint64> ids;
    for (const Annotation &a : std::as_const(m_saved))
        ids.append(a.id);
    attempt([&] { m_store.removeAnnotations(ids); });
}
