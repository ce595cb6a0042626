#include "Measurement.h"

#include <algorithm>

Measurement::Measurement(QString name, QString unit, double target, Better better)
    : m_name(std::move(name))
    , m_unit(std::move(unit))
    , m_target(target)
    , m_better(better)
{
}

double Measurement::median() const
{
    if (m_samples.isEmpty())
        return 0;
    QList<double> s = m_samples;
    std::sort(s.begin(), s.end());
    const qsizetype n = s.size();
    return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

double Measurement::min() const
{
    return m_samples.isEmpty() ? 0 : *std::min_element(m_samples.begin(), m_samples.end());
}

double Measurement::max() const
{
    return m_samples.isEmpty() ? 0 : *std::max_element(m_samples.begin(), m_samples.end());
}

bool Measurement::pass() const
{
    if (m_samples.isEmpty())
        return false;
    return m_better == Better::Lower ? median() <= m_target : median() >= m_target;
}

QString Measurement::targetText() const
{
    return QStringLiteral("%1 %2 %3")
        .arg(m_better == Better::Lower ? QStringLiteral("<=") : QStringLiteral(">="))
        .arg(m_target)
        .arg(m_unit);
}
