#include "commands/AnnotationCodeCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

AnnotationCodeCommand::AnnotationCodeCommand(ProjectSession &store, qint64 annotationId,
                                             qint64 codeId, Change change, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_annotationId(annotationId)
    , m_codeId(codeId)
    , m_change(change)
{
    setText(change == Change::Add
                ? QCoreApplication::translate("AnnotationCodeCommand", "Add Code")
                : QCoreApplication::translate("AnnotationCodeCommand", "Remove Code"));
}

void AnnotationCodeCommand::apply(bool add)
{
    attempt([&] {
        if (add)
            m_session.annotations().addCode(m_annotationId, m_codeId);
        else
            m_session.annotations().removeCode(m_annotationId, m_codeId);
    });
}

void AnnotationCodeCommand::redo()
{
    apply(m_change == Change::Add);
}

void AnnotationCodeCommand::undo()
{
    apply(m_change != Change::Add);
}
