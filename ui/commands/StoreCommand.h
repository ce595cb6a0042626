#pragma once

#include <QUndoCommand>
#include <functional>

class ConcurrentEditError;
class ProjectSession;

// Base of the commands that change a project: each redo and undo runs in
// one unit of work, committed at once, whatever it calls. A refusal is
// reported through onError and makes the command obsolete, which drops it
// from the stack.
//
// When a step meets another coder's commit (ConcurrentEditError: nothing
// was written), the conflict handler asks the user: Reload takes theirs (the
// command is dropped), ApplyMine runs the command's applyAgain, which reads
// the rows as they are now and applies this command's edit to them.
// Without a handler a conflict is reported like any refusal: never silently
// overwritten.
class StoreCommand : public QUndoCommand
{
public:
    using ErrorHandler = std::function<void(const QString &message)>;
    enum class ConflictChoice
    {
        Reload,
        ApplyMine
    };
    using ConflictHandler = std::function<ConflictChoice(const ConcurrentEditError &conflict)>;

    void setConflictHandler(ConflictHandler handler) { m_onConflict = std::move(handler); }

protected:
    StoreCommand(ProjectSession &store, ErrorHandler onError, QUndoCommand *parent = nullptr);
    bool attempt(const std::function<void()> &change);
    bool attempt(const std::function<void()> &change, const std::function<void()> &applyAgain);

    ProjectSession &m_session;

private:
    void refuse(const QString &message);

    ErrorHandler m_onError;
    ConflictHandler m_onConflict;
};
