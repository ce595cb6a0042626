#include "SetClaimCommand.h"

#include "store/ProjectStore.h"

#include <QCoreApplication>

SetClaimCommand::SetClaimCommand(ProjectStore &store, std::optional<Claim> before,
                                 const Claim &after, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_before(std::move(before))
    , m_after(after)
{
    setText(QCoreApplication::translate("SetClaimCommand", "Edit Claim"));
}

void SetClaimCommand::redo()
{
    attempt([this] { m_store.setClaim(m_after); });
}

void SetClaimCommand::undo()
{
    attempt([this] {
        if (m_before)
            m_store.setClaim(*m_before);
        else
            m_store.clearClaim(m_after.annotationId);
    });
}
