#include "shell/SyntaxRepository.h"

#include <KSyntaxHighlighting/Repository>

KSyntaxHighlighting::Repository &SyntaxRepository::instance()
{
    // Built on first use, on the GUI thread, and never destroyed before the
    // widgets whose highlighters hold its definitions.
    static KSyntaxHighlighting::Repository repository;
    return repository;
}
