#pragma once

// Starts the graphical application: parses the GUI options (a project file,
// --screenshot FILE, --article ID), opens or creates the project and shows
// the main window. Returns the process exit code.
class GuiLauncher
{
public:
    static int run(int argc, char *argv[]);
};
