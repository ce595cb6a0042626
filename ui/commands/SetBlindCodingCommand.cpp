#include "commands/SetBlindCodingCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

SetBlindCodingCommand::SetBlindCodingCommand(ProjectSession &store, bool on, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_on(on)
{
    setText(on ? QCoreApplication::translate("SetBlindCodingCommand", "Turn Blind Coding On")
               : QCoreApplication::translate("SetBlindCodingCommand", "Turn Blind Coding Off"));
}

void SetBlindCodingCommand::redo()
{
    attempt([this] { m_session.settings().setBlindCoding(m_on); });
}

void SetBlindCodingCommand::undo()
{
    attempt([this] { m_session.settings().setBlindCoding(!m_on); });
}
