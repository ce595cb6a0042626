#include "ImportProgressBar.h"

#include <QByteArray>
#include <unistd.h>

ImportProgressBar::ImportProgressBar(FILE *stream)
    : m_stream(stream)
    , m_tty(isatty(fileno(stream)) != 0)
{
}

ImportProgressBar::~ImportProgressBar()
{
    clear();
}

void ImportProgressBar::update(int done, int total)
{
    if (!m_tty || total <= 0)
        return;
    // Redrawing for every small file would cost more than the import.
    if (m_drawn && done < total && m_sinceDraw.isValid() && m_sinceDraw.elapsed() < 100)
        return;
    m_sinceDraw.start();
    constexpr int width = 30;
    const int filled = int(qint64(width) * done / total);
    QByteArray line = "\r[" + QByteArray(filled, '#') + QByteArray(width - filled, '-') + "] "
        + QByteArray::number(done) + '/' + QByteArray::number(total) + ' '
        + QByteArray::number(qint64(100) * done / total) + '%';
    if (!m_label.isEmpty())
        line += ' ' + m_label;
    std::fwrite(line.constData(), 1, size_t(line.size()), m_stream);
    std::fflush(m_stream);
    m_drawn = true;
}

void ImportProgressBar::clear()
{
    if (!m_drawn)
        return;
    std::fputs("\r\033[K", m_stream);
    std::fflush(m_stream);
    m_drawn = false;
}
