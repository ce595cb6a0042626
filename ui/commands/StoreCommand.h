#pragma once

#include <QUndoCommand>
#include <functional>

class ProjectSession;

// Base of the commands that change a project: each redo and undo runs in
// one unit of work, committed at once, whatever it calls. A refusal is
// reported through onError and makes the command obsolete, which drops it
// from the stack.
class StoreCommand : public QUndoCommand
{
public:
    using ErrorHandler = std::function<void(const QString &message)>;

protected:
    StoreCommand(ProjectSession &store, ErrorHandler onError, QUndoCommand *parent = nullptr);
    bool attempt(const std::function<void()> &change);

    ProjectSession &m_session;

private:
    ErrorHandler m_onError;
};
