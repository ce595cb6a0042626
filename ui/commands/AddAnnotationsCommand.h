#pragma once

#include "StoreCommand.h"
#include "domain/Annotation.h"

// Codes many spans in one step (every occurrence of a phrase): one
// transaction to add, one to take them all back. Later redos put back the
// very same annotations.
class AddAnnotationsCommand final : public StoreCommand
{
public:
    AddAnnotationsCommand(ProjectStore &store, const QList<NewAnnotation> &requests,
                          ErrorHandler onError = {});

    void redo() override;
    void undo() override;

    const QList<Annotation> &annotations() const { return m_saved; }

private:
    QList<NewAnnotation> m_requests;
    QList<Annotation> m_saved;
};
