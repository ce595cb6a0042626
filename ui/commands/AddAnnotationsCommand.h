#pragma once

#include "commands/StoreCommand.h"
#include "domain/Annotation.h"
#include "domain/AnnotationRecord.h"

// Codes many spans in one step (every occurrence of a phrase): one unit of
// work to add, one to take them all back. Later redos put back the very
// same annotations, with whatever they had become before the undo.
class AddAnnotationsCommand final : public StoreCommand
{
public:
    AddAnnotationsCommand(ProjectSession &store, const QList<NewAnnotation> &requests,
                          ErrorHandler onError = {});

    void redo() override;
    void undo() override;

    const QList<qint64> &annotationIds() const { return m_ids; }

private:
    QList<NewAnnotation> m_requests;
    QList<qint64> m_ids;
    QList<AnnotationRecord> m_undone;
};
