#pragma once

namespace KSyntaxHighlighting {
class Repository;
}

// The process's one KSyntaxHighlighting repository, created on first use:
// loading every bundled definition and theme is slow and memory-hungry, so
// the SQL console and the reading lens share it. A reload (the lens reloads
// after each lexicon edit) invalidates every Definition handed out before:
// holders fetch theirs again on Repository::reloaded.
class SyntaxRepository
{
public:
    static KSyntaxHighlighting::Repository &instance();
};
