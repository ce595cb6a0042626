#include "commands/SetClaimCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

SetClaimCommand::SetClaimCommand(ProjectSession &store, std::optional<Claim> before,
                                 const Claim &after, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_before(std::move(before))
    , m_after(after)
{
    setText(QCoreApplication::translate("SetClaimCommand", "Edit Claim"));
}

void SetClaimCommand::redo()
{
    attempt([this] { m_session.annotations().setClaim(m_after); });
}

void SetClaimCommand::undo()
{
    attempt([this] {
        if (m_before)
            m_session.annotations().setClaim(*m_before);
        else
            m_session.annotations().clearClaim(m_after.annotationId);
    });
}
