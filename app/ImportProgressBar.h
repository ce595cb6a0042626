#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <cstdio>

// The command line's import progress: a bar redrawn in place when stderr
// is a terminal, nothing otherwise (a plain summary follows either way).
class ImportProgressBar
{
public:
    explicit ImportProgressBar(FILE *stream = stderr);
    ~ImportProgressBar();

    // What is being counted, shown after the figures ("indexing for search").
    void setLabel(const QByteArray &label) { m_label = label; }
    void update(int done, int total);
    // Clears the bar so the messages after it start on a clean line.
    void clear();

private:
    FILE *m_stream;
    QByteArray m_label;
    bool m_tty = false;
    bool m_drawn = false;
    QElapsedTimer m_sinceDraw;
};
