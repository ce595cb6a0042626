#pragma once

#include "commands/StoreCommand.h"
#include "domain/TextRewrite.h"

// Replaces an article's text by a new extraction with every annotation
// moved onto it; undo puts the old text and spans back.
class RewriteTextCommand final : public StoreCommand
{
public:
    RewriteTextCommand(ProjectSession &store, TextRewrite rewrite, ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    TextRewrite m_rewrite;
};
