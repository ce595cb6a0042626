#include "commands/RewriteTextCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

RewriteTextCommand::RewriteTextCommand(ProjectSession &store, TextRewrite rewrite, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_rewrite(std::move(rewrite))
{
    setText(QCoreApplication::translate("RewriteTextCommand", "Re-extract Article Text"));
}

void RewriteTextCommand::redo()
{
    attempt([this] { m_session.articles().rewriteText(m_rewrite); });
}

void RewriteTextCommand::undo()
{
    attempt([this] { m_session.articles().rewriteText(m_rewrite.reversed()); });
}
