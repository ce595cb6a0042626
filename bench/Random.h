#pragma once

#include <QtGlobal>

// A small deterministic generator (SplitMix64). The standard distributions
// differ between standard libraries, so the corpus would not be the same
// everywhere; this one gives the same numbers on every platform.
class Random
{
public:
    explicit Random(quint64 seed);

    quint64 next();
    // A number in [0, bound); bound > 0.
    qint64 below(qint64 bound);
    // A number in [low, high].
    qint64 between(qint64 low, qint64 high);
    bool chance(double probability);

private:
    quint64 m_state;
};
