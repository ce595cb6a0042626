#include "NetworkWriter.h"

#include <QXmlStreamWriter>

namespace {
QString nodeId(qint64 actorId)
{
    return QStringLiteral("a%1").arg(actorId);
}

QString typeName(const ActorNetwork::Edge &e)
{
    return e.type == ActorNetwork::Edge::Type::Claim ? QStringLiteral("claim")
                                                     : QStringLiteral("co-mention");
}

QString dotString(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    escaped.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

void keyDefinition(QXmlStreamWriter &xml, const char *id, const char *forWhat, const char *name,
                   const char *type)
{
    xml.writeStartElement(QStringLiteral("key"));
    xml.writeAttribute(QStringLiteral("id"), QLatin1String(id));
    xml.writeAttribute(QStringLiteral("for"), QLatin1String(forWhat));
    xml.writeAttribute(QStringLiteral("attr.name"), QLatin1String(name));
    xml.writeAttribute(QStringLiteral("attr.type"), QLatin1String(type));
    xml.writeEndElement();
}

void data(QXmlStreamWriter &xml, const char *key, const QString &value)
{
    xml.writeStartElement(QStringLiteral("data"));
    xml.writeAttribute(QStringLiteral("key"), QLatin1String(key));
    xml.writeCharacters(value);
    xml.writeEndElement();
}
} // namespace

std::optional<NetworkWriter::Format> NetworkWriter::formatForFile(const QString &fileName)
{
    const QString lower = fileName.toLower();
    if (lower.endsWith(QLatin1String(".graphml")))
        return Format::GraphMl;
    if (lower.endsWith(QLatin1String(".gexf")))
        return Format::Gexf;
    if (lower.endsWith(QLatin1String(".dot")) || lower.endsWith(QLatin1String(".gv")))
        return Format::Dot;
    return std::nullopt;
}

QByteArray NetworkWriter::write(const ActorNetwork &network, Format format)
{
    switch (format) {
    case Format::GraphMl:
        return toGraphMl(network);
    case Format::Gexf:
        return toGexf(network);
    case Format::Dot:
        return toDot(network);
    }
    return {};
}

QString NetworkWriter::colour(const ActorNetwork::Edge &edge)
{
    if (edge.type == ActorNetwork::Edge::Type::CoMention)
        return QStringLiteral("#b0b0b0");
    if (edge.stance == QLatin1String("supports"))
        return QStringLiteral("#2e9d5b");
    if (edge.stance == QLatin1String("opposes"))
        return QStringLiteral("#d0312d");
    if (edge.stance == QLatin1String("neutral"))
        return QStringLiteral("#7f7f7f");
    return QStringLiteral("#000000");
}

QByteArray NetworkWriter::toGraphMl(const ActorNetwork &network)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("graphml"));
    xml.writeDefaultNamespace(QStringLiteral("http://graphml.graphdrawing.org/xmlns"));
    keyDefinition(xml, "name", "node", "name", "string");
    keyDefinition(xml, "kind", "node", "kind", "string");
    keyDefinition(xml, "uuid", "node", "uuid", "string");
    keyDefinition(xml, "mentions", "node", "mentions", "int");
    keyDefinition(xml, "claims_made", "node", "claims_made", "int");
    keyDefinition(xml, "claims_received", "node", "claims_received", "int");
    keyDefinition(xml, "type", "edge", "type", "string");
    keyDefinition(xml, "stance", "edge", "stance", "string");
    keyDefinition(xml, "weight", "edge", "weight", "int");
    keyDefinition(xml, "colour", "edge", "colour", "string");
    xml.writeStartElement(QStringLiteral("graph"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("actors"));
    xml.writeAttribute(QStringLiteral("edgedefault"), QStringLiteral("directed"));
    for (const auto &n : network.nodes) {
        xml.writeStartElement(QStringLiteral("node"));
        xml.writeAttribute(QStringLiteral("id"), nodeId(n.actorId));
        data(xml, "name", n.name);
        data(xml, "kind", n.kind);
        data(xml, "uuid", n.uuid);
        data(xml, "mentions", QString::number(n.mentions));
        data(xml, "claims_made", QString::number(n.claimsMade));
        data(xml, "claims_received", QString::number(n.claimsReceived));
        xml.writeEndElement();
    }
    int serial = 0;
    for (const auto &e : network.edges) {
        xml.writeStartElement(QStringLiteral("edge"));
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("e%1").arg(++serial));
        xml.writeAttribute(QStringLiteral("source"), nodeId(e.from));
        xml.writeAttribute(QStringLiteral("target"), nodeId(e.to));
        if (e.type == ActorNetwork::Edge::Type::CoMention)
            xml.writeAttribute(QStringLiteral("directed"), QStringLiteral("false"));
        data(xml, "type", typeName(e));
        data(xml, "stance", e.stance);
        data(xml, "weight", QString::number(e.weight));
        data(xml, "colour", colour(e));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

QByteArray NetworkWriter::toGexf(const ActorNetwork &network)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("gexf"));
    xml.writeDefaultNamespace(QStringLiteral("http://gexf.net/1.3"));
    xml.writeNamespace(QStringLiteral("http://gexf.net/1.3/viz"), QStringLiteral("viz"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.3"));
    xml.writeStartElement(QStringLiteral("graph"));
    xml.writeAttribute(QStringLiteral("defaultedgetype"), QStringLiteral("directed"));
    auto attribute = [&](const char *id, const char *title, const char *type) {
        xml.writeStartElement(QStringLiteral("attribute"));
        xml.writeAttribute(QStringLiteral("id"), QLatin1String(id));
        xml.writeAttribute(QStringLiteral("title"), QLatin1String(title));
        xml.writeAttribute(QStringLiteral("type"), QLatin1String(type));
        xml.writeEndElement();
    };
    auto value = [&](const char *id, const QString &v) {
        xml.writeStartElement(QStringLiteral("attvalue"));
        xml.writeAttribute(QStringLiteral("for"), QLatin1String(id));
        xml.writeAttribute(QStringLiteral("value"), v);
        xml.writeEndElement();
    };
    xml.writeStartElement(QStringLiteral("attributes"));
    xml.writeAttribute(QStringLiteral("class"), QStringLiteral("node"));
    attribute("kind", "kind", "string");
    attribute("mentions", "mentions", "integer");
    attribute("claims_made", "claims_made", "integer");
    attribute("claims_received", "claims_received", "integer");
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("attributes"));
    xml.writeAttribute(QStringLiteral("class"), QStringLiteral("edge"));
    attribute("type", "type", "string");
    attribute("stance", "stance", "string");
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("nodes"));
    for (const auto &n : network.nodes) {
        xml.writeStartElement(QStringLiteral("node"));
        xml.writeAttribute(QStringLiteral("id"), nodeId(n.actorId));
        xml.writeAttribute(QStringLiteral("label"), n.name);
        xml.writeStartElement(QStringLiteral("attvalues"));
        value("kind", n.kind);
        value("mentions", QString::number(n.mentions));
        value("claims_made", QString::number(n.claimsMade));
        value("claims_received", QString::number(n.claimsReceived));
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("edges"));
    int serial = 0;
    for (const auto &e : network.edges) {
        xml.writeStartElement(QStringLiteral("edge"));
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("e%1").arg(++serial));
        xml.writeAttribute(QStringLiteral("source"), nodeId(e.from));
        xml.writeAttribute(QStringLiteral("target"), nodeId(e.to));
        xml.writeAttribute(QStringLiteral("weight"), QString::number(e.weight));
        if (e.type == ActorNetwork::Edge::Type::CoMention)
            xml.writeAttribute(QStringLiteral("type"), QStringLiteral("undirected"));
        xml.writeStartElement(QStringLiteral("attvalues"));
        value("type", typeName(e));
        value("stance", e.stance);
        xml.writeEndElement();
        const QString c = colour(e);
        xml.writeStartElement(QStringLiteral("http://gexf.net/1.3/viz"), QStringLiteral("color"));
        xml.writeAttribute(QStringLiteral("r"), QString::number(c.mid(1, 2).toInt(nullptr, 16)));
        xml.writeAttribute(QStringLiteral("g"), QString::number(c.mid(3, 2).toInt(nullptr, 16)));
        xml.writeAttribute(QStringLiteral("b"), QString::number(c.mid(5, 2).toInt(nullptr, 16)));
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

QByteArray NetworkWriter::toDot(const ActorNetwork &network)
{
    QString out = QStringLiteral("digraph actors {\n  node [shape=ellipse];\n");
    for (const auto &n : network.nodes) {
        out += QStringLiteral("  %1 [label=%2, kind=%3, mentions=%4];\n")
                   .arg(nodeId(n.actorId), dotString(n.name), dotString(n.kind))
                   .arg(n.mentions);
    }
    for (const auto &e : network.edges) {
        const bool claim = e.type == ActorNetwork::Edge::Type::Claim;
        out += QStringLiteral(
                   "  %1 -> %2 [type=%3, stance=%4, weight=%5, penwidth=%6, color=%7%8];\n")
                   .arg(nodeId(e.from), nodeId(e.to), dotString(typeName(e)), dotString(e.stance))
                   .arg(e.weight)
                   .arg(1 + e.weight)
                   .arg(dotString(colour(e)),
                        claim ? QString() : QStringLiteral(", style=dashed, dir=none"));
    }
    out += QStringLiteral("}\n");
    return out.toUtf8();
}
