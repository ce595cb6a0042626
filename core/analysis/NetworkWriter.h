#pragma once

#include "domain/AnalysisTables.h"

#include <QByteArray>
#include <QString>
#include <optional>

// The actor network as a file for Gephi, networkx or Graphviz: GraphML and
// GEXF (directed, one node per actor with its kind and counts; edges with
// type "claim" or "co-mention", stance, weight and a colour by stance) or
// DOT (the same, claims as solid arrows, co-mention as dashed lines).
class NetworkWriter
{
public:
    enum class Format
    {
        GraphMl,
        Gexf,
        Dot
    };

    // By file name: .graphml, .gexf or .dot (any case).
    static std::optional<Format> formatForFile(const QString &fileName);
    static QByteArray write(const ActorNetwork &network, Format format);
    static QByteArray toGraphMl(const ActorNetwork &network);
    static QByteArray toGexf(const ActorNetwork &network);
    static QByteArray toDot(const ActorNetwork &network);
    // #rrggbb for a claim's stance: supports green, opposes red, neutral
    // grey, uncoded black; co-mention edges are light grey.
    static QString colour(const ActorNetwork::Edge &edge);
};
