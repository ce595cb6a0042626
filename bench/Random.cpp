#include "Random.h"

Random::Random(quint64 seed)
    : m_state(seed)
{
}

quint64 Random::next()
{
    quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

qint64 Random::below(qint64 bound)
{
    // The modulo bias is below 2^-40 for the bounds used here.
    return qint64(next() % quint64(bound));
}

qint64 Random::between(qint64 low, qint64 high)
{
    return low + below(high - low + 1);
}

bool Random::chance(double probability)
{
    return double(next() >> 11) * (1.0 / 9007199254740992.0) < probability;
}
