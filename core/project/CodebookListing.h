#pragma once

#include <QString>

class ProjectSession;

// The codebook as a text tree for the command line: each category, then its
// codes indented by depth as NAME<TAB>SHORTCUT<TAB>ANNOTATIONS.
class CodebookListing
{
public:
    static QString text(const ProjectSession &store);
};
