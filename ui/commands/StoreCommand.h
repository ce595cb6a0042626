#pragma once

#include <QUndoCommand>
#include <functional>

class ProjectStore;

// Base of the annotating commands: each step is one store call, committed
// at once. A refusal is reported through onError and makes the command
// obsolete, which drops it from the stack.
class StoreCommand : public QUndoCommand
{
public:
    using ErrorHandler = std::function<void(const QString &message)>;

protected:
    StoreCommand(ProjectStore &store, ErrorHandler onError, QUndoCommand *parent = nullptr);
    bool attempt(const std::function<void()> &change);

    ProjectStore &m_store;

private:
    ErrorHandler m_onError;
};
