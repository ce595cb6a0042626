#pragma once

#include "domain/Actor.h"
#include "domain/Category.h"
#include "domain/Code.h"

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
// overwritten. A command so dropped inside a macro does nothing afterwards.
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
    // The row as this command knew it, at the version this session's own
    // commands last left it (VersionLedger): what an undo or a later redo
    // expects to find. The first redo expects what the window showed.
    Code expected(const Code &known) const;
    Category expected(const Category &known) const;
    Actor expected(const Actor &known) const;
    // Notes the version a step of this command left on the row.
    void remember(const Code &written);
    void remember(const Category &written);
    void remember(const Actor &written);
    bool attempt(const std::function<void()> &change);
    bool attempt(const std::function<void()> &change, const std::function<void()> &applyAgain);

    ProjectSession &m_session;

private:
    void refuse(const QString &message);

    ErrorHandler m_onError;
    ConflictHandler m_onConflict;
};
