#include "commands/StoreCommand.h"

#include "base/ProjectError.h"
#include "commands/VersionLedger.h"
#include "store/ConcurrentEditError.h"
#include "store/ProjectSession.h"

StoreCommand::StoreCommand(ProjectSession &store, ErrorHandler onError, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_session(store)
    , m_onError(std::move(onError))
{
}

bool StoreCommand::attempt(const std::function<void()> &change)
{
    return attempt(change, {});
}

bool StoreCommand::attempt(const std::function<void()> &change,
                           const std::function<void()> &applyAgain)
{
    // Refused or reloaded, a command inside a macro stays on the stack with
    // it (only the macro could be dropped): from then on it does nothing,
    // as it did nothing the time it was refused or reloaded.
    if (isObsolete())
        return false;
    const std::function<void()> *step = &change;
    // Applying again may meet yet another commit: ask again until one of
    // the two choices is carried out.
    for (;;) {
        try {
            // Each step of a command is one user action: one unit of work,
            // committed whole or not at all, announced by one change event.
            UnitOfWork unit(m_session.database());
            (*step)();
            unit.commit();
            return true;
        } catch (const ConcurrentEditError &conflict) {
            if (!m_onConflict || !applyAgain) {
                refuse(conflict.message());
                return false;
            }
            if (m_onConflict(conflict) == ConflictChoice::ApplyMine && !conflict.deleted()) {
                step = &applyAgain;
                continue;
            }
            // Reload: the handler showed theirs; this edit is dropped.
            setObsolete(true);
            return false;
        } catch (const ProjectError &e) {
            refuse(e.message());
            return false;
        }
    }
}

void StoreCommand::refuse(const QString &message)
{
    setObsolete(true);
    if (m_onError)
        m_onError(message);
}

namespace {
using Subject = ConcurrentEditError::Subject;
} // namespace

Code StoreCommand::expected(const Code &known) const
{
    Code code = known;
    code.version = VersionLedger::of(m_session).version(Subject::Code, known.id, known.version);
    return code;
}

Category StoreCommand::expected(const Category &known) const
{
    Category category = known;
    category.version
        = VersionLedger::of(m_session).version(Subject::Category, known.id, known.version);
    return category;
}

Actor StoreCommand::expected(const Actor &known) const
{
    Actor actor = known;
    actor.version = VersionLedger::of(m_session).version(Subject::Actor, known.id, known.version);
    return actor;
}

void StoreCommand::remember(const Code &written)
{
    VersionLedger::of(m_session).record(Subject::Code, written.id, written.version);
}

void StoreCommand::remember(const Category &written)
{
    VersionLedger::of(m_session).record(Subject::Category, written.id, written.version);
}

void StoreCommand::remember(const Actor &written)
{
    VersionLedger::of(m_session).record(Subject::Actor, written.id, written.version);
}
